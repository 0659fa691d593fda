//go:build !windows

package userdirs

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDocuments reads a real home: the XDG folder when set and present, else
// ~/Documents, else home.
func TestDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	if got := Documents(); got != home {
		t.Errorf("no Documents folder: %q, want home %q", got, home)
	}
	docs := filepath.Join(home, "Documents")
	mustMkdir(t, docs)
	if got := Documents(); got != docs {
		t.Errorf("~/Documents: %q", got)
	}
	wendang := filepath.Join(home, "文档")
	mustMkdir(t, filepath.Join(home, ".config"))
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(`XDG_DOCUMENTS_DIR="$HOME/文档"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := Documents(); got != docs {
		t.Errorf("XDG folder missing: %q, want %q", got, docs)
	}
	mustMkdir(t, wendang)
	if got := Documents(); got != wendang {
		t.Errorf("XDG folder: %q, want %q", got, wendang)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
}

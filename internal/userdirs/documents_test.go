package userdirs

import (
	"path/filepath"
	"testing"
)

func TestXDGDir(t *testing.T) {
	home := "/home/王"
	for _, tc := range []struct{ name, file, want string }{
		{"home relative", `XDG_DOCUMENTS_DIR="$HOME/文档"`, "/home/王/文档"},
		{"absolute", `XDG_DOCUMENTS_DIR="/data/docs"`, "/data/docs"},
		{"the last line wins", "XDG_DOCUMENTS_DIR=\"$HOME/a\"\nXDG_DOCUMENTS_DIR=\"$HOME/b\"", "/home/王/b"},
		{"other folders ignored", `XDG_DOWNLOAD_DIR="$HOME/Downloads"`, ""},
		{"comments ignored", `# XDG_DOCUMENTS_DIR="$HOME/x"`, ""},
		{"home means not set", `XDG_DOCUMENTS_DIR="$HOME/"`, ""},
		{"relative is refused", `XDG_DOCUMENTS_DIR="docs"`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := xdgDir([]byte(tc.file), "DOCUMENTS", home); got != filepath.FromSlash(tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOpenLogAppendsAndStartsOverWhenFull(t *testing.T) {
	path := filepath.Join(tempDir(t), "cdrdesk", logName) // the folder does not exist yet
	now := time.Date(2026, 11, 29, 8, 30, 0, 0, time.UTC)
	for i, args := range [][]string{{"version"}, {"export", "--range", "yesterday"}} {
		f, err := openLog(path, args, now)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("line " + string(rune('1'+i)) + "\r\n")
		f.Close()
	}
	got, _ := os.ReadFile(path)
	want := "\r\n--- 2026-11-29 08:30:00 cdrdesk version\r\nline 1\r\n" +
		"\r\n--- 2026-11-29 08:30:00 cdrdesk export --range yesterday\r\nline 2\r\n"
	if string(got) != want {
		t.Fatalf("log is %q, want %q", got, want)
	}

	full := bytes.Repeat([]byte("x"), logLimit+1)
	if err := os.WriteFile(path, full, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := openLog(path, []string{"version"}, now)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "\r\n--- ") || len(got) > 100 {
		t.Errorf("a full log was not started over: %d bytes", len(got))
	}
	if old, _ := os.ReadFile(path + ".old"); !bytes.Equal(old, full) {
		t.Errorf("the full log was not kept as .old (%d bytes)", len(old))
	}
}

// tempDir is t.TempDir without failing the test when the clean-up cannot delete: these
// tests also run under Wine (.ci/wine-smoke), whose 8.0 lacks the POSIX-style delete
// that Go's os.RemoveAll asks Windows for.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "cdrdesk-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func TestLogNoticeNamesTheLogInTheUsersLanguage(t *testing.T) {
	path := `C:\Users\李娜\AppData\Local\cdrdesk\cdrdesk.log`
	for _, chinese := range []bool{false, true} {
		text := logNotice(path, chinese)
		if !strings.HasSuffix(text, "\n"+path) {
			t.Errorf("chinese=%v: %q does not end with the log's path", chinese, text)
		}
		words := strings.FieldsFunc(strings.TrimSuffix(text, path), func(r rune) bool { return r < 'A' || r > 'z' })
		english := slices.ContainsFunc(words, func(w string) bool { return w != "cdrdesk" })
		if english == chinese {
			t.Errorf("chinese=%v: %q", chinese, text)
		}
	}
}

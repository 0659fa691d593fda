package place

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cdrdesk/internal/archive"
)

func TestChoose(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	def := filepath.Join(data, "cdrdesk", "archive.db")
	for _, tc := range []struct{ name, flag, env, want string }{
		{"flag first", "/a/x.db", "/b/y.db", "/a/x.db"},
		{"then the environment", "", "postgres://u@db/cdr", "postgres://u@db/cdr"},
		{"else the data folder", "", "", def},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Choose(tc.flag, func(k string) string {
				if k == EnvVar {
					return tc.env
				}
				return ""
			})
			if err != nil || got != tc.want {
				t.Errorf("Choose = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestDisplayHidesThePassword(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://cdr:s3cret@db.example:5432/cdr?sslmode=require", "postgres://cdr:xxxxx@db.example:5432/cdr?sslmode=require"},
		{"POSTGRESQL://cdr:s3cret@db/cdr", "postgresql://cdr:xxxxx@db/cdr"},
		{`C:\Users\王\archive.db`, `C:\Users\王\archive.db`},
	} {
		if got := Display(tc.in); got != tc.want {
			t.Errorf("Display(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestOpenMakesTheDefaultFolder: the first run has no cdrdesk folder yet.
func TestOpenMakesTheDefaultFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), def)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(def); err != nil {
		t.Errorf("no archive file: %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(foreign, []byte("shopping list\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var damaged *archive.DamagedError
	var open *archive.OpenError
	for _, tc := range []struct {
		name, location string
		as             any
		notIn          string
	}{
		{"a file that is not SQLite", foreign, &damaged, ""},
		{"a missing folder other than the default", filepath.Join(dir, "typo", "archive.db"), &open, ""},
		{"PostgreSQL, not yet in this build", "postgres://cdr:s3cret@127.0.0.1/cdr", &open, "s3cret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(context.Background(), tc.location)
			if s != nil || !errors.As(err, tc.as) {
				t.Fatalf("Open = %v, %v", s, err)
			}
			if tc.notIn != "" && strings.Contains(err.Error(), tc.notIn) {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a folder was made for a mistyped path: %v", err)
	}
	if b, _ := os.ReadFile(foreign); string(b) != "shopping list\n" {
		t.Errorf("the foreign file changed: %q", b)
	}
}

//go:build !windows

package userdirs

import (
	"path/filepath"
	"testing"
)

func TestData(t *testing.T) {
	home := t.TempDir()
	for _, tc := range []struct{ name, xdg, want string }{
		{"XDG_DATA_HOME", "/srv/data", "/srv/data"},
		{"unset", "", filepath.Join(home, ".local", "share")},
		{"relative is ignored", "data", filepath.Join(home, ".local", "share")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HOME", home)
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			if got := Data(); got != tc.want {
				t.Errorf("Data() = %q, want %q", got, tc.want)
			}
		})
	}
}

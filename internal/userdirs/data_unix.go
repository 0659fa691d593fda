//go:build !windows

package userdirs

import (
	"os"
	"path/filepath"
)

// platformData is $XDG_DATA_HOME when it is an absolute path (the XDG rule: a relative
// one is ignored), else ~/.local/share.
func platformData() string {
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share")
}

//go:build !windows

package userdirs

import (
	"os"
	"path/filepath"
)

// platformDocuments lists the XDG DOCUMENTS folder, then ~/Documents.
func platformDocuments(home string) []string {
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" && home != "" {
		config = filepath.Join(home, ".config")
	}
	var out []string
	if data, err := os.ReadFile(filepath.Join(config, "user-dirs.dirs")); err == nil {
		if dir := xdgDir(data, "DOCUMENTS", home); dir != "" {
			out = append(out, dir)
		}
	}
	return append(out, underHome(home))
}

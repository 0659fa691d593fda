// Package userdirs finds the user's own folders the way the desktop does: Documents, so
// that a report is saved where the person looks for it, and the data folder, where the
// archive is kept.
package userdirs

import (
	"os"
	"path/filepath"
)

// Documents returns the user's Documents folder if it exists: on Windows the known
// folder FOLDERID_Documents (which follows a folder moved to another drive or to
// OneDrive), else %USERPROFILE%\Documents; on Linux and other Unix systems the XDG
// DOCUMENTS folder (as xdg-user-dir reports it), else ~/Documents. When there is none
// it returns the home folder, and "" when even that is unknown.
func Documents() string {
	home, _ := os.UserHomeDir()
	return pick(home, platformDocuments(home))
}

// pick returns the first of candidates that is an existing folder, else home.
func pick(home string, candidates []string) string {
	for _, dir := range candidates {
		if dir != "" && isDir(dir) {
			return dir
		}
	}
	if home != "" && isDir(home) {
		return home
	}
	return ""
}

func isDir(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

// underHome is home/Documents, or "" without a home.
func underHome(home string) string {
	if home == "" {
		return ""
	}
	return filepath.Join(home, "Documents")
}

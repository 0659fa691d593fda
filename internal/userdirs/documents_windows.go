package userdirs

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// platformDocuments lists where Windows keeps Documents: the known folder first (it
// may have been moved), then the profile's usual place.
func platformDocuments(home string) []string {
	var out []string
	if dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0); err == nil {
		out = append(out, dir)
	}
	if profile := os.Getenv("USERPROFILE"); profile != "" {
		out = append(out, filepath.Join(profile, "Documents"))
	}
	return append(out, underHome(home))
}

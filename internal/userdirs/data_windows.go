package userdirs

import (
	"os"

	"golang.org/x/sys/windows"
)

// platformData is the LocalAppData known folder, else %LOCALAPPDATA%.
func platformData() string {
	if dir, err := windows.KnownFolderPath(windows.FOLDERID_LocalAppData, 0); err == nil && dir != "" {
		return dir
	}
	return os.Getenv("LOCALAPPDATA")
}

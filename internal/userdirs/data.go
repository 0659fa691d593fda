package userdirs

// Data returns the folder where programs keep the user's own data (not settings, not
// documents): on Windows %LOCALAPPDATA% (the known folder FOLDERID_LocalAppData), which
// stays on this computer rather than roaming with the profile, since an archive may
// grow to gigabytes; elsewhere $XDG_DATA_HOME, else ~/.local/share. It returns "" when
// neither is known. The folder may not exist yet.
func Data() string {
	return platformData()
}

package place

import (
	"errors"
	"net/url"
	"path/filepath"
	"strings"

	"cdrdesk/internal/userdirs"
)

// EnvVar names the environment variable that chooses the archive when no --archive is
// given.
const EnvVar = "CDRDESK_ARCHIVE"

// FileName is the default archive's file name in cdrdesk's data folder.
const FileName = "archive.db"

// ErrNoDataFolder says the user's data folder is unknown (no home folder), so there
// is no default archive: one must be given with --archive or CDRDESK_ARCHIVE.
var ErrNoDataFolder = errors.New("the user's data folder is unknown: give the archive with --archive or CDRDESK_ARCHIVE")

// Default returns the default archive file: archive.db in the cdrdesk folder of the
// user's data folder. The folder may not exist yet; Open makes it.
func Default() (string, error) {
	data := userdirs.Data()
	if data == "" {
		return "", ErrNoDataFolder
	}
	return filepath.Join(data, "cdrdesk", FileName), nil
}

// Choose returns the archive's location: flag when not empty (--archive), else the
// environment's CDRDESK_ARCHIVE, else Default.
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := getenv(EnvVar); env != "" {
		return env, nil
	}
	return Default()
}

// IsPostgres reports whether location is a PostgreSQL connection string rather than a
// file path.
func IsPostgres(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Display returns location as it may be shown or logged: a connection string without
// its password.
func Display(location string) string {
	if !IsPostgres(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		return "the PostgreSQL database" // unparsable: it may hold a password anywhere
	}
	return u.Redacted()
}

package place

import (
	"context"
	"os"
	"path/filepath"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/sqlite"
)

// Open opens the archive at location: a PostgreSQL database for a postgres:// or
// postgresql:// connection string, else the SQLite file at that path, created when
// missing. The default archive's folder is made when missing; another path's folder
// must exist, so that a mistyped --archive does not grow folders. Errors are the
// stores' own: *archive.DamagedError, *archive.NewerError or *archive.OpenError.
func Open(ctx context.Context, location string) (archive.Store, error) {
	if IsPostgres(location) {
		return openPostgres(ctx, location)
	}
	if def, err := Default(); err == nil && filepath.Clean(location) == def {
		if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
			return nil, &archive.OpenError{Location: location, Err: err}
		}
	}
	s, err := sqlite.Open(ctx, location)
	if err != nil {
		return nil, err // a nil *sqlite.Store must not become a non-nil archive.Store
	}
	return s, nil
}

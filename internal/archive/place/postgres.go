package place

import (
	"context"
	"errors"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/postgres"
)

// openPostgres opens the PostgreSQL archive of connection string dsn. A failure that
// is not about the database's content (no server, a refused password, a wrong name)
// is an *archive.OpenError, explained as the archive that could not be opened.
func openPostgres(ctx context.Context, dsn string) (archive.Store, error) {
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		var damaged *archive.DamagedError
		var newer *archive.NewerError
		if errors.As(err, &damaged) || errors.As(err, &newer) {
			return nil, err
		}
		return nil, &archive.OpenError{Location: Display(dsn), Err: err}
	}
	return s, nil
}

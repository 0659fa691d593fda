package place

import (
	"context"
	"errors"

	"cdrdesk/internal/archive"
)

// errNoPostgres stands until internal/archive/postgres is part of cdrdesk.
var errNoPostgres = errors.New("this cdrdesk cannot use PostgreSQL archives yet; use an archive file")

// openPostgres opens the PostgreSQL archive of connection string dsn. Hooking the
// PostgreSQL store in is the one line `return postgres.Open(ctx, dsn)` here.
func openPostgres(ctx context.Context, dsn string) (archive.Store, error) {
	return nil, &archive.OpenError{Location: Display(dsn), Err: errNoPostgres}
}

package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Store is an archive in a PostgreSQL database. It is safe for concurrent use, and
// any number of Stores (in this process or others) may share one database.
type Store struct {
	pool *pgxpool.Pool
	loc  string

	// step, when set (by tests), is called at each step of a Commit's transaction,
	// so that a test can cancel it there.
	step func(name string)
}

var _ archive.Store = (*Store)(nil)

// Open connects to the database dsn names (a postgres:// URL or key=value settings)
// and makes it an archive if it is empty, or brings an archive made by an earlier
// cdrdesk up to date. It refuses a database that holds other tables but no archive
// (*archive.DamagedError, Foreign) and one made by a newer cdrdesk
// (*archive.NewerError), and changes nothing in either. Its errors never hold the
// password.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return open(ctx, dsn, migrations)
}

func open(ctx context.Context, dsn string, steps []step) (*Store, error) {
	cfg, err := parseConfig(dsn)
	if err != nil {
		// pgx's message quotes the settings with the password masked.
		return nil, fmt.Errorf("archive: %w", err)
	}
	loc := location(cfg)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("archive %s: %w", loc, err)
	}
	if err := migrate(ctx, pool, loc, steps); err != nil {
		pool.Close()
		var damaged *archive.DamagedError
		var newer *archive.NewerError
		if errors.As(err, &damaged) || errors.As(err, &newer) {
			return nil, err // they name the location themselves
		}
		return nil, fmt.Errorf("archive %s: %w", loc, err)
	}
	return &Store{pool: pool, loc: loc}, nil
}

// DefaultConnectTimeout is how long a connection to the server may take when the
// connection string sets no connect_timeout.
const DefaultConnectTimeout = 10 * time.Second

// parseConfig reads a connection string, with DefaultConnectTimeout when it sets no
// connect_timeout: without one, a server that does not answer (switched off, behind a
// firewall that drops) would hold an export or the window for the system's TCP
// timeout, minutes, before the archive is reported unusable.
func parseConfig(dsn string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err == nil && cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	return cfg, err
}

// location names the database for people: user@host:port/database, never the
// password. A Unix socket's folder stands as the host.
func location(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	host := c.Host
	if len(host) > 0 && host[0] != '/' {
		host += ":" + strconv.Itoa(int(c.Port))
	}
	return "postgres://" + c.User + "@" + host + "/" + c.Database
}

// Location returns where the archive is, without a password, for Settings and errors.
func (s *Store) Location() string { return s.loc }

// Close closes the store's connections once the calls still running have ended.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// stepDone calls the test hook, if any.
func (s *Store) stepDone(name string) {
	if s.step != nil {
		s.step(name)
	}
}

// failed says what failed: an *archive.DamagedError when a block failed its checksum
// (the database holds bytes cdrdesk did not write), else err with what was being done.
func (s *Store) failed(what string, err error) error {
	if errors.Is(err, block.ErrDamaged) {
		return &archive.DamagedError{Location: s.loc, Err: fmt.Errorf("%s: %w", what, err)}
	}
	return fmt.Errorf("archive %s: %s: %w", s.loc, what, err)
}

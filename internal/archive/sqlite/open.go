package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Store is an archive in an SQLite file. It implements archive.Store; any number of
// goroutines and processes may use one file at once.
type Store struct {
	db   *sql.DB
	path string

	mu      sync.Mutex
	checked bool // the whole file passed fullCheck before this Store's first write
}

var _ archive.Store = (*Store)(nil)

// busyTimeoutMS is how long a writer waits for another's transaction: long enough for
// the largest commit (a year in one batch takes seconds), so that no call fails
// because another process holds the file.
const busyTimeoutMS = 10 * 60 * 1000

// pageSize is the page size of a new archive.
const pageSize = 16384

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Open opens the archive in the file at path, creating it with the schema when there
// is none, and upgrading an archive of an older cdrdesk. A file it cannot use is left
// as it is: *archive.DamagedError for one that is not SQLite, is damaged, or (Foreign)
// belongs to another program; *archive.NewerError for an archive of a newer cdrdesk.
func Open(ctx context.Context, path string) (*Store, error) {
	// The driver reads what follows a "?" as its options: an empty path or one with a
	// "?" would open (or create) another file than the one named.
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, &archive.OpenError{Location: path, Err: errBadPath}
	}
	if err := checkMagic(path); err != nil {
		return nil, err
	}
	// synchronous=normal: in WAL mode a crash or a kill loses no committed
	// transaction (only a power cut may lose the last ones). The page cache holds a
	// commit of a busy week without spilling it to the WAL twice. wal_autocheckpoint:
	// the WAL is copied into the file once it holds 4 MB, after each commit of a
	// sync's window (while the next one downloads), not 16 MB at a time; closing then
	// copies a window at most, not the last 16 MB of a year (57-145 ms of a sync that
	// took 1.1 s, against 19-22 ms now).
	dsn := fmt.Sprintf("%s?_txlock=immediate&_pragma=busy_timeout(%d)&_pragma=synchronous(normal)&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(%d)",
		path, busyTimeoutMS, 4<<20/pageSize)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, &archive.OpenError{Location: path, Err: err}
	}
	s := &Store{db: db, path: path}
	if err := s.prepareWaiting(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepareWaiting is prepare, tried again while another process holds the file. Some
// of what opening does (making a new file WAL, the first look at a file another
// process is making) fails at once with SQLITE_BUSY instead of waiting for the busy
// timeout, so two processes opening one archive at the same moment would see
// "database is locked".
func (s *Store) prepareWaiting(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 250*time.Millisecond) {
		err := s.prepare(ctx)
		if err == nil || !busy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// busy says whether err is SQLite's "database is locked" (another process holds it).
func busy(err error) bool {
	var e *sqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

var errBadPath = errors.New(`an archive file's name cannot be empty or contain "?"`)

// checkMagic refuses an existing file that is not an SQLite database before the
// driver opens it. An empty file (a creation cut short) is taken as a new archive.
func checkMagic(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &archive.OpenError{Location: path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF):
		return nil
	case errors.Is(err, io.ErrUnexpectedEOF) || err == nil && !bytes.Equal(head, sqliteMagic):
		return &archive.DamagedError{Location: path, Err: errors.New("not an SQLite database file")}
	case err != nil:
		return &archive.OpenError{Location: path, Err: err}
	}
	return nil
}

// prepare checks the file and brings its schema up to date; it writes nothing to a
// file it refuses.
func (s *Store) prepare(ctx context.Context) error {
	version, err := s.check(ctx)
	if err != nil {
		return err
	}
	if version == 0 {
		// A new file: pages larger than SQLite's 4 KiB hold a block in fewer of
		// them. Only possible before WAL.
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
			return s.damaged(err)
		}
	}
	// WAL is the file's mode from now on: readers never wait for a writer.
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return s.damaged(err)
	}
	if version == schemaVersion {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see Open's DSN)
	if err != nil {
		return s.damaged(err)
	}
	defer tx.Rollback()
	// Another process may have created or upgraded the archive meanwhile.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.damaged(err)
	}
	if version > schemaVersion {
		return &archive.NewerError{Location: s.path, Version: version, Newest: schemaVersion}
	}
	if version > 0 && version < schemaVersion {
		// A step rewrites much of the file: check all of it first.
		if err := s.fullCheck(ctx, tx); err != nil {
			return s.damaged(err)
		}
	}
	if version < schemaVersion {
		if err := migrate(ctx, tx, version); err != nil {
			return &archive.OpenError{Location: s.path, Err: fmt.Errorf("upgrade from schema %d: %w", version, err)}
		}
	}
	if err := tx.Commit(); err != nil {
		return &archive.OpenError{Location: s.path, Err: err}
	}
	return nil
}

// check reads the file's marks and checks its structure. It returns the schema
// version (0 for an empty file, to be made an archive).
func (s *Store) check(ctx context.Context) (int, error) {
	// One read transaction, so that all is read of one state of the file: another
	// process may be making it an archive meanwhile (its tables, then its marks, in
	// one transaction).
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // a plain BEGIN
	if err != nil {
		return 0, s.damaged(err)
	}
	defer tx.Rollback()
	var id, version, objects int
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return 0, s.damaged(err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, s.damaged(err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return 0, s.damaged(err)
	}
	switch {
	case id == 0 && version == 0 && objects == 0:
		return 0, nil // an empty database: nobody's yet
	case id != applicationID:
		return 0, &archive.DamagedError{Location: s.path, Foreign: true,
			Err: fmt.Errorf("application_id %#x, %d objects", id, objects)}
	case version > schemaVersion:
		return 0, &archive.NewerError{Location: s.path, Version: version, Newest: schemaVersion}
	}
	// What is cheap: every page of the small tables and of the block table's tree,
	// without the blocks' own bytes (each has its checksum, checked when it is
	// read). The whole file is checked before the first write (beginWrite).
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM pbx) + (SELECT count(*) FROM header) +
		(SELECT count(*) FROM block) + (SELECT count(*) FROM coverage)`).Scan(&n); err != nil {
		return 0, s.damaged(err)
	}
	return version, nil
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE, see Open's DSN). Before the
// first of a Store, the whole file is checked (fullCheck), so that a damage Open's
// cheap checks and the blocks' checksums have not met is found before anything is
// written to the file. The check reads the file once, in a read transaction, so
// other processes keep writing meanwhile; that cost is paid by a write (a sync, an
// import), never by a read.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if err := s.checkOnce(ctx); err != nil {
		return nil, err
	}
	return s.db.BeginTx(ctx, nil)
}

// checkOnce runs fullCheck the first time it is called, and again after a failure.
func (s *Store) checkOnce(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.checked {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // a plain BEGIN: it waits for no writer
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.fullCheck(ctx, tx); err != nil {
		return err
	}
	s.checked = true
	return nil
}

// fullCheck runs PRAGMA quick_check in tx, which checks SQLite's structure, and
// checks every block's checksum, which that does not read: nil, or an
// *archive.DamagedError.
func (s *Store) fullCheck(ctx context.Context, tx *sql.Tx) error {
	problems, err := quickCheck(ctx, tx)
	if err != nil {
		return err
	}
	if problems != "" {
		return &archive.DamagedError{Location: s.path, Err: errors.New(problems)}
	}
	return checkBlocks(ctx, tx)
}

// checkBlocks checks the checksum of every block of a version-2 archive.
func checkBlocks(ctx context.Context, tx *sql.Tx) error {
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version < 2 {
		return err // version 1's blocks have none: its upgrade decodes them all
	}
	rs, err := tx.QueryContext(ctx, "SELECT day, data FROM block")
	if err != nil {
		return err
	}
	defer rs.Close()
	var day int64
	var data sql.RawBytes
	for rs.Next() {
		if err := rs.Scan(&day, &data); err != nil {
			return err
		}
		if err := block.Check(data); err != nil {
			return blockError(day, err)
		}
	}
	return rs.Err()
}

// quickCheck returns the first problems PRAGMA quick_check finds ("" for none).
func quickCheck(ctx context.Context, tx *sql.Tx) (string, error) {
	rs, err := tx.QueryContext(ctx, "PRAGMA quick_check(3)")
	if err != nil {
		return "", err
	}
	defer rs.Close()
	var lines []string
	for rs.Next() {
		var line string
		if err := rs.Scan(&line); err != nil {
			return "", err
		}
		if line != "ok" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; "), rs.Err()
}

// damaged makes a driver's error while checking the file an *archive.DamagedError when
// it says the file is not a database or is corrupt, else an *archive.OpenError (a file
// that cannot be opened or created, a cancelled context).
func (s *Store) damaged(err error) error {
	var d *archive.DamagedError
	if errors.As(err, &d) {
		return d
	}
	if corrupt(err) {
		return &archive.DamagedError{Location: s.path, Err: err}
	}
	return &archive.OpenError{Location: s.path, Err: err}
}

// corrupt says whether err says the file is damaged: SQLite found a page it cannot
// read, or a block failed its checksum.
func corrupt(err error) bool {
	var e *sqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return true
		}
	}
	var d *archive.DamagedError
	return errors.Is(err, block.ErrDamaged) || errors.As(err, &d)
}

// blockError says which day's block err is about.
func blockError(day int64, err error) error { return &block.DayError{Day: day, Err: err} }

// failed wraps a driver's error with what was being done: an *archive.DamagedError
// when it says the file is damaged, wherever that was found.
func (s *Store) failed(what string, err error) error {
	if corrupt(err) {
		var d *archive.DamagedError
		if errors.As(err, &d) {
			return d
		}
		return &archive.DamagedError{Location: s.path, Err: fmt.Errorf("%s: %w", what, err)}
	}
	return fmt.Errorf("archive %s: %s: %w", s.path, what, err)
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

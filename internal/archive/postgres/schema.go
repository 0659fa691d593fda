package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"cdrdesk/internal/archive"
)

// A step brings the schema one version up: its statements, then its Go part, if any
// (what SQL alone cannot do, such as encoding blocks), in one transaction.
type step struct {
	sql string
	run func(ctx context.Context, tx pgx.Tx) error
}

// migrations[n] brings the schema from version n to n+1. Steps are only ever added:
// a database made by this version opens in every later one.
var migrations = []step{
	// 0 → 1: the first schema. Fixed-width columns first (no padding), the raw row
	// last. cdrdesk_record has no foreign key: the PBX's advisory lock already
	// orders its writers, and a key check per row would slow the bulk insert.
	{sql: `CREATE TABLE cdrdesk_schema (version integer NOT NULL);
	INSERT INTO cdrdesk_schema VALUES (0);
	CREATE TABLE cdrdesk_pbx (
		id       serial PRIMARY KEY,
		key      text NOT NULL UNIQUE,
		name     text NOT NULL,
		next_seq bigint NOT NULL DEFAULT 0,
		updated  timestamptz
	);
	CREATE TABLE cdrdesk_header (
		id  serial PRIMARY KEY,
		pbx integer NOT NULL REFERENCES cdrdesk_pbx ON DELETE CASCADE,
		raw bytea NOT NULL,
		UNIQUE (pbx, raw)
	);
	CREATE TABLE cdrdesk_record (
		pbx       integer NOT NULL,
		header    integer NOT NULL,
		seq       bigint NOT NULL,
		timestart timestamp,
		callid    text NOT NULL,
		callfrom  text NOT NULL,
		callto    text NOT NULL,
		status    text NOT NULL,
		type      text NOT NULL,
		raw       bytea NOT NULL
	);
	-- A row is held once per PBX: the index holds the SHA-256 of its bytes (a column
	-- of it would cost 33 bytes a row more).
	CREATE UNIQUE INDEX cdrdesk_record_row ON cdrdesk_record (pbx, sha256(raw));
	CREATE INDEX cdrdesk_record_time ON cdrdesk_record (pbx, timestart, seq);
	CREATE TABLE cdrdesk_coverage (
		pbx   integer NOT NULL REFERENCES cdrdesk_pbx ON DELETE CASCADE,
		first timestamp NOT NULL,
		last  timestamp NOT NULL,
		PRIMARY KEY (pbx, first)
	);`},
	// 1 → 2: a PBX's rows in blocks of one PBX-day and header (package block), as the
	// SQLite archive keeps them: a row per record took 2.8 times the CSV and most of
	// a commit's time. The blocks are compressed already: EXTERNAL keeps the server
	// from compressing them again (it would only spend time).
	{sql: `CREATE TABLE cdrdesk_block (
		pbx    integer NOT NULL REFERENCES cdrdesk_pbx ON DELETE CASCADE,
		day    integer NOT NULL, -- days since 1970-01-01 of the PBX's wall clock
		header integer NOT NULL REFERENCES cdrdesk_header ON DELETE CASCADE,
		rows   integer NOT NULL,
		first  timestamp NOT NULL, -- the earliest and latest timestart held
		last   timestamp NOT NULL,
		data   bytea NOT NULL,
		PRIMARY KEY (pbx, day, header)
	);
	ALTER TABLE cdrdesk_block ALTER COLUMN data SET STORAGE EXTERNAL;`, run: blocksFromRecords},
}

// Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)), "cdrd"
// and "cdre" in ASCII, so they do not meet the locks of other programs sharing the
// database.
const (
	lockSchema = 0x63647264 // second key 0: the schema, while it is checked or migrated
	lockPBX    = 0x63647265 // second key hashtext(pbx key): the PBX's rows and coverage
)

// migrate checks the database holds a cdrdesk archive of a version this code knows, and
// brings it to the newest, one step per transaction. An empty database gets the
// schema; one with other tables but not ours is refused (Foreign) and left as it is.
func migrate(ctx context.Context, pool *pgxpool.Pool, loc string, steps []step) error {
	for {
		done, err := migrateStep(ctx, pool, loc, steps)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep runs the next step, if any, in a transaction that holds the schema lock,
// so that two processes opening a new database at once do not both make it.
func migrateStep(ctx context.Context, pool *pgxpool.Pool, loc string, steps []step) (done bool, err error) {
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, 0)", lockSchema); err != nil {
			return err
		}
		version, err := schemaVersion(ctx, tx, loc)
		if err != nil {
			return err
		}
		switch {
		case version > len(steps):
			return &archive.NewerError{Location: loc, Version: version, Newest: len(steps)}
		case version == len(steps):
			done = true
			return nil
		}
		if _, err := tx.Exec(ctx, steps[version].sql); err != nil {
			return fmt.Errorf("update the archive %s to schema %d: %w", loc, version+1, err)
		}
		if run := steps[version].run; run != nil {
			if err := run(ctx, tx); err != nil {
				return fmt.Errorf("update the archive %s to schema %d: %w", loc, version+1, err)
			}
		}
		_, err = tx.Exec(ctx, "UPDATE cdrdesk_schema SET version = $1", version+1)
		return err
	})
	return done, err
}

// schemaVersion returns the archive's version; 0 for an empty database.
func schemaVersion(ctx context.Context, tx pgx.Tx, loc string) (int, error) {
	var ours bool
	if err := tx.QueryRow(ctx, "SELECT to_regclass('cdrdesk_schema') IS NOT NULL").Scan(&ours); err != nil {
		return 0, err
	}
	if !ours {
		var others int
		err := tx.QueryRow(ctx, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
			AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'`).Scan(&others)
		if err != nil {
			return 0, err
		}
		if others > 0 {
			return 0, &archive.DamagedError{Location: loc, Foreign: true,
				Err: fmt.Errorf("the database holds %d other tables and no cdrdesk_schema", others)}
		}
		return 0, nil
	}
	var versions []int32
	rows, err := tx.Query(ctx, "SELECT version FROM cdrdesk_schema")
	if err == nil {
		versions, err = pgx.CollectRows(rows, pgx.RowTo[int32])
	}
	if err != nil {
		return 0, &archive.DamagedError{Location: loc, Err: err}
	}
	if len(versions) != 1 || versions[0] < 1 {
		return 0, &archive.DamagedError{Location: loc,
			Err: errors.New("cdrdesk_schema does not hold exactly one version")}
	}
	return int(versions[0]), nil
}

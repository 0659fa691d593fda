package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// applicationID marks an SQLite file as a cdrdesk archive ("CDRD").
const applicationID = 0x43445244

// A step takes an archive from one schema version to the next: its statements, then
// its Go part, if any (what SQL alone cannot do, such as re-encoding blocks).
type step struct {
	sql string
	run func(ctx context.Context, tx *sql.Tx) error
}

// migrations are the steps of the schema: migrations[n] takes an archive of version n
// to version n+1. Open runs the steps an archive lacks in one transaction; the schema
// version is len(migrations). A released step is never changed: add one.
var migrations = []step{
	// 0 → 1: the first archive.
	{sql: `CREATE TABLE pbx (
		id      INTEGER PRIMARY KEY,
		key     TEXT NOT NULL UNIQUE,
		name    TEXT NOT NULL,
		header  INTEGER REFERENCES header(id), -- the latest header received
		updated INTEGER,                       -- the latest Batch.At with coverage, Unix ns
		seq     INTEGER NOT NULL DEFAULT 0     -- the records received so far
	);
	CREATE TABLE header (
		id    INTEGER PRIMARY KEY,
		bytes BLOB NOT NULL UNIQUE -- byte order mark, names and line ending, as sent
	);
	CREATE TABLE block (
		pbx    INTEGER NOT NULL REFERENCES pbx(id),
		day    INTEGER NOT NULL, -- days since 1970-01-01 of the PBX's wall clock
		header INTEGER NOT NULL REFERENCES header(id),
		rows   INTEGER NOT NULL,
		first  INTEGER NOT NULL, -- the earliest and latest timestart, Unix seconds
		last   INTEGER NOT NULL,
		data   BLOB NOT NULL,    -- DEFLATE of the rows' lengths, seconds and bytes
		PRIMARY KEY (pbx, day, header)
	) WITHOUT ROWID;
	-- The few values of status and type ("ANSWERED", "Inbound"), each kept once.
	CREATE TABLE term (
		id   INTEGER PRIMARY KEY,
		text TEXT NOT NULL UNIQUE
	);
	-- Each record's columns for reports and filters, in time order per PBX.
	CREATE TABLE record (
		pbx       INTEGER NOT NULL REFERENCES pbx(id),
		timestart INTEGER NOT NULL, -- Unix seconds of the PBX's wall clock
		seq       INTEGER NOT NULL, -- the order received, per PBX
		callid    TEXT NOT NULL,
		callfrom  TEXT NOT NULL,
		callto    TEXT NOT NULL,
		status    INTEGER NOT NULL REFERENCES term(id),
		type      INTEGER NOT NULL REFERENCES term(id),
		PRIMARY KEY (pbx, timestart, seq)
	) WITHOUT ROWID;
	CREATE TABLE coverage (
		pbx   INTEGER NOT NULL REFERENCES pbx(id),
		start INTEGER NOT NULL, -- inclusive, Unix seconds of the PBX's wall clock
		stop  INTEGER NOT NULL,
		PRIMARY KEY (pbx, start)
	) WITHOUT ROWID;
	-- What integrators query: SELECT * FROM records WHERE pbx = '…' AND timestart >= '2025-01-01'.
	CREATE VIEW records AS
		SELECT pbx.key AS pbx, datetime(r.timestart, 'unixepoch') AS timestart,
			r.callid, r.callfrom, r.callto, s.text AS status, t.text AS type
		FROM record r JOIN pbx ON pbx.id = r.pbx JOIN term s ON s.id = r.status JOIN term t ON t.id = r.type;`},
	// 1 → 2: the blocks hold callfrom and callto (package block) and a checksum; the
	// table of one SQL row per record, most of a commit's time and 0.5 of the CSV in
	// size, goes, with its view (integrators use `cdrdesk export --offline`).
	{sql: `DROP VIEW records;
	DROP TABLE record;
	DROP TABLE term;
	ALTER TABLE pbx DROP COLUMN seq;`, run: blocksV2},
}

// schemaVersion is the version this cdrdesk writes.
var schemaVersion = len(migrations)

// migrate brings the archive in tx from version from to schemaVersion.
func migrate(ctx context.Context, tx *sql.Tx, from int) error {
	for v := from; v < schemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v].sql); err != nil {
			return fmt.Errorf("schema step %d→%d: %w", v, v+1, err)
		}
		if run := migrations[v].run; run != nil {
			if err := run(ctx, tx); err != nil {
				return fmt.Errorf("schema step %d→%d: %w", v, v+1, err)
			}
		}
	}
	// PRAGMAs take no parameters; both values are this package's own integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, schemaVersion)); err != nil {
		return err
	}
	return nil
}

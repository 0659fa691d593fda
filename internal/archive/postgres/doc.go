// Package postgres is the archive kept in a PostgreSQL database (design §6): the
// shared archive of several office computers, or of branches each with their own PBX.
// It implements archive.Store with pgx.
//
// Its tables are named cdrdesk_* in the connection's current schema:
//
//   - cdrdesk_schema: the schema version (one row); a database without it that holds
//     other tables is not ours and is refused, never changed.
//   - cdrdesk_pbx: one row per PBX (its key, name, last update).
//   - cdrdesk_header: each header line a PBX sent (byte order mark included).
//   - cdrdesk_block: a PBX's rows in blocks of one PBX-day and one header, as package
//     block encodes them for the SQLite archive too: each row's bytes as sent, its
//     second, callfrom and callto, compressed (Snappy) and checked (CRC-32C). The
//     column is STORAGE EXTERNAL: the server does not try to compress it again.
//   - cdrdesk_coverage: the ranges held completely, merged, per PBX.
//
// Version 1 kept one row of cdrdesk_record per record, unique on the SHA-256 of its
// bytes: 2.8 times the CSV on disk and 26 s to commit a busy year. Step 1→2 moves its
// rows into blocks (reading callfrom and callto again from each row) and drops it.
// Integrators read the records with `cdrdesk export --offline --archive postgres://…`,
// which writes the CSV the PBX would send.
//
// A Commit reads its batch's rows by day before its transaction; then, holding a
// transaction-scoped advisory lock of its PBX, it reads that PBX's blocks of those
// days, drops the rows they hold (the whole row's bytes), merges the rest in and
// writes the blocks back, and merges the coverage, all in one transaction: any number
// of processes on any number of computers may commit into one database at once, and
// the rows of one PBX are written by one of them at a time. A busy year (1M records)
// commits in about 2 s and takes about 0.44 of its CSV on disk.
//
// A block whose checksum fails (bytes cdrdesk did not write) is an
// *archive.DamagedError when it is read.
package postgres

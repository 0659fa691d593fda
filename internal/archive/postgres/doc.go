// Package postgres is the archive kept in a PostgreSQL database (design §6): the
// shared archive of several office computers, or of branches each with their own PBX.
// It implements archive.Store with pgx.
//
// Its tables are named cdrdesk_* in the connection's current schema:
//
//   - cdrdesk_schema: the schema version (one row); a database without it that holds
//     other tables is not ours and is refused, never changed.
//   - cdrdesk_pbx: one row per PBX (its key, name, last update, and the counter that
//     orders its rows as they were received).
//   - cdrdesk_header: each header line a PBX sent (byte order mark included).
//   - cdrdesk_record: each row's bytes as sent, with the columns reports and filters
//     need, unique per PBX on the SHA-256 of the bytes (an index on the expression):
//     the whole row de-duplicates.
//   - cdrdesk_coverage: the ranges held completely, merged, per PBX.
//
// A Commit copies its rows into a temporary table (COPY, the fast path) and then,
// holding a transaction-scoped advisory lock of its PBX, inserts those not yet held
// (ON CONFLICT DO NOTHING) and merges the coverage, all in one transaction: any number
// of processes on any number of computers may commit into one database at once.
package postgres

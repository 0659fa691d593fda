// Package sqlite is the archive kept in an embedded SQLite file (design §6): the
// default, one computer's `archive.db` in the user's data folder.
//
// # Driver
//
// The driver is modernc.org/sqlite, SQLite translated to Go: `make windows` keeps
// cross-building with no C compiler. mattn/go-sqlite3 needs cgo, which breaks that
// cross-build; ncruces/go-sqlite3 runs SQLite as WebAssembly, whose runtime must start
// and compile the module in every process, a cost the CLI would pay on each run.
//
// # Storage
//
// A PBX's rows are kept as package block keeps them, in blocks of one PBX-day (by
// timestart's wall clock) and one header: each row's bytes as sent, with its line
// ending, in time order (rows of the same second in the order they were received),
// beside its second of the day, callfrom and callto, compressed with Snappy and
// guarded by a CRC-32C. A commit decodes the blocks of the days it touches, drops
// every row whose bytes a block already holds (a 64-bit hash, then a byte
// comparison), merges the rest in and writes the blocks again. A row that reached
// the end of its CSV without a line ending is kept with its header's, as
// cdrclient.Table.WriteRowsTo writes it, so it equals the same row sent inside a later
// window. WriteCSV selects extensions by the blocks' callfrom and callto, in Go, while
// it decodes them.
//
// There is no SQL table of one row per record (version 1 had one, `record`, and a
// view `records` for integrators: inserting it was most of a commit's time and half
// the file). Integrators read the records with `cdrdesk export --offline`, which
// writes the CSV the PBX would send.
//
// Coverage holds the ranges held completely, merged, per PBX. All of a commit
// (blocks and coverage) is one transaction.
//
// # Size and speed
//
// Snappy keeps the blocks at about 0.32 of the CSV they hold; with SQLite's pages the
// file is about 0.45 of it. A commit reads the batch's timestart, callfrom and callto,
// compares its rows with the blocks' second by second, and compresses blocks on
// another goroutine while it merges the next days: a year of a busy PBX (1M records)
// commits week by week in 1.1–1.9 s on this project's shared two-core machine (about
// 1.2 s of CPU), against 3.7–5.8 s with version 1's record table. Opening reads a few
// pages (4 ms for a 5M-record file); the first write's check of that file takes about
// 0.5 s. WriteCSV decodes blocks
// ahead of its writer, so that a caller parsing what it writes (the window's Table)
// keeps the other core busy.
//
// # Headers
//
// Each block names the header its rows came with (with its byte order mark and line
// ending, as sent). Should a PBX's header change (a firmware update), rows keep their
// own: a range whose rows all share one header is written byte for byte as the PBX
// sent it; a range spanning two headers is written with the header most of its rows
// came with (the earlier on a tie), followed by every row's own bytes. A range with no
// rows is written as the PBX's latest header alone, as the PBX answers one.
//
// # Files
//
// The file is marked as cdrdesk's by PRAGMA application_id and carries its schema
// version in PRAGMA user_version; Open upgrades an older archive by the steps of
// migrations in one transaction (1→2 re-encodes every block with its columns and drops
// the record table; the pages it frees are reused by later commits).
//
// Open checks what is cheap: the file's first bytes, application_id, user_version,
// and every page of the trees of the tables, but not the blocks' own bytes, so that
// opening a large archive reads little of it. A block is checked (its CRC-32C) when
// it is read; SQLite's own SQLITE_CORRUPT or SQLITE_NOTADB, from any statement, is
// an *archive.DamagedError too. Before a Store's first write (a commit, a deletion)
// the whole file is checked, in a read transaction that keeps no other process
// waiting: PRAGMA quick_check and every block's checksum. That cost, reading the file
// once, is paid by a sync or an import, never by a read. So a file that is not SQLite or is damaged is an
// *archive.DamagedError (at Open, or when the damage is first read), another
// program's SQLite file is one with Foreign set, an archive of a newer cdrdesk is an
// *archive.NewerError, and a file refused is never written to.
//
// # Several processes
//
// The file is in WAL mode, so readers never wait for a writer. Writers start with BEGIN
// IMMEDIATE and wait for each other (busy timeout): the window and a scheduled `cdrdesk
// sync` committing the same rows at once keep each row once and fail with no "database
// is locked". A commit is one transaction: a cancelled context, a crash or a kill
// keeps none of it.
package sqlite

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
// A PBX's rows are kept as it sent them, in blocks of one PBX-day (by timestart's wall
// clock) and one header: a block holds its rows' bytes, each with its line ending, in
// time order (rows of the same second in the order they were received), compressed
// with DEFLATE, beside each row's length and second of the day. A commit decodes the
// blocks of the days it touches, drops every row whose bytes a block already holds (a
// 64-bit hash, then a byte comparison), merges the rest in and writes the blocks
// again. A row that reached the end of its CSV without a line ending is kept with its
// header's, as cdrclient.Table.WriteRowsTo writes it, so it equals the same row sent
// inside a later window.
//
// Beside the blocks, table record holds for every row the columns reports and filters
// need, for integrators: timestart (Unix seconds of the PBX's wall clock), the order
// received, callid, callfrom, callto, and status and type as ids of table term (each
// value kept once). View records shows them as text with the PBX's key:
//
//	SELECT * FROM records WHERE pbx = '369392534749' AND timestart >= '2025-01-01';
//
// Coverage holds the ranges held completely, merged, per PBX. All of a commit (blocks,
// records, coverage) is one transaction.
//
// # Size and speed
//
// DEFLATE's fastest level keeps the blocks at about 0.3 of the CSV; the record table
// adds about 56 bytes a record: the file is about 0.8 of the CSV it holds. Inserting
// a million records' columns is most of a commit's time; blocks are compressed on
// another goroutine meanwhile. WriteCSV decodes blocks ahead of its writer, so that a
// caller parsing what it writes (the window's Table) keeps the other core busy.
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
// migrations in one transaction. A file that is not SQLite, or fails PRAGMA
// quick_check, is an *archive.DamagedError; another program's SQLite file is one with
// Foreign set; an archive of a newer cdrdesk is an *archive.NewerError. A file refused
// is never written to.
//
// # Several processes
//
// The file is in WAL mode, so readers never wait for a writer. Writers start with BEGIN
// IMMEDIATE and wait for each other (busy timeout): the window and a scheduled `cdrdesk
// sync` committing the same rows at once keep each row once and fail with no "database
// is locked". A commit is one transaction: a cancelled context, a crash or a kill
// keeps none of it.
package sqlite

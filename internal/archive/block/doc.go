// Package block is how an archive keeps a PBX's rows: in blocks of one PBX-day (by
// timestart's wall clock) and one header, the same in the SQLite file and in
// PostgreSQL.
//
// A block holds its rows' bytes as the PBX sent them, each with its line ending, in
// time order (rows of the same second in the order they were received), beside each
// row's second of the day and the two columns a query filters on (callfrom and
// callto), column by column, compressed with Snappy and guarded by a CRC-32C: a block
// damaged on disk is found when it is read (ErrDamaged), without checking the whole
// store at each open. Reports read the rows themselves, so no other column is kept.
//
// Snappy, not DEFLATE: on a year of a busy PBX (1M records, 124 MB of CSV) DEFLATE's
// fastest level took 1.5 s of CPU to compress and kept 0.23 of the bytes; Snappy takes
// 0.3–0.4 s, keeps 0.32, and decodes about six times faster, which is what a sync, an
// offline export and the window's grid wait for.
//
// A commit reads a batch's rows by day (FromTable), decodes the blocks of the days it
// touches, drops every row whose bytes a block already holds (Fresh: a 64-bit hash,
// then a byte comparison), merges the rest in (Merge) and encodes the blocks again.
package block

// Package records is the view model behind the desktop window's results grid: which
// records of a downloaded table to show, and in which order. It counts nothing:
// every figure the window shows is a count of calls, from internal/callreport.
//
// It imports no GUI toolkit and holds no words of any language: status and type
// values are the PBX's own (ANSWERED, Inbound, ...) and the window translates them.
//
// A table can hold a million records, so the package reads fields in place
// (cdrclient.Table.AppendField into reused buffers) and derives compact per-row data
// once per table: sort ranks per column (4 bytes a row, a few columns kept), and the
// facts the quick filters and the search by extension name need (10 bytes a row).
// Filtering and the facts are computed on every CPU, in parts of the table.
package records

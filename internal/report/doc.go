// Package report writes call records in the formats an office opens in Excel: a
// UTF-8 CSV tuned for Excel ("excel-csv") and a real .xlsx workbook.
//
// Rows arrive already decoded, as strings, in the PBX's column order; the package
// knows the PBX's column names (timestart, callduraction, talkduraction, ...) only to
// decide how a column is shown, and keeps unknown columns as text. Both writers
// stream: memory stays flat however many rows are written, and nothing is complete
// until [Writer.Close]. The plain "csv" format is the PBX's bytes as sent and is
// written by the caller, not by this package.
//
// The package imports no GUI toolkit and does not depend on the PBX client.
package report

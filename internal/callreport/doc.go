// Package callreport computes the call reports of cdrdesk from a downloaded table of
// call records: calls (the legs a PBX writes for one call, folded by callid), the
// summary, missed calls not returned, figures per extension, per day and per hour.
// The definitions are those of the project's call-reports reference; the window, the
// report workbook and `cdrdesk report` all take their figures from here, so the same
// range gives the same numbers everywhere.
//
// It imports no GUI toolkit and holds no words of any language except the fixed
// English sentences of its input errors, which internal/explain translates.
//
// A table can hold a million records, so the package reads the fields it needs once
// (cdrclient.Table.PlainFields: slices of the table, no copy, for all but the rows
// that need decoding), in parts of the table on every CPU, and keeps compact per-call
// data: numbers and callids packed into integers (digits read eight at a time), no
// string per row, calls grouped and people found by radix sorts rather than maps, and
// only the people with a missed call sorted for call-backs. Folding (Fold) is done
// once per table and settings; a report over any subset of rows (Calls.Report) is
// then passes over the calls alone, which add each call to one tally of its date and
// hour. `go run ./internal/bench reports` times both on a year (issue 8: ready in at
// most 300 ms).
//
// Where the definitions leave a choice, the package decides as its doc comments say:
// a transfer leg rings its callto like an inbound leg; a tried call is also not
// returned (nobody reached the caller); rings shorter than IgnoreShorter are missed
// nowhere, also not for an extension; a filter reports whole calls and never hides a
// call-back; times are PBX wall-clock times.
package callreport

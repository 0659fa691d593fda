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
// A table can hold a million records, so the package reads fields in place
// (cdrclient.Table.AppendField into reused buffers), in parts of the table on every
// CPU, and keeps compact per-call data: numbers packed into integers, no string per
// row. Folding (Fold) is done once per table and settings; a report over any subset of
// rows (Calls.Report) is then a pass over the calls alone.
package callreport

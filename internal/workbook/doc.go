// Package workbook writes the report workbook: one .xlsx holding the call reports of a
// range (Summary, By extension, By day, By hour, Missed not returned) with native
// Excel charts, followed by every record exactly as the plain xlsx export writes it.
//
// The figures come from internal/callreport and are written as values, never as
// formulas, so the workbook shows the same numbers as the window and the command line
// whatever program opens it. Phone numbers are text, durations are times like the
// plain export, header rows are frozen. Every word on the sheets goes through the
// caller's Translate (internal/explain's type): the package holds the English
// sentences only as keys and never chooses a language itself.
package workbook

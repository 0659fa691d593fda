// Package reports holds the call-report views of the window's results side: missed
// calls not returned, figures by extension, by day and by hour, and one line per call.
// Each is a plain widget fed with the calls folded once (*callreport.Calls) and the
// figures over the calls a filter left (*callreport.Report); the figures themselves
// come from internal/callreport, so the window, the workbook and the command line
// agree. ShowSettings edits the report settings those figures follow.
//
// Every view is built on one virtualised table (sheet.go): only the cells in sight
// exist and each is formatted as it is drawn, so a year of calls costs no string per
// call. Views are used from the UI goroutine only. Their words are looked up when they
// are made: after a change of language, make them again.
package reports

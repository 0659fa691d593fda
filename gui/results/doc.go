// Package results is the results side of cdrdesk's main window: the records grid
// (virtualised, sortable by tapping a column header, searchable, with quick filters
// for status and type and a choice of columns), a summary of what is shown with a
// per-extension breakdown, and the Save… flow that writes the PBX's CSV as sent, a
// CSV for Excel or an Excel workbook.
//
// The rows shown, their order and the summaries come from internal/records; the work
// of filtering and sorting a large table runs off the UI goroutine, one request at a
// time, the latest winning. Files are written by internal/atomicfile, so a failed or
// cancelled save leaves nothing half-written.
package results

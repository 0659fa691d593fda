// Package results is the results side of cdrdesk's main window: the records grid
// (virtualised, sortable by tapping a column header, searchable, with quick filters
// for status and type and a choice of columns), a summary of the calls shown in one
// line of figures, the pages of call reports beside the grid (missed calls not
// returned, by extension, by day, by hour, charts: gui/reports and gui/charts drawing
// internal/callreport's figures), and the Save… flow that writes the PBX's CSV as sent,
// a CSV for Excel, an Excel workbook or the report workbook.
//
// The rows shown and their order come from internal/records, the figures from
// internal/callreport (calls folded once per table and report settings, then a report
// over the calls of the rows shown); that work runs off the UI goroutine, one request
// at a time, the latest winning. Files are written by internal/atomicfile, so a failed or
// cancelled save leaves nothing half-written.
package results

package results

import (
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/report"
	"cdrdesk/internal/reportname"
)

// reportWorkbook is the Save dialog's fourth format, beside report's three: the report
// workbook of internal/workbook (call figures, charts and every record), as
// `cdrdesk report` writes it. report.Format has no such value (it lists what
// `cdrdesk export` writes), so this is one it never takes; the view remembers it in
// the same field as the others (View.lastFormat).
const reportWorkbook report.Format = -1

// reportWorkbookName is the report workbook's name in the saved State.
const reportWorkbookName = "report"

// formats are the choices of the format group, in its order.
var formats = []report.Format{report.CSV, report.ExcelCSV, report.XLSX, reportWorkbook}

// formatLabels are the format group's options, in the user's language.
func formatLabels() []string {
	return []string{i18n.L("CSV as sent by the PBX"), i18n.L("CSV for Excel"), i18n.L("Excel workbook (.xlsx)"),
		i18n.L("Report workbook (.xlsx)")}
}

// formatName is f's name in the saved State: report's name, or "report".
func formatName(f report.Format) string {
	if f == reportWorkbook {
		return reportWorkbookName
	}
	return f.String()
}

// suggestName is the file name the Save dialog suggests for f: the name
// `cdrdesk export` or `cdrdesk report` would give the same query.
func suggestName(info Info, f report.Format) string {
	if f == reportWorkbook {
		return reportname.SuggestWorkbook(info.Profile, info.Query)
	}
	return reportname.Suggest(info.Profile, info.Query, f)
}

package results

import (
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/reports"
	"cdrdesk/internal/callreport"
)

// showCalls shows the records of calls alone on the records page: what a double-click
// on a line of the missed-calls report asks for. The search and quick filters still
// apply on top, and Show all ends it.
func (v *View) showCalls(calls []int) {
	if v.calls == nil || len(calls) == 0 {
		return
	}
	rows := v.calls.RowsOf(calls)
	v.pinned = make(map[int]bool, len(rows))
	for _, r := range rows {
		v.pinned[r] = true
	}
	number := v.calls.Call(calls[0]).Number
	if number == "" {
		number = i18n.L("an unknown number")
	}
	data := map[string]any{"N": i18n.Count(len(calls)), "Number": number, "Records": i18n.Count(len(rows))}
	if len(calls) == 1 {
		v.pinnedWhat = i18n.L("Showing only the missed call of {{.Number}} ({{.Records}} records).", data)
	} else {
		v.pinnedWhat = i18n.L("Showing only the {{.N}} missed calls of {{.Number}} ({{.Records}} records).", data)
	}
	v.tabs.showPinned(v.pinnedWhat)
	v.tabs.box.Select(v.tabs.records)
	v.request()
}

// ShowPage shows the n-th page of the results (from 0: records, missed calls not
// returned, by extension, by day, by hour, charts), as Ctrl+1… ask.
func (v *View) ShowPage(n int) {
	if n >= 0 && n < len(pageNames) {
		v.tabs.box.SelectIndex(n)
	}
}

// unpin shows every call again.
func (v *View) unpin() {
	v.pinned, v.pinnedWhat = nil, ""
	v.tabs.showPinned("")
	v.request()
}

// editReportSettings opens the report settings; saved ones are counted again at once
// and remembered.
func (v *View) editReportSettings() {
	reports.ShowSettings(v.win, v.reportSettings, func(s callreport.Settings) {
		if s == v.reportSettings {
			return
		}
		v.reportSettings = s
		v.request()
	})
}

package reports

import (
	"slices"

	"fyne.io/fyne/v2"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// Extensions is the "By extension" view: one line per extension with its name, the
// calls that rang it, answered by it, answered by a colleague, missed, its outgoing
// calls, talk time and average talk. Tapping a header sorts by that column; tapping it
// again sorts the other way. The order is kept when new figures are shown.
type Extensions struct {
	sheet      *sheet
	lines      []callreport.Extension // a copy, sorted: the report's own order is left alone
	by         callreport.ExtensionColumn
	descending bool
	seconds    bool
}

// extensionColumns are the sheet's columns, in callreport.ExtensionColumn order, so a
// column's index is what it sorts by.
var extensionColumns = []callreport.ExtensionColumn{callreport.ByNumber, callreport.ByName,
	callreport.ByRang, callreport.ByAnswered, callreport.ByAnsweredByColleague, callreport.ByMissed,
	callreport.ByOutgoing, callreport.ByTalk, callreport.ByAverageTalk}

// NewExtensions makes an empty By extension view, sorted by extension number.
func NewExtensions() *Extensions {
	e := &Extensions{}
	figure := func(title string, get func(x *callreport.Extension) int) column {
		return column{title: title, align: fyne.TextAlignTrailing,
			text: func(row int) string { return i18n.Count(get(&e.lines[row])) }}
	}
	e.sheet = newSheet([]column{
		{title: i18n.L("Extension"), text: func(row int) string { return e.lines[row].Number }},
		{title: i18n.L("Name"), text: func(row int) string { return e.lines[row].Name }, maxWidth: 240},
		figure(i18n.L("Rang"), func(x *callreport.Extension) int { return x.Rang }),
		figure(i18n.L("Answered"), func(x *callreport.Extension) int { return x.Answered }),
		figure(i18n.L("Answered by a colleague"), func(x *callreport.Extension) int { return x.AnsweredByColleague }),
		figure(i18n.L("Missed"), func(x *callreport.Extension) int { return x.Missed }),
		figure(i18n.L("Outgoing"), func(x *callreport.Extension) int { return x.Outgoing }),
		{title: i18n.L("Talk time"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return formatDuration(e.lines[row].TalkSeconds, e.seconds) }},
		{title: i18n.L("Average talk"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return formatDuration(int64(e.lines[row].AverageTalk()), e.seconds) }},
	})
	e.sheet.onHeader = e.sortBy
	e.sheet.arrow = e.arrow
	return e
}

// Widget implements View.
func (e *Extensions) Widget() fyne.CanvasObject { return e.sheet.box }

// Show implements View.
func (e *Extensions) Show(_ *callreport.Calls, r *callreport.Report) {
	e.lines = nil
	empty := ""
	if r != nil {
		e.lines = slices.Clone(r.Extensions)
		callreport.SortExtensions(e.lines, e.by, e.descending)
		empty = i18n.L("No extension rang or called in this range.")
	}
	e.sheet.setRows(len(e.lines), empty)
}

// SetSeconds implements View.
func (e *Extensions) SetSeconds(seconds bool) {
	e.seconds = seconds
	e.sheet.fit()
	e.sheet.table.Refresh()
}

// sortBy sorts by column col: ascending, or the other way when it is sorted by it.
func (e *Extensions) sortBy(col int) {
	by := extensionColumns[col]
	if by == e.by {
		e.descending = !e.descending
	} else {
		e.by, e.descending = by, false
	}
	callreport.SortExtensions(e.lines, e.by, e.descending)
	e.sheet.table.UnselectAll()
	e.sheet.setSelected(-1)
	e.sheet.table.Refresh()
}

// arrow is the header mark of column col: ▲ ascending, ▼ descending.
func (e *Extensions) arrow(col int) string {
	switch {
	case extensionColumns[col] != e.by:
		return ""
	case e.descending:
		return "▼"
	}
	return "▲"
}

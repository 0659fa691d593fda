package reports

import (
	"time"

	"fyne.io/fyne/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/records"
)

// CallList is one line per call of the report, in the report's order (by start): the
// start, direction, external number, who called whom on the earliest leg, what became
// of the call, its legs and talk time. It holds a year of calls: each line is
// formatted only when it is drawn, never up front.
type CallList struct {
	sheet   *sheet
	calls   *callreport.Calls
	order   []int // the report's calls
	names   map[string]string
	seconds bool
	words   callWords

	// The call last read, so that the cells of one line read it once.
	cached   int
	call     callreport.Call
	from, to int // the table's callfrom and callto columns
	timeCol  int // its timestart column
}

// callWords are the words of the direction and outcome columns, looked up once.
type callWords struct {
	direction                                                                  [4]string // by callreport.Direction
	answered, returned, tried, notReturned, notAnsweredOut, notAnswered, short string
}

func newCallWords() callWords {
	var w callWords
	w.direction[callreport.Other] = i18n.L("Other type")
	w.direction[callreport.Inbound] = i18n.L("Inbound")
	w.direction[callreport.Outbound] = i18n.L("Outbound")
	w.direction[callreport.Internal] = i18n.L("Internal")
	w.answered = i18n.L("Answered")
	w.returned = i18n.L("Missed · returned")
	w.tried = i18n.L("Missed · tried")
	w.notReturned = i18n.L("Missed · not returned")
	w.notAnsweredOut = i18n.L("Not answered (outbound)")
	w.notAnswered = i18n.L("Not answered")
	w.short = i18n.L("Ignored as too short")
	return w
}

// NewCallList makes an empty call list.
func NewCallList() *CallList {
	l := &CallList{words: newCallWords(), cached: -1}
	w := &l.words
	l.sheet = newSheet([]column{
		{title: i18n.L("Time (PBX)"), text: func(row int) string { return formatTime(l.at(row).Start) },
			samples: []string{formatTime(sampleTime)}},
		{title: i18n.L("Direction"), text: func(row int) string { return w.direction[l.at(row).Direction] },
			samples: w.direction[:]},
		{title: i18n.L("Number"), text: func(row int) string { return l.at(row).Number }, maxWidth: 200},
		{title: i18n.L("From → to"), text: l.parties, maxWidth: 360},
		{title: i18n.L("Outcome"), text: func(row int) string { return l.outcome(l.at(row)) },
			samples: []string{w.answered, w.returned, w.tried, w.notReturned, w.notAnsweredOut, w.notAnswered, w.short}},
		{title: i18n.L("Records"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return i18n.Count(l.at(row).Legs) }},
		{title: i18n.L("Talk time"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return formatDuration(l.at(row).TalkSeconds, l.seconds) }},
	})
	return l
}

// SetNames gives the extensions' names (number → name), shown as the grid shows
// them: "1001 Anna". Call it before Show.
func (l *CallList) SetNames(names map[string]string) { l.names = names }

// Widget implements View.
func (l *CallList) Widget() fyne.CanvasObject { return l.sheet.box }

// Show implements View.
func (l *CallList) Show(c *callreport.Calls, r *callreport.Report) {
	l.calls, l.order, l.cached = nil, nil, -1
	empty := ""
	if r != nil && c != nil {
		l.calls, l.order = c, r.Calls
		t := c.Table()
		l.from, l.to, l.timeCol = t.Column(cdrclient.ColCallFrom), t.Column(cdrclient.ColCallTo), t.Column(cdrclient.ColTimeStart)
		empty = i18n.L("No calls in this range")
	}
	l.sheet.setRows(len(l.order), empty)
}

// SetSeconds implements View.
func (l *CallList) SetSeconds(seconds bool) {
	l.seconds = seconds
	l.sheet.fit()
	l.sheet.table.Refresh()
}

// at returns the call shown on line row.
func (l *CallList) at(row int) *callreport.Call {
	if row != l.cached {
		l.call, l.cached = l.calls.Call(l.order[row]), row
	}
	return &l.call
}

// outcome words what became of a call.
func (l *CallList) outcome(c *callreport.Call) string {
	w := &l.words
	switch {
	case c.Answered:
		return w.answered
	case c.Missed && c.Callback == callreport.Returned:
		return w.returned
	case c.Missed && c.Callback == callreport.Tried:
		return w.tried
	case c.Missed:
		return w.notReturned
	case c.Direction == callreport.Inbound:
		return w.short // inbound, unanswered and not missed: shorter than the setting
	case c.Direction == callreport.Outbound:
		return w.notAnsweredOut
	}
	return w.notAnswered
}

// parties is "from → to" of the call's earliest leg, extensions with their names.
func (l *CallList) parties(row int) string {
	t := l.calls.Table()
	if l.from < 0 || l.to < 0 {
		return ""
	}
	legs := l.calls.Rows(l.order[row])
	first := legs[0]
	if l.timeCol >= 0 { // the earliest timestart; the PBX's form sorts as text
		earliest := t.Field(first, l.timeCol)
		for _, r := range legs[1:] {
			if s := t.Field(r, l.timeCol); len(s) == len(time.DateTime) && (len(earliest) != len(time.DateTime) || s < earliest) {
				first, earliest = r, s
			}
		}
	}
	return records.Party(t.Field(first, l.from), l.names) + " → " + records.Party(t.Field(first, l.to), l.names)
}

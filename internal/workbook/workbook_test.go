package workbook

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"cdrdesk/internal/callreport"
)

// TestFigures: every figure on every report sheet is the one callreport computed
// (itself checked against the reference), in both languages.
func TestFigures(t *testing.T) {
	set := callreport.DefaultSettings()
	set.IgnoreShorter = 3 * time.Second
	calls := monthCalls(t, set)
	rep := calls.Report(nil)
	if rep.Summary.All.Missed == 0 || rep.Summary.All.NotReturned == 0 || rep.Summary.Open == 0 || len(rep.Unreturned) == 0 {
		t.Fatalf("the month has no missed, unreturned or open calls to check: %+v", rep.Summary)
	}
	for _, l := range []*language{english(), chinese(t)} {
		t.Run(l.name, func(t *testing.T) {
			w := writeWorkbook(t, calls, rep, l)
			checkSummary(t, w, l, rep, set)
			checkExtensions(t, w, l, rep)
			checkDays(t, w, l, rep)
			checkHours(t, w, l, rep)
			checkUnreturned(t, w, l, rep)
		})
	}
}

func checkSummary(t *testing.T, w *written, l *language, rep *callreport.Report, set callreport.Settings) {
	s := rep.Summary
	sheet := l.tr("Summary")
	got := w.rows(t, sheet)
	head := func(s string) string { return l.tr(s) }
	compareRows(t, sheet, got, 1, [][]any{
		{head("Call report")},
		{},
		{head("PBX"), "总部 PBX"},
		{head("Extensions"), "all"},
		{head("From"), when(monthFrom)},
		{head("To"), when(monthTo)},
		{head("Country code"), "86"},
		{head("Call-back window"), dur(24 * 3600)},
		{head("Ignore rings shorter than"), dur(3)},
		{head("Business hours"), "Mon-Fri 09:00-18:00"},
		{},
		{head("Figure"), head("All calls"), head("Inbound"), head("Outbound"), head("In business hours"), head("After hours")},
	}, false)
	parts := []callreport.Figures{s.All, s.Inbound, s.Outbound, s.InHours, s.AfterHours}
	var figures [][]any
	for _, row := range []struct {
		label string
		value func(callreport.Figures) any
	}{
		{"Calls", func(f callreport.Figures) any { return f.Calls }},
		{"Answered", func(f callreport.Figures) any { return f.Answered }},
		{"Missed", func(f callreport.Figures) any { return f.Missed }},
		{"Not returned", func(f callreport.Figures) any { return f.NotReturned }},
		{"Talk time", func(f callreport.Figures) any { return dur(f.TalkSeconds) }},
		{"Average talk", func(f callreport.Figures) any { return dur(f.AverageTalk()) }},
	} {
		r := []any{head(row.label)}
		for _, p := range parts {
			r = append(r, row.value(p))
		}
		figures = append(figures, r)
	}
	figures = append(figures, []any{},
		[]any{head("Records"), s.Legs},
		[]any{head("Returned"), s.Returned},
		[]any{head("Tried, not reached"), s.Tried},
		[]any{head("Ignored as too short"), s.Short},
		[]any{head("Internal calls"), s.Internal},
		[]any{head("Other calls"), s.Other},
		[]any{head("Calls without a time"), s.Untimed},
		[]any{},
	)
	note := l.translate("Call-backs after the end of the range ({{.End}}) are not seen: {{.Open}} of the missed calls not returned may still have been returned.",
		map[string]any{"End": "2026-04-30 23:59:59", "Open": s.Open})
	figures = append(figures, []any{note})
	compareRows(t, sheet, got, 13, figures, true)
	if !strings.Contains(note, fmt.Sprint(s.Open)) || !strings.Contains(note, "2026-04-30 23:59:59") {
		t.Errorf("the note %q does not say how many calls and from when", note)
	}
}

func checkExtensions(t *testing.T, w *written, l *language, rep *callreport.Report) {
	sheet := l.tr("By extension")
	want := [][]any{headers(l, extensionColumns)}
	for _, e := range rep.Extensions {
		want = append(want, []any{e.Number, e.Name, e.Rang, e.Answered, e.AnsweredByColleague, e.Missed,
			e.Outgoing, e.AnsweredOutgoing, dur(e.TalkSeconds), dur(e.AverageTalk())})
	}
	if len(want) < 5 {
		t.Fatalf("only %d extensions", len(want)-1)
	}
	compareRows(t, sheet, w.rows(t, sheet), 1, want, true)
}

func checkDays(t *testing.T, w *written, l *language, rep *callreport.Report) {
	sheet := l.tr("By day")
	want := [][]any{headers(l, dayColumns)}
	for _, d := range rep.Days {
		a := d.All
		want = append(want, []any{when(d.Date), a.Calls, a.Answered, a.Missed, a.NotReturned,
			dur(a.TalkSeconds), dur(a.AverageTalk()), d.InHours.Calls, d.AfterHours.Calls})
	}
	if len(rep.Days) != 30 {
		t.Errorf("%d days in April", len(rep.Days))
	}
	compareRows(t, sheet, w.rows(t, sheet), 1, want, true)
}

func checkHours(t *testing.T, w *written, l *language, rep *callreport.Report) {
	sheet := l.tr("By hour")
	want := [][]any{headers(l, hourColumns)}
	for h, tally := range rep.Hours {
		a := tally.All
		want = append(want, []any{fmt.Sprintf("%02d:00", h), a.Calls, a.Answered, a.Missed, a.NotReturned,
			dur(a.TalkSeconds), dur(a.AverageTalk())})
	}
	want = append(want, []any{}, []any{l.tr("Calls by weekday and hour")})
	head := []any{l.tr("Weekday")}
	for h := range 24 {
		head = append(head, fmt.Sprintf("%02d", h))
	}
	want = append(want, head)
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		row := []any{l.tr(d.String())}
		for h := range 24 {
			row = append(row, rep.WeekHours[d][h].All.Calls)
		}
		want = append(want, row)
	}
	compareRows(t, sheet, w.rows(t, sheet), 1, want, true)
}

func checkUnreturned(t *testing.T, w *written, l *language, rep *callreport.Report) {
	sheet := l.tr("Missed not returned")
	want := [][]any{headers(l, unreturnedColumns)}
	for _, c := range rep.Unreturned {
		var open, last any
		if c.Open {
			open = l.tr("Yes")
		}
		if c.Attempts > 0 {
			last = when(c.LastAttempt)
		}
		var number any
		if c.Number != "" {
			number = c.Number
		}
		want = append(want, []any{number, c.Missed, when(c.First), when(c.Last), strings.Join(c.Extensions, ", "),
			c.Attempts, last, open})
	}
	compareRows(t, sheet, w.rows(t, sheet), 1, want, true)
}

// headers returns the translated labels of a table's header row.
func headers(l *language, labels []string) []any {
	row := make([]any, len(labels))
	for i, s := range labels {
		row[i] = l.tr(s)
	}
	return row
}

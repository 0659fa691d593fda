package reports

import (
	"context"
	"slices"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// TestCallListShowsEveryCall compares every line with the calls of the report, read
// from the table in the test: the earliest leg's parties with the grid's names.
func TestCallListShowsEveryCall(t *testing.T) {
	for _, tc := range []struct {
		language string
		outcomes map[string]bool // every outcome the week has
	}{
		{i18n.English, map[string]bool{"Answered": true, "Missed · returned": true, "Missed · tried": true,
			"Missed · not returned": true, "Not answered (outbound)": true}},
		{i18n.Chinese, map[string]bool{"已接听": true, "未接 · 已回拨": true, "未接 · 已尝试回拨": true,
			"未接 · 未回拨": true, "呼出未接通": true}},
	} {
		t.Run(tc.language, func(t *testing.T) {
			useLanguage(t, tc.language)
			d, c := fold(t, 7, callreport.DefaultSettings())
			r := c.Report(nil)
			l := NewCallList()
			l.SetNames(d.names)
			l.Show(c, r)
			if l.sheet.rows != len(r.Calls) {
				t.Fatalf("%d lines for %d calls", l.sheet.rows, len(r.Calls))
			}
			tab := d.table
			from, to, start := tab.Column(cdrclient.ColCallFrom), tab.Column(cdrclient.ColCallTo), tab.Column(cdrclient.ColTimeStart)
			party := func(n string) string {
				if name := d.names[n]; name != "" && name != n { // as the grid: no "1017 1017"
					return n + " " + name
				}
				return n
			}
			seen := map[string]bool{}
			multi := 0
			row := line(l.sheet)
			for k, i := range r.Calls {
				call := c.Call(i)
				legs := c.Rows(i)
				first := slices.MinFunc(legs, func(a, b int) int { return strings.Compare(tab.Field(a, start), tab.Field(b, start)) })
				if len(legs) > 1 {
					multi++
				}
				got := row(k)
				seen[got[4]] = true
				want := []string{call.Start.Format("2006-01-02 15:04:05"), got[1], call.Number,
					party(tab.Field(first, from)) + " → " + party(tab.Field(first, to)), got[4],
					count(len(legs)), clock(call.TalkSeconds)}
				if !slices.Equal(got, want) {
					t.Fatalf("call %d: %q, want %q", k, got, want)
				}
				if dir := map[callreport.Direction]string{callreport.Inbound: "Inbound", callreport.Outbound: "Outbound",
					callreport.Internal: "Internal", callreport.Other: "Other type"}[call.Direction]; got[1] != i18n.L(dir) {
					t.Fatalf("call %d: direction %q, want %q", k, got[1], i18n.L(dir))
				}
				if call.Answered != (got[4] == i18n.L("Answered")) {
					t.Fatalf("call %d: answered %v, outcome %q", k, call.Answered, got[4])
				}
				if call.Missed && call.Callback == callreport.NotReturned && got[4] != i18n.L("Missed · not returned") {
					t.Fatalf("call %d: missed not returned, outcome %q", k, got[4])
				}
			}
			for o := range tc.outcomes {
				if !seen[o] {
					t.Errorf("no call shows %q (seen %v)", o, seen)
				}
			}
			if multi == 0 {
				t.Error("no call with several legs: the parties test shows nothing")
			}
		})
	}
}

// TestCallListIgnoredShort: with rings shorter than a minute ignored, unanswered
// inbound calls that short say so instead of missed.
func TestCallListIgnoredShort(t *testing.T) {
	useLanguage(t, i18n.English)
	s := callreport.DefaultSettings()
	s.IgnoreShorter = 60e9
	_, c := fold(t, 2, s)
	r := c.Report(nil)
	l := NewCallList()
	l.Show(c, r)
	short := 0
	for k, i := range r.Calls {
		call := c.Call(i)
		if call.Direction == callreport.Inbound && !call.Answered && !call.Missed {
			short++
			if got := text(l.sheet, k, 4); got != "Ignored as too short" {
				t.Errorf("call %d: %q", k, got)
			}
		}
	}
	if short == 0 {
		t.Error("no inbound call was ignored as short: the test shows nothing")
	}
}

// TestCallListFormatsOnlyWhatIsDrawn: showing calls in a window formats the rows the
// columns are fitted to and those drawn, never a string per call: a month and two
// months cost the same number of cells.
func TestCallListFormatsOnlyWhatIsDrawn(t *testing.T) {
	useLanguage(t, i18n.English)
	formatted := func(days int) (cells, calls int) {
		_, c := fold(t, days, callreport.DefaultSettings())
		r := c.Report(nil)
		l := NewCallList()
		for k := range l.sheet.cols {
			text := l.sheet.cols[k].text
			l.sheet.cols[k].text = func(row int) string { cells++; return text(row) }
		}
		showIn(t, l.Widget(), 1200, 600)
		l.Show(c, r)
		return cells, len(r.Calls)
	}
	month, monthCalls := formatted(31)
	twoMonths, twoMonthsCalls := formatted(62)
	if monthCalls < 2*fitRows || twoMonthsCalls < 2*monthCalls-200 {
		t.Fatalf("%d and %d calls: too few to show anything", monthCalls, twoMonthsCalls)
	}
	if month != twoMonths || month > 2*fitRows*7 {
		t.Errorf("%d cells formatted for %d calls, %d for %d", month, monthCalls, twoMonths, twoMonthsCalls)
	}
	t.Logf("%d cells formatted for %d calls, %d for %d", month, monthCalls, twoMonths, twoMonthsCalls)
}

// TestCallListPartiesOfTheEarliestLeg: a call whose legs the table holds out of time
// order shows who called whom on its earliest leg, not on its first row.
func TestCallListPartiesOfTheEarliestLeg(t *testing.T) {
	useLanguage(t, i18n.English)
	const csv = "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\n" +
		"1740967200.201,2025-03-03 10:00:30,1000,1005,130,120,,,ANSWERED,Transfer,,,,369392534749\n" +
		"1740967200.201,2025-03-03 10:00:00,02158889999,1000,200,180,Unicom,,ANSWERED,Inbound,,,075586001234,369392534749\n"
	tab := cdrclient.NewTable()
	if _, err := tab.Write([]byte(csv)); err != nil {
		t.Fatal(err)
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"1000": "Anna", "1005": "Bob"}
	c, err := callreport.Fold(context.Background(), callreport.Input{Table: tab, Names: names, Settings: callreport.DefaultSettings()})
	if err != nil {
		t.Fatal(err)
	}
	l := NewCallList()
	l.SetNames(names)
	l.Show(c, c.Report(nil))
	want := []string{"2025-03-03 10:00:00", "Inbound", "02158889999", "02158889999 → 1000 Anna", "Answered", "2", "0:05:00"}
	if got := line(l.sheet)(0); !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

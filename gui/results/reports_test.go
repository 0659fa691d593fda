package results

import (
	"slices"
	"strings"
	"testing"
	"time"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// Every page of the results is one tap away and speaks Chinese: no English word is
// left on any of them.
func TestEveryPageInChinese(t *testing.T) {
	d := simRecords(t, 3)
	f := newFixture(t, i18n.Chinese)
	ok := allowedWords(d, f.documents)
	f.v.SetData(d.table, d.names, d.info)
	tabs := texts(f.v.tabs.box)
	for _, want := range []string{"记录", "按分机统计", "按日", "按小时", "图表"} {
		if !slices.Contains(tabs, want) {
			t.Errorf("no page %q among %q", want, tabs)
		}
	}
	for i, name := range pageNames {
		f.v.ShowPage(i)
		if got := f.v.tabs.page(); got != name {
			t.Fatalf("ShowPage(%d) shows %q, want %q", i, got, name)
		}
		checkChinese(t, name, f.v.Widget(), ok)
	}
	f.v.tabs.perRecord.SetSelected(f.v.tabs.perRecord.Options[everyCall])
	f.v.ShowPage(0)
	checkChinese(t, "a line per call", f.v.Widget(), ok)
}

// callidOf returns the callid of a row, trimmed.
func callidOf(d *simData, r int) string {
	return strings.TrimSpace(d.table.Field(r, d.table.Column("callid")))
}

// A line of the missed calls not returned shows its calls in the grid: all their
// records and nothing else, until Show all.
func TestShowCallsOfACaller(t *testing.T) {
	d := simRecords(t, 7)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	if f.v.report == nil || len(f.v.report.Unreturned) == 0 {
		t.Fatal("a week of the simulator has no missed calls not returned")
	}
	caller := f.v.report.Unreturned[0]
	f.v.ShowPage(1)
	f.v.tabs.missed.OnShowCalls(caller.Calls)

	if f.v.tabs.page() != "records" {
		t.Errorf("the records page is not shown: %q", f.v.tabs.page())
	}
	ids := map[string]bool{}
	for _, r := range f.v.rows {
		id := callidOf(d, r)
		ids[id] = true
		if st := d.table.Field(r, d.table.Column("status")); st == "ANSWERED" {
			t.Errorf("row %d of a missed call is ANSWERED", r)
		}
		digits := strings.Map(func(c rune) rune {
			if c >= '0' && c <= '9' {
				return c
			}
			return -1
		}, d.table.Field(r, d.table.Column("callfrom")))
		if !strings.HasSuffix(digits, caller.NumberKey) {
			t.Errorf("row %d is from %q, not from %q", r, d.table.Field(r, d.table.Column("callfrom")), caller.Number)
		}
	}
	if len(ids) != caller.Missed {
		t.Errorf("the grid shows %d calls, the line says %d missed", len(ids), caller.Missed)
	}
	var legs int
	for r := range d.table.Len() {
		if ids[callidOf(d, r)] {
			legs++
		}
	}
	if len(f.v.rows) != legs {
		t.Errorf("the grid shows %d records of those calls, the table has %d", len(f.v.rows), legs)
	}
	if !f.v.tabs.pinned.Visible() || !strings.Contains(f.v.tabs.pinnedText.Text, caller.Number) {
		t.Errorf("the notice says %q (visible %v)", f.v.tabs.pinnedText.Text, f.v.tabs.pinned.Visible())
	}
	if s := f.v.Status(); !strings.HasPrefix(s, "Showing "+i18n.Count(legs)+" of ") {
		t.Errorf("status %q", s)
	}

	tapButton(t, f.v.Widget(), "Show all")
	if len(f.v.rows) != d.table.Len() || f.v.tabs.pinned.Visible() {
		t.Errorf("after Show all: %d of %d rows, notice visible %v", len(f.v.rows), d.table.Len(), f.v.tabs.pinned.Visible())
	}
}

// The search and quick filters apply to every page: the figures are those of the
// calls the grid shows.
func TestFiltersApplyToReports(t *testing.T) {
	d := simRecords(t, 3)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	all := f.v.report
	f.v.bar.search.SetText("1000")
	rep := f.v.report
	if rep == all || rep.Summary.All.Calls != callsAmong(d, f.v.rows) {
		t.Fatalf("after a search the report counts %d calls, the grid shows %d", rep.Summary.All.Calls, callsAmong(d, f.v.rows))
	}
	want := "Missed, not returned"
	if n := len(rep.Unreturned); n > 0 {
		want += " (" + i18n.Count(n) + ")"
	}
	if f.v.tabs.unreturned.Text != want {
		t.Errorf("the missed-calls page is titled %q, want %q", f.v.tabs.unreturned.Text, want)
	}
}

// New report settings count again at once: ignoring every ring shorter than an hour
// leaves no missed call.
func TestReportSettingsCountAgain(t *testing.T) {
	d := simRecords(t, 3)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	if f.v.report.Summary.All.Missed == 0 {
		t.Fatal("no missed calls to begin with")
	}
	s := callreport.DefaultSettings()
	s.IgnoreShorter = time.Hour
	f.v.reportSettings = s
	f.v.request()
	if f.v.calls.Settings() != s {
		t.Errorf("the calls were folded with %v", f.v.calls.Settings())
	}
	if m := f.v.report.Summary.All.Missed; m != 0 {
		t.Errorf("%d missed calls rang for an hour or more", m)
	}
	if !strings.Contains(f.v.sum.text.Text, " 0 missed ") {
		t.Errorf("summary %q", f.v.sum.text.Text)
	}
}

// A page out of sight draws the figures when it is opened, and then those of the
// latest search: never older ones.
func TestPagesOpenOnTheLatestFigures(t *testing.T) {
	d := simRecords(t, 7)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.v.bar.search.SetText("1006") // the reception: some of the missed calls
	n := len(f.v.report.Unreturned)
	if n == 0 || n == len(f.v.calls.Report(nil).Unreturned) {
		t.Fatal("the search leaves every caller: nothing tells the figures apart")
	}
	headline := i18n.Count(n) + " caller"
	has := func() bool {
		return slices.ContainsFunc(texts(f.v.Widget()), func(s string) bool { return strings.HasPrefix(s, headline) })
	}
	if has() {
		t.Fatalf("the records page shows %q", headline)
	}
	f.v.ShowPage(1)
	if !has() {
		t.Errorf("the missed-calls page does not start with %q: %q", headline, texts(f.v.tabs.missed.Widget()))
	}
}

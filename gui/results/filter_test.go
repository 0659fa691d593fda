package results

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// searched are the columns the search box looks in, as records.Filter documents.
var searched = []string{"callfrom", "callto", "callid", "didnumber", "srctrunkname", "dsttrunkname", "recording", "pincode"}

// expectRows lists, in the PBX's order, the rows for which keep is true.
func expectRows(d *simData, keep func(field func(string) string) bool) []int {
	var rows []int
	for r := range d.table.Len() {
		if keep(func(name string) string { return d.table.Field(r, d.table.Column(name)) }) {
			rows = append(rows, r)
		}
	}
	return rows
}

// callsAmong counts the calls that have a record among rows: one per callid, and one
// per record without a callid (the definition of a call in call-reports.md).
func callsAmong(d *simData, rows []int) int {
	ids := map[string]bool{}
	n := 0
	for _, r := range rows {
		switch id := strings.TrimSpace(d.table.Field(r, d.table.Column("callid"))); {
		case id == "":
			n++
		case !ids[id]:
			ids[id] = true
			n++
		}
	}
	return n
}

// holds is a search for text, as a person expects it: in the searched columns or in
// the name of the caller's or called extension.
func holds(d *simData, text string) func(field func(string) string) bool {
	return func(field func(string) string) bool {
		for _, c := range searched {
			if strings.Contains(strings.ToLower(field(c)), strings.ToLower(text)) {
				return true
			}
		}
		return strings.Contains(d.names[field("callfrom")], text) || strings.Contains(d.names[field("callto")], text)
	}
}

func TestSearch(t *testing.T) {
	d := simRecords(t, 3)
	for _, tc := range []struct{ name, text string }{
		{"number", "1000"},
		{"Chinese name", "张伟"},
		{"trunk", "unicom"},
		{"nothing", "no such call"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			var reported []string
			f.v.OnStatus = func(s string) { reported = append(reported, s) }
			f.v.SetData(d.table, d.names, d.info)
			test.Type(f.v.bar.search, tc.text)
			wantRows := expectRows(d, holds(d, tc.text))
			if !slices.Equal(f.v.rows, wantRows) {
				t.Fatalf("search %q shows %d rows, want %d", tc.text, len(f.v.rows), len(wantRows))
			}
			status := f.v.Status()
			wantStatus := "Showing " + i18n.Count(len(wantRows)) + " of " + i18n.Count(d.table.Len()) + " records"
			if !strings.HasPrefix(status, wantStatus+" · 2026-10-01 00:00:00 – 2026-10-03 23:59:59 · PBX 总部") {
				t.Errorf("status %q, want it to start with %q", status, wantStatus)
			}
			if len(reported) == 0 || reported[len(reported)-1] != status {
				t.Errorf("OnStatus got %q, last status %q", reported, status)
			}
			if len(wantRows) == 0 {
				if !f.v.empty.Visible() || f.v.empty.Text != "No records match the search or filters." {
					t.Errorf("empty result explained by %q (visible %v)", f.v.empty.Text, f.v.empty.Visible())
				}
				return
			}
			if f.v.empty.Visible() {
				t.Error("the empty-result text shows over rows")
			}
			if got, want := f.v.sum.text.Text, i18n.Count(callsAmong(d, wantRows))+" calls ("; !strings.HasPrefix(got, want) {
				t.Errorf("summary %q does not follow the search: want it to start with %q", got, want)
			}
		})
	}
}

func TestQuickFilters(t *testing.T) {
	d := simRecords(t, 3)
	for _, tc := range []struct {
		name             string
		status, callType string // options to choose ("" = keep all)
		rawStatus, rawTy string
	}{
		{"missed", "No answer", "", "NO ANSWER", ""},
		{"outgoing", "", "Outgoing", "", "Outbound"},
		{"answered internal", "Answered", "Internal", "ANSWERED", "Internal"},
		{"voicemail", "Voicemail", "", "VOICEMAIL", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			f.v.SetData(d.table, d.names, d.info)
			if tc.status != "" {
				choose(t, f.v.bar.status, tc.status)
			}
			if tc.callType != "" {
				choose(t, f.v.bar.kind, tc.callType)
			}
			wantRows := expectRows(d, func(field func(string) string) bool {
				return (tc.rawStatus == "" || field("status") == tc.rawStatus) && (tc.rawTy == "" || field("type") == tc.rawTy)
			})
			if len(wantRows) == 0 || len(wantRows) == d.table.Len() {
				t.Fatalf("a poor test: %d of %d rows expected", len(wantRows), d.table.Len())
			}
			if !slices.Equal(f.v.rows, wantRows) {
				t.Errorf("shows %d rows, want %d", len(f.v.rows), len(wantRows))
			}
			if !strings.HasPrefix(f.v.Status(), "Showing "+i18n.Count(len(wantRows))+" of ") {
				t.Errorf("status %q", f.v.Status())
			}
		})
	}
}

// choose picks an option of a quick filter as a person would see it.
func choose(t *testing.T, q *quickFilter, option string) {
	t.Helper()
	if !slices.Contains(q.sel.Options, option) {
		t.Fatalf("no option %q in %q", option, q.sel.Options)
	}
	q.sel.SetSelected(option)
}

func TestQuickFilterOptions(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 3)
	f.v.SetData(d.table, d.names, d.info)
	if got, w := f.v.bar.status.sel.Options, []string{"All statuses", "Answered", "No answer", "Busy", "Failed", "Voicemail"}; !slices.Equal(got, w) {
		t.Errorf("status options %q, want %q", got, w)
	}
	if got := f.v.bar.kind.sel.Options; len(got) < 4 || got[0] != "All types" || got[1] != "Incoming" || got[2] != "Outgoing" {
		t.Errorf("type options %q", got)
	}
	choose(t, f.v.bar.status, "Busy")
	f.v.SetData(d.table, d.names, d.info) // new records start unfiltered
	if f.v.bar.status.sel.SelectedIndex() != 0 || f.v.filtered || len(f.v.rows) != d.table.Len() {
		t.Errorf("new data keeps the old filter: %q", f.v.bar.status.sel.Selected)
	}
}

// TestUnknownValuesVerbatim: values the PBX documentation does not list show as sent.
func TestUnknownValuesVerbatim(t *testing.T) {
	csv := "callid,timestart,callfrom,callto,callduraction,talkduraction,status,type,extra\r\n" +
		"1.1,2026-10-01 08:00:00,1000,1001,n/a,65,answered,Conference,x1\r\n" +
		"1.2,2026-10-01 08:00:01,1001,1000, 7 ,3,WEIRD,outbound,x2\r\n"
	f := newFixture(t, i18n.English)
	f.v.SetData(parseTable(t, []byte(csv)), map[string]string{"1000": "张伟"}, Info{})
	got := [][]string{}
	for row := range 2 {
		var line []string
		for col := range f.v.grid.cols {
			line = append(line, f.cell(row, col))
		}
		got = append(got, line)
	}
	want := [][]string{
		{"2026-10-01 08:00:00", "1000 张伟", "1001", "Answered", "Conference", "0:01:05", "n/a", "x1"},
		{"2026-10-01 08:00:01", "1001", "1000 张伟", "WEIRD", "Outgoing", "0:00:03", "0:00:07", "x2"},
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	if labels := f.v.grid.cols[len(f.v.grid.cols)-1].header; labels[0] != "extra" {
		t.Errorf("unknown column labelled %q", labels[0])
	}
	if got := f.v.bar.status.sel.Options; !slices.Equal(got, []string{"All statuses", "Answered", "WEIRD"}) {
		t.Errorf("status options %q", got)
	}
	choose(t, f.v.bar.status, "Answered")
	if len(f.v.rows) != 1 || f.v.rows[0] != 0 {
		t.Errorf("a lower-case status is not found by its words: rows %v", f.v.rows)
	}
}

func TestEmptyTable(t *testing.T) {
	f := newFixture(t, i18n.English)
	header := strings.Join(cdrclient.StandardColumns, ",") + "\r\n"
	f.v.SetData(parseTable(t, []byte(header)), nil, Info{PBX: "https://10.0.0.5:8088"})
	if !f.v.empty.Visible() || f.v.empty.Text != "No calls in this range" {
		t.Errorf("empty table explained by %q", f.v.empty.Text)
	}
	if got := f.v.Status(); got != "No calls in this range · PBX https://10.0.0.5:8088" {
		t.Errorf("status %q", got)
	}
	if !f.v.CanSave() {
		t.Error("an empty result cannot be saved")
	}
}

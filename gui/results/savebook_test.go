package results

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// bookSheets are the report workbook's sheets as a person reads them, in order.
var bookSheets = map[string][]string{
	i18n.English: {"Summary", "By extension", "By day", "By hour", "Missed not returned", "Call records"},
	i18n.Chinese: {"摘要", "按分机统计", "按日", "按小时", "未回拨的未接来电", "通话记录"},
}

// foldSim folds the records of d as callreport does for a report of its range,
// ending at end.
func foldSim(t *testing.T, d *simData, set callreport.Settings, end time.Time) *callreport.Calls {
	t.Helper()
	calls, err := callreport.Fold(context.Background(), callreport.Input{Table: d.table, Names: d.names, Settings: set, End: end})
	if err != nil {
		t.Fatal(err)
	}
	return calls
}

// TestSaveReportWorkbook: Save… writes the report workbook of `cdrdesk report`: its
// sheets in the user's language, the Summary's figures those of callreport for all
// records or for the calls shown (a filter active), the records saved in the grid's
// order. The engine's calls are used when they fit the settings; otherwise the job
// folds the calls with the view's settings itself.
func TestSaveReportWorkbook(t *testing.T) {
	d := simRecords(t, 3)
	end := d.info.Query.End
	noon := end.Add(-12 * time.Hour) // an end only the engine's fold has
	changed := callreport.DefaultSettings()
	changed.IgnoreShorter, changed.CallbackWindow = 5*time.Second, 2*time.Hour
	for _, tc := range []struct {
		name, language string
		shown          bool                // filter, then save only the rows shown
		settings       callreport.Settings // the view's report settings
		engine         *callreport.Calls   // what the engine folded; nil: nothing yet
		want           *callreport.Calls   // the calls the workbook reports
	}{
		{name: "all", language: i18n.English, settings: callreport.DefaultSettings(),
			want: foldSim(t, d, callreport.DefaultSettings(), end)},
		{name: "all Chinese", language: i18n.Chinese, settings: callreport.DefaultSettings(),
			want: foldSim(t, d, callreport.DefaultSettings(), end)},
		{name: "shown", language: i18n.English, shown: true, settings: callreport.DefaultSettings(),
			want: foldSim(t, d, callreport.DefaultSettings(), end)},
		{name: "shown Chinese", language: i18n.Chinese, shown: true, settings: callreport.DefaultSettings(),
			want: foldSim(t, d, callreport.DefaultSettings(), end)},
		{name: "the engine's calls", language: i18n.English, shown: true, settings: callreport.DefaultSettings(),
			engine: foldSim(t, d, callreport.DefaultSettings(), noon), want: foldSim(t, d, callreport.DefaultSettings(), noon)},
		{name: "settings changed since the engine folded", language: i18n.Chinese, settings: changed,
			engine: foldSim(t, d, callreport.DefaultSettings(), end), want: foldSim(t, d, changed, end)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.language)
			f.v.SetData(d.table, d.names, d.info)
			var rows []int // nil: all records
			scope := ""
			if tc.shown {
				choose(t, f.v.bar.status, i18n.L("No answer"))
				sortByTalk(t, f)
				rows = slices.Clone(f.v.rows)
				scope = i18n.L("Only the {{.N}} shown", map[string]any{"N": i18n.Count(len(rows))})
			}
			// What the engine folded, set after the filter: the engine's answer to it
			// sets the view's calls.
			f.v.calls, f.v.reportSettings = tc.engine, tc.settings
			rep := tc.want.Report(rows)
			if all := tc.want.Report(nil); tc.shown && rep.Summary.All.Calls >= all.Summary.All.Calls {
				t.Fatalf("the filter keeps all %d calls: nothing tells the shown from all", all.Summary.All.Calls)
			}
			path := filepath.Join(t.TempDir(), "r.xlsx")
			f.saveAs(t, path, i18n.L("Report workbook (.xlsx)"), scope)
			if f.suggested != "Report_总部_all_20261001_20261003.xlsx" {
				t.Errorf("suggested %q", f.suggested)
			}
			n := d.table.Len()
			if rows != nil {
				n = len(rows)
			}
			saved := i18n.L("Saved {{.Count}} records to {{.Name}}", map[string]any{"Count": i18n.Count(n), "Name": "r.xlsx"})
			if got := texts(f.top(t)); !slices.Contains(got, saved) {
				t.Errorf("success dialog says %q, want %q", got, saved)
			}
			book, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			sheets := bookSheets[tc.language]
			if got := book.GetSheetList(); !slices.Equal(got, sheets) {
				t.Fatalf("sheets %q, want %q", got, sheets)
			}
			checkBookSummary(t, book, sheets[0], rep, tc.settings)
			checkBookRecords(t, book, sheets[5], d, rows)
		})
	}
}

// checkBookSummary compares the Summary sheet's figures with rep's, made with set.
func checkBookSummary(t *testing.T, book *excelize.File, sheet string, rep *callreport.Report, set callreport.Settings) {
	t.Helper()
	got, err := book.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	cell := func(row, col int) string { // 1-based, as the sheet shows them
		if row <= len(got) {
			return cellAt(got[row-1], col-1)
		}
		return ""
	}
	seconds := func(row, col int) int64 { // a duration, stored as a fraction of a day
		v, err := strconv.ParseFloat(cell(row, col), 64)
		if err != nil {
			return -1
		}
		return int64(math.Round(v * 86400))
	}
	s := rep.Summary
	if cell(3, 2) != "总部" || cell(4, 2) != "all" {
		t.Errorf("the PBX %q and extensions %q, want 总部 and all", cell(3, 2), cell(4, 2))
	}
	if seconds(8, 2) != int64(set.CallbackWindow/time.Second) || seconds(9, 2) != int64(set.IgnoreShorter/time.Second) {
		t.Errorf("call-back window %d s, ignore shorter than %d s; want the settings %v", seconds(8, 2), seconds(9, 2), set)
	}
	for _, f := range []struct {
		row  int
		want int64
	}{
		{13, int64(s.All.Calls)}, {14, int64(s.All.Answered)}, {15, int64(s.All.Missed)}, {16, int64(s.All.NotReturned)},
		{20, int64(s.Legs)},
	} {
		if g := cell(f.row, 2); g != strconv.FormatInt(f.want, 10) {
			t.Errorf("%s is %s, want %d", cell(f.row, 1), g, f.want)
		}
	}
	if g := seconds(17, 2); g != s.All.TalkSeconds {
		t.Errorf("%s is %d s, want %d s", cell(17, 1), g, s.All.TalkSeconds)
	}
	if g := seconds(18, 2); g != int64(s.All.AverageTalk()) {
		t.Errorf("%s is %d s, want %d s", cell(18, 1), g, int64(s.All.AverageTalk()))
	}
	note := s.End.Format("2006-01-02 15:04:05")
	if !slices.ContainsFunc(got, func(r []string) bool { return strings.Contains(cellAt(r, 0), note) }) {
		t.Errorf("no note on call-backs after %s", note)
	}
}

// checkBookRecords checks that the records sheet holds rows of d (nil: all), in order.
func checkBookRecords(t *testing.T, book *excelize.File, sheet string, d *simData, rows []int) {
	t.Helper()
	got, err := book.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if rows == nil {
		rows = allRows(d.table.Len())
	}
	if len(got) != len(rows)+1 {
		t.Fatalf("%s: %d records, want %d", sheet, len(got)-1, len(rows))
	}
	for i, r := range rows {
		if w := d.table.Field(r, 0); cellAt(got[i+1], 0) != w {
			t.Fatalf("%s: record %d has call ID %q, want %q", sheet, i, cellAt(got[i+1], 0), w)
		}
	}
}

// TestSaveOffersTheReportWorkbookAgain: after saving a report workbook, the Save
// dialog offers it again, with its name, also after a restart.
func TestSaveOffersTheReportWorkbookAgain(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.saveAs(t, filepath.Join(t.TempDir(), "r.xlsx"), "Report workbook (.xlsx)", "")
	tapButton(t, f.top(t), "Close")
	if got := f.v.State().Format; got != "report" {
		t.Errorf("state remembers format %q", got)
	}
	again := newFixture(t, i18n.English)
	again.v.Restore(f.v.State())
	again.v.SetData(d.table, d.names, d.info)
	again.v.Save()
	dlg := again.top(t)
	if got := radioWith(t, dlg, "CSV for Excel").Selected; got != "Report workbook (.xlsx)" {
		t.Errorf("format offered %q", got)
	}
	if got := findWidget[*widget.Entry](t, dlg).Text; got != "Report_总部_all_20261001_20261001.xlsx" {
		t.Errorf("suggested %q", got)
	}
}

// TestSaveReportWorkbookNamesThePBX: without a profile the workbook names the PBX
// by its address, and the extensions asked for as `cdrdesk report --ext` takes them.
func TestSaveReportWorkbookNamesThePBX(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	info := d.info
	info.Profile = ""
	info.Query.Extensions = []string{"1000", "1001"}
	f.v.SetData(d.table, d.names, info)
	path := filepath.Join(t.TempDir(), "r.xlsx")
	f.saveAs(t, path, "Report workbook (.xlsx)", "")
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	pbx, _ := book.GetCellValue("Summary", "B3")
	exts, _ := book.GetCellValue("Summary", "B4")
	if pbx != d.info.PBX || exts != "1000,1001" {
		t.Errorf("PBX %q, extensions %q", pbx, exts)
	}
	if f.suggested != "Report_1000-1001_20261001_20261001.xlsx" {
		t.Errorf("suggested %q", f.suggested)
	}
}

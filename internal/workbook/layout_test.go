package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/report"
)

var sheetKeys = []string{"Summary", "By extension", "By day", "By hour", "Missed not returned", "Call records"}

// TestLanguages: sheet names and headers are the caller's words; Chinese has a
// translation of every word the workbook asks for, and none is left in English.
func TestLanguages(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	rep := calls.Report(nil)
	en, zh := english(), chinese(t)
	wantNames := map[*language][]string{
		en: {"Summary", "By extension", "By day", "By hour", "Missed not returned", "Call records"},
		zh: {"摘要", "按分机统计", "按日", "按小时", "未回拨的未接来电", "通话记录"},
	}
	for _, l := range []*language{en, zh} {
		w := writeWorkbook(t, calls, rep, l)
		if got := w.f.GetSheetList(); !slices.Equal(got, wantNames[l]) {
			t.Errorf("%s: sheets %q, want %q", l.name, got, wantNames[l])
		}
	}
	if len(zh.missing) > 0 {
		t.Errorf("no Chinese for %q", keys(zh.missing))
	}
	// Every header cell of the Chinese workbook holds Chinese.
	w := writeWorkbook(t, calls, rep, zh)
	han := regexp.MustCompile(`\p{Han}`)
	for _, sheet := range []string{"按分机统计", "按日", "按小时", "未回拨的未接来电"} {
		for _, h := range w.rows(t, sheet)[0] {
			if !han.MatchString(h) {
				t.Errorf("%s: header %q is not Chinese", sheet, h)
			}
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestLayout: table headers frozen, phone numbers and extensions stored as text,
// durations and times as numbers with their formats, widths that fit the labels.
func TestLayout(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	rep := calls.Report(nil)
	w := writeWorkbook(t, calls, rep, chinese(t))
	for _, sheet := range []string{"按分机统计", "按日", "按小时", "未回拨的未接来电", "通话记录"} {
		p, err := w.f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, %v; want the header row frozen", sheet, p, err)
		}
	}
	// A number as the PBX wrote it, with "+" or a leading 0, is a string cell.
	var plus, zero bool
	for i, c := range rep.Unreturned {
		cell := cellName(1, i+2)
		if typ, _ := w.f.GetCellType("未回拨的未接来电", cell); c.Number != "" && !isText(typ) {
			t.Fatalf("number %q in %s is stored as %v", c.Number, cell, typ)
		}
		plus = plus || strings.HasPrefix(c.Number, "+")
		zero = zero || strings.HasPrefix(c.Number, "0")
	}
	if !plus || !zero {
		t.Errorf("the month's unreturned callers have no number with + (%v) or a leading 0 (%v)", plus, zero)
	}
	if typ, _ := w.f.GetCellType("按分机统计", "A2"); !isText(typ) {
		t.Errorf("extension number stored as %v", typ)
	}
	for _, c := range []struct{ sheet, cell, shown string }{
		{"按分机统计", "I2", `^\d+:\d\d:\d\d$`},                  // talk time
		{"按日", "A2", `^2026-04-01$`},                        // date
		{"未回拨的未接来电", "C2", `^2026-04-\d\d \d\d:\d\d:\d\d$`}, // first missed
		{"摘要", "B8", `^24:00:00$`},                          // call-back window
	} {
		v, err := w.f.GetCellValue(c.sheet, c.cell)
		if err != nil || !regexp.MustCompile(c.shown).MatchString(v) {
			t.Errorf("%s!%s shows %q, %v; want %s", c.sheet, c.cell, v, err, c.shown)
		}
	}
	for _, c := range []struct {
		sheet, col string
		label      string
	}{{"未回拨的未接来电", "A", "号码"}, {"未回拨的未接来电", "H", "可能在范围之后回拨"}, {"按分机统计", "E", "由同事接听"}} {
		width, err := w.f.GetColWidth(c.sheet, c.col)
		if err != nil || width < float64(report.DisplayWidth(c.label)) {
			t.Errorf("%s column %s is %v wide, narrower than %q", c.sheet, c.col, width, c.label)
		}
	}
}

// TestCharts: Summary and By day each carry a native chart (xl/charts/chart*.xml
// reached from the sheet's drawing), reading the sheet's own cells.
func TestCharts(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	w := writeWorkbook(t, calls, calls.Report(nil), english())
	z, err := zip.NewReader(bytes.NewReader(w.bytes), int64(len(w.bytes)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		files[f.Name] = string(b)
	}
	target := regexp.MustCompile(`Target="([^"]+)"`)
	// chartsOf follows sheet -> drawing -> charts through the relationship files.
	chartsOf := func(sheetFile string) []string {
		var charts []string
		for _, d := range target.FindAllStringSubmatch(files["xl/worksheets/_rels/"+sheetFile+".rels"], -1) {
			drawing := path.Clean(path.Join("xl/worksheets", d[1]))
			rels := path.Join(path.Dir(drawing), "_rels", path.Base(drawing)+".rels")
			for _, c := range target.FindAllStringSubmatch(files[rels], -1) {
				charts = append(charts, path.Clean(path.Join(path.Dir(drawing), c[1])))
			}
		}
		return charts
	}
	for _, c := range []struct {
		sheet, file, reads string
	}{
		{"Summary", "sheet1.xml", "'Summary'!$B$14:$B$16"},
		{"By day", "sheet3.xml", "'By day'!$C$2:$C$31"},
	} {
		if name := w.f.GetSheetName(mustIndex(t, w.f, c.sheet)); name != c.sheet {
			t.Fatalf("sheet %s", name)
		}
		charts := chartsOf(c.file)
		if len(charts) != 1 || !strings.HasPrefix(charts[0], "xl/charts/chart") {
			t.Fatalf("%s: charts %q", c.sheet, charts)
		}
		if xml := strings.NewReplacer("&apos;", "'", "&#39;", "'").Replace(files[charts[0]]); !strings.Contains(xml, c.reads) {
			t.Errorf("%s: the chart does not read %s", c.sheet, c.reads)
		}
	}
	for _, other := range []string{"sheet2.xml", "sheet4.xml", "sheet5.xml", "sheet6.xml"} {
		if charts := chartsOf(other); len(charts) != 0 {
			t.Errorf("%s has charts %q", other, charts)
		}
	}
	if strings.Contains(files["xl/worksheets/sheet1.xml"], "<f>") {
		t.Errorf("the Summary holds formulas")
	}
}

func mustIndex(t *testing.T, f *excelize.File, sheet string) int {
	i, err := f.GetSheetIndex(sheet)
	if err != nil || i < 0 {
		t.Fatalf("no sheet %q: %v", sheet, err)
	}
	return i
}

// TestRecords: the records' sheet is what the plain xlsx export writes, cell for
// cell, widths, formats and frozen header included.
func TestRecords(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	w := writeWorkbook(t, calls, calls.Report(nil), english())
	var plain bytes.Buffer
	table := calls.Table()
	if err := writeTable(report.NewXLSX(&plain, report.Options{}), table); err != nil {
		t.Fatal(err)
	}
	p, err := excelize.OpenReader(&plain)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	want, _ := p.GetRows("CDR", excelize.Options{RawCellValue: true})
	got, _ := w.f.GetRows("Call records", excelize.Options{RawCellValue: true})
	if len(want) != table.Len()+1 || !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("records sheet differs from the plain export (%d rows, plain %d)", len(got), len(want))
	}
	// Formats are per column: the first records show them all (time, durations).
	for r := 1; r <= 3; r++ {
		for c := range len(table.Columns()) {
			cell := cellName(c+1, r)
			a, _ := p.GetCellValue("CDR", cell)
			b, _ := w.f.GetCellValue("Call records", cell)
			if a != b {
				t.Errorf("%s shows %q, the plain export %q", cell, b, a)
			}
		}
	}
	for c := range len(table.Columns()) {
		col := cellName(c+1, 1)[:1]
		a, _ := p.GetColWidth("CDR", col)
		b, _ := w.f.GetColWidth("Call records", col)
		if a != b {
			t.Errorf("column %s: width %v, plain export %v", col, b, a)
		}
	}
	if typ, _ := w.f.GetCellType("Call records", "C2"); !isText(typ) {
		t.Errorf("callfrom stored as %v", typ)
	}
}

// TestCancel: a cancelled context ends Write with its error.
func TestCancel(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Write(ctx, io.Discard, Input{Calls: calls, Report: calls.Report(nil)})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel: %v", err)
	}
}

// isText reports whether a cell type is a string, never read as a number.
func isText(typ excelize.CellType) bool {
	return typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
}

// TestNoCalls: a range without calls still gives a workbook with every sheet and
// its headers, and no chart without data (an empty series makes Excel repair it).
func TestNoCalls(t *testing.T) {
	table := cdrclient.NewTable()
	table.Write([]byte(strings.Join(pbxsim.Columns(), ",") + "\n"))
	table.Close()
	calls, err := callreport.Fold(context.Background(), callreport.Input{Table: table, Settings: callreport.DefaultSettings(), End: monthTo})
	if err != nil {
		t.Fatal(err)
	}
	w := writeWorkbook(t, calls, calls.Report(nil), english())
	if got := w.f.GetSheetList(); !slices.Equal(got, sheetKeys) {
		t.Errorf("sheets %q", got)
	}
	for _, c := range []struct {
		sheet string
		rows  int
	}{{"By extension", 1}, {"By day", 1}, {"Missed not returned", 1}, {"Call records", 1}} {
		if got := w.rows(t, c.sheet); len(got) != c.rows {
			t.Errorf("%s: %d rows, want %d", c.sheet, len(got), c.rows)
		}
	}
	if v, _ := w.f.GetCellValue("Summary", "B13"); v != "0" {
		t.Errorf("calls %q, want 0", v)
	}
	z, _ := zip.NewReader(bytes.NewReader(w.bytes), int64(len(w.bytes)))
	var charts int
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d charts, want only the Summary's", charts)
	}
}

// TestProgress: Progress hears the records written, from none, rising, ending with
// all of them (every record, or the rows asked for).
func TestProgress(t *testing.T) {
	calls := monthCalls(t, callreport.DefaultSettings())
	n := calls.Table().Len()
	some := make([]int, 0, n/2)
	for r := 0; r < n; r += 2 {
		some = append(some, r)
	}
	for _, rows := range [][]int{nil, some} {
		var heard []int
		in := Input{Calls: calls, Report: calls.Report(rows), Rows: rows, Progress: func(done int) { heard = append(heard, done) }}
		if err := Write(context.Background(), io.Discard, in); err != nil {
			t.Fatal(err)
		}
		want := n
		if rows != nil {
			want = len(rows)
		}
		if len(heard) < 2 || heard[0] != 0 || heard[len(heard)-1] != want || !slices.IsSorted(heard) {
			t.Errorf("%d rows: progress %v, want rising to %d", want, heard, want)
		}
	}
}

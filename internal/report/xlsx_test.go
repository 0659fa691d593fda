package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes header and rows with the given row limit and returns the bytes.
func writeXLSX(t *testing.T, opt Options, maxRows int, header []string, rows [][]string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := feed(newXLSX(&out, opt, maxRows), header, rows); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellWant is what one cell of a re-opened workbook must hold.
type cellWant struct {
	cell   string
	value  string // as Excel would show it
	kind   excelize.CellType
	numFmt string // custom number format, "" for none
}

func checkCells(t *testing.T, f *excelize.File, sheet string, want []cellWant) {
	t.Helper()
	for _, w := range want {
		got, err := f.GetCellValue(sheet, w.cell)
		if err != nil || got != w.value {
			t.Errorf("%s!%s = %q, %v; want %q", sheet, w.cell, got, err, w.value)
		}
		if kind, _ := f.GetCellType(sheet, w.cell); kind != w.kind {
			t.Errorf("%s!%s has type %v, want %v", sheet, w.cell, kind, w.kind)
		}
		if formula, _ := f.GetCellFormula(sheet, w.cell); formula != "" {
			t.Errorf("%s!%s is a formula: %q", sheet, w.cell, formula)
		}
		if got := customNumFmt(t, f, sheet, w.cell); got != w.numFmt {
			t.Errorf("%s!%s has number format %q, want %q", sheet, w.cell, got, w.numFmt)
		}
	}
}

func customNumFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if style.CustomNumFmt == nil {
		return ""
	}
	return *style.CustomNumFmt
}

const (
	text   = excelize.CellTypeInlineString
	number = excelize.CellTypeUnset // a number cell carries no type attribute
)

func TestXLSXCells(t *testing.T) {
	header, rows := readFixture(t, "fixture.csv")
	rows = append(rows, []string{"1589299800.7", "2020-13-45 99:00:00", "\x01bad\x00", "ok\ufffe"})
	tests := []struct {
		name string
		opt  Options
		want []cellWant
	}{
		{"durations as h:mm:ss", Options{}, []cellWant{
			{"A1", "callid", text, ""},
			{"A2", "1589299528.4", text, ""},
			{"B2", "2020-05-12 17:05:28", number, "yyyy-mm-dd hh:mm:ss"},
			{"C2", "+8613800138000", text, ""},
			{"D2", "0755123456", text, ""},
			{"E2", "0:00:42", number, "[h]:mm:ss"},
			{"F2", "0:00:34", number, "[h]:mm:ss"},
			{"G2", `=HYPERLINK("http://evil","x")`, text, ""},
			{"H2", "", number, ""},
			{"N2", "369392534749", text, ""},
			{"D3", "-", text, ""},
			{"E3", "1:02:03", number, "[h]:mm:ss"},
			{"F3", "0:00:00", number, "[h]:mm:ss"},
			{"G3", "中国电信", text, ""},
			{"H3", "深圳,南山", text, ""},
			{"K3", "0012", text, ""},
			{"M3", "075588886666", text, ""},
			{"O3", "@SUM(A1)", text, ""},
			{"C4", "+1 (555) 123-4567", text, ""},
			{"E4", "n/a", text, ""},
			{"F4", "", number, ""},
			{"G4", `Trunk "A"`, text, ""},
			{"H4", "-2+3", text, ""},
			{"O4", "line1\nline2", text, ""},
			{"B5", "2020-13-45 99:00:00", text, ""},
			{"C5", "\ufffdbad\ufffd", text, ""},
			{"D5", "ok\ufffd", text, ""},
		}},
		{"durations as seconds", Options{DurationsAsSeconds: true}, []cellWant{
			{"E2", "42", number, ""},
			{"F3", "0", number, ""},
			{"E3", "3723", number, ""},
			{"E4", "n/a", text, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, tt.opt, excelMaxRows, header, rows))
			if got := f.GetSheetList(); len(got) != 1 || got[0] != "CDR" {
				t.Fatalf("sheets = %q, want [CDR]", got)
			}
			checkCells(t, f, "CDR", tt.want)
		})
	}
}

func TestXLSXDateIsExact(t *testing.T) {
	data := writeXLSX(t, Options{}, excelMaxRows, []string{"timestart"}, [][]string{
		{"2020-05-12 17:05:28"}, {"1900-03-01 00:00:00"}, {"1900-02-28 23:59:59"}, {"9999-12-31 23:59:59"},
	})
	f := openXLSX(t, data)
	// Serial numbers computed by hand (43963 days after 1899-12-30, plus 61528 s),
	// as excelize writes them: 15 significant digits, like Excel.
	tests := []struct{ cell, raw, shown string }{
		{"A2", "43963.7121296296", "2020-05-12 17:05:28"},
		{"A3", "61", "1900-03-01 00:00:00"},
		{"A4", "1900-02-28 23:59:59", "1900-02-28 23:59:59"}, // before Excel's dates are exact: text
		{"A5", "2958465.99998842", "9999-12-31 23:59:59"},
	}
	for _, tt := range tests {
		raw, _ := f.GetCellValue("CDR", tt.cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("CDR", tt.cell)
		if raw != tt.raw || shown != tt.shown {
			t.Errorf("%s = %q shown as %q, want %q shown as %q", tt.cell, raw, shown, tt.raw, tt.shown)
		}
	}
}

func TestXLSXSheetSetup(t *testing.T) {
	header, rows := readFixture(t, "fixture.csv")
	data := writeXLSX(t, Options{SheetName: "通话记录", HeaderLabels: map[string]string{"callfrom": "主叫号码"}}, excelMaxRows, header, rows)
	f := openXLSX(t, data)
	const sheet = "通话记录"
	checkCells(t, f, sheet, []cellWant{{"C1", "主叫号码", text, ""}, {"D1", "callto", text, ""}})
	checkHeaderRow(t, f, sheet, len(header))
	widths := []struct {
		col  string
		want float64
	}{{"A", 16}, {"B", 20}, {"C", 16}, {"E", 16}, {"G", 18}, {"L", 36}, {"O", 14}}
	for _, w := range widths {
		if got, err := f.GetColWidth(sheet, w.col); err != nil || got != w.want {
			t.Errorf("width of column %s = %v, %v; want %v", w.col, got, err, w.want)
		}
	}
	xml := sheetXML(t, data, "xl/worksheets/sheet1.xml")
	checkColsAscending(t, xml)
	for _, want := range []string{`<autoFilter ref="$A$1:$O$4">`, `<ignoredError sqref="A1:O1048576" numberStoredAsText="true">`} {
		if !strings.Contains(xml, want) {
			t.Errorf("sheet XML lacks %s", want)
		}
	}
}

// checkHeaderRow asserts that row 1 of sheet is bold and frozen.
func checkHeaderRow(t *testing.T, f *excelize.File, sheet string, cols int) {
	t.Helper()
	for c := 1; c <= cols; c++ {
		cell, _ := excelize.CoordinatesToCellName(c, 1)
		id, _ := f.GetCellStyle(sheet, cell)
		if style, err := f.GetStyle(id); err != nil || style.Font == nil || !style.Font.Bold {
			t.Errorf("%s!%s is not bold", sheet, cell)
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("%s panes = %+v, %v; want row 1 frozen", sheet, panes, err)
	}
}

// sheetXML returns one part of the workbook's zip, for what excelize cannot read back.
func sheetXML(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var colMin = regexp.MustCompile(`<col min="(\d+)"`)

// checkColsAscending asserts that the sheet's <col> elements come in column order,
// as Excel requires.
func checkColsAscending(t *testing.T, xml string) {
	t.Helper()
	prev := 0
	for _, m := range colMin.FindAllStringSubmatch(xml, -1) {
		n, _ := strconv.Atoi(m[1])
		if n <= prev {
			t.Fatalf("<col min=%d> follows <col min=%d>", n, prev)
		}
		prev = n
	}
	if prev == 0 {
		t.Fatal("no <col> elements")
	}
}

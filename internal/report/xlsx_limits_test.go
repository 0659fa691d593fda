package report

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestXLSXContinuesOnNewSheets(t *testing.T) {
	header := []string{"callid", "callfrom", "talkduraction"}
	records := func(n int) [][]string {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = []string{strconv.Itoa(i + 1), "0755" + strconv.Itoa(i+1), strconv.Itoa(i + 1)}
		}
		return rows
	}
	tests := []struct {
		name    string
		records int
		sheet   string // base name
		want    []string
	}{
		{"no records", 0, "", []string{"CDR"}},
		{"fills one sheet exactly", 2, "", []string{"CDR"}},
		{"one more", 3, "", []string{"CDR", "CDR (2)"}},
		{"three sheets, last part full", 6, "", []string{"CDR", "CDR (2)", "CDR (3)"}},
		{"three sheets", 5, "", []string{"CDR", "CDR (2)", "CDR (3)"}},
		{"long name shortened", 3, strings.Repeat("x", 31), []string{strings.Repeat("x", 31), strings.Repeat("x", 27) + " (2)"}},
	}
	const maxRows = 3 // header + 2 records per sheet
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := writeXLSX(t, Options{SheetName: tt.sheet}, maxRows, header, records(tt.records))
			f := openXLSX(t, data)
			sheets := f.GetSheetList()
			if strings.Join(sheets, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("sheets = %q, want %q", sheets, tt.want)
			}
			next := 1
			for _, sheet := range sheets {
				rows, err := f.GetRows(sheet)
				if err != nil || len(rows) == 0 || len(rows) > maxRows {
					t.Fatalf("%s holds %d rows, %v", sheet, len(rows), err)
				}
				if strings.Join(rows[0], ",") != strings.Join(header, ",") {
					t.Errorf("%s header = %q", sheet, rows[0])
				}
				checkHeaderRow(t, f, sheet, len(header))
				for _, r := range rows[1:] {
					if want := strconv.Itoa(next); r[0] != want || r[1] != "0755"+want {
						t.Errorf("%s row %q, want record %s", sheet, r, want)
					}
					next++
				}
			}
			if next-1 != tt.records {
				t.Errorf("read back %d records, want %d", next-1, tt.records)
			}
		})
	}
}

func TestXLSXRefusesOverlongCell(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	header := []string{"callid", "recording", "note"}
	tests := []struct {
		name string
		row  []string
		want CellTooLongError
	}{
		{"ASCII", []string{"2", strings.Repeat("r", 32768), ""}, CellTooLongError{Row: 2, Column: "recording", Length: 32768}},
		{"surrogate pairs count twice", []string{"2", "", strings.Repeat("😀", 16384)}, CellTooLongError{Row: 2, Column: "note", Length: 32768}},
		{"past the header", []string{"2", "", "", strings.Repeat("中", 40000)}, CellTooLongError{Row: 2, Column: "column 4", Length: 40000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			w := NewXLSX(&out, Options{})
			if err := w.Header(header); err != nil {
				t.Fatal(err)
			}
			if err := w.Row([]string{"1", strings.Repeat("r", 32767), strings.Repeat("😀", 16383)}); err != nil {
				t.Fatalf("a cell at the limit was refused: %v", err)
			}
			err := w.Row(tt.row)
			var tooLong *CellTooLongError
			if !errors.As(err, &tooLong) || *tooLong != tt.want {
				t.Fatalf("Row = %v, want %+v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "row 2") {
				t.Errorf("message %q does not name the row", err)
			}
			if err := w.Close(); !errors.As(err, &tooLong) {
				t.Errorf("Close = %v, want the same error", err)
			}
			if out.Len() != 0 {
				t.Errorf("a failed report wrote %d bytes", out.Len())
			}
		})
	}
}

func TestXLSXRefusesOverlongHeader(t *testing.T) {
	w := NewXLSX(new(bytes.Buffer), Options{HeaderLabels: map[string]string{"sn": strings.Repeat("s", 32768)}})
	err := w.Header([]string{"callid", "sn"})
	var tooLong *CellTooLongError
	if !errors.As(err, &tooLong) || tooLong.Row != 0 || tooLong.Column != "sn" {
		t.Fatalf("Header = %v, want a CellTooLongError for the header's sn", err)
	}
	if !strings.Contains(err.Error(), "header row") {
		t.Errorf("message %q does not name the header row", err)
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failed Header succeeded")
	}
}

// TestXLSXRemovesTempFiles writes enough to make excelize spill the sheet to a
// temporary file (past 16 MB of sheet XML: 1,000 rows of 22 kB) and checks that
// Close removes it, on success and after an error.
func TestXLSXRemovesTempFiles(t *testing.T) {
	const records = 1000
	big := []string{"1", strings.Repeat("0755123456,", 2000)}
	tests := []struct {
		name    string
		failAt  int // record that fails, 0 for none
		wantErr bool
	}{
		{"success", 0, false},
		{"error after spilling", 900, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			var out bytes.Buffer
			w := NewXLSX(&out, Options{})
			if err := w.Header([]string{"callid", "note"}); err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= records; i++ {
				r := big
				if i == tt.failAt {
					r = []string{"1", strings.Repeat("x", 40000)}
				}
				if err := w.Row(r); err != nil {
					break
				}
			}
			if n := countFiles(t, tmp); n == 0 {
				t.Fatal("no temporary file while writing: the test does not exercise the spill")
			}
			if err := w.Close(); (err != nil) != tt.wantErr {
				t.Fatalf("Close = %v, want error %v", err, tt.wantErr)
			}
			if n := countFiles(t, tmp); n != 0 {
				t.Errorf("%d temporary files left after Close", n)
			}
			if !tt.wantErr {
				xml := sheetXML(t, out.Bytes(), "xl/worksheets/sheet1.xml")
				if n := strings.Count(xml, "<row "); n != records+1 || !strings.HasSuffix(xml, "</worksheet>") {
					t.Errorf("sheet holds %d rows, want %d and a complete sheet", n, records+1)
				}
			}
		})
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

func TestXLSXMisuse(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		run  func(w Writer) error
		want error
	}{
		{"row before header", Options{}, func(w Writer) error { return w.Row([]string{"x"}) }, errNoHeader},
		{"header twice", Options{}, func(w Writer) error { _ = w.Header([]string{"a"}); return w.Header([]string{"a"}) }, errHeaderTwice},
		{"row after close", Options{}, func(w Writer) error { _ = w.Header([]string{"a"}); _ = w.Close(); return w.Row([]string{"x"}) }, errClosed},
		{"close twice", Options{}, func(w Writer) error { _ = w.Close(); return w.Close() }, errClosed},
		{"error sticks", Options{}, func(w Writer) error { _ = w.Row(nil); _ = w.Header([]string{"a"}); return w.Close() }, errNoHeader},
		{"invalid sheet name", Options{SheetName: "a/b"}, func(w Writer) error { return w.Header([]string{"a"}) }, excelize.ErrSheetNameInvalid},
		{"invalid sheet name, no header", Options{SheetName: "a?b"}, func(w Writer) error { return w.Close() }, excelize.ErrSheetNameInvalid},
		{"apostrophe in sheet name", Options{SheetName: "Li's CDR"}, func(w Writer) error { return w.Header([]string{"a"}) }, errApostrophe},
		{"apostrophe in sheet name, no header", Options{SheetName: "Li's CDR"}, func(w Writer) error { return w.Close() }, errApostrophe},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(NewXLSX(new(bytes.Buffer), tt.opt)); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestXLSXWithoutHeader(t *testing.T) {
	var out bytes.Buffer
	if err := NewXLSX(&out, Options{}).Close(); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, out.Bytes())
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "CDR" {
		t.Errorf("sheets = %q, want [CDR]", got)
	}
}

func TestXLSXWriteError(t *testing.T) {
	diskFull := errors.New("disk full")
	w := NewXLSX(failingWriter{diskFull}, Options{})
	if err := feed(w, []string{"a"}, [][]string{{"1"}}); !errors.Is(err, diskFull) {
		t.Errorf("Close = %v, want %v", err, diskFull)
	}
}

func TestSheetTitle(t *testing.T) {
	tests := []struct {
		base string
		n    int
		want string
	}{
		{"CDR", 1, "CDR"},
		{"CDR", 2, "CDR (2)"},
		{"CDR", 12, "CDR (12)"},
		{strings.Repeat("话", 31), 1, strings.Repeat("话", 31)},
		{strings.Repeat("话", 31), 2, strings.Repeat("话", 27) + " (2)"},
		{strings.Repeat("😀", 15), 10, strings.Repeat("😀", 13) + " (10)"}, // 2 UTF-16 units each
	}
	for _, tt := range tests {
		if got := sheetTitle(tt.base, tt.n); got != tt.want {
			t.Errorf("sheetTitle(%q, %d) = %q, want %q", tt.base, tt.n, got, tt.want)
		}
	}
}

package workbook

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cdrdesk/assets"
	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/report"
)

// monthFrom and monthTo are the range of the test workbooks: a month of the
// simulator's office, with ring groups, transfers, repeat callers in several number
// forms and call-backs inside and outside the window.
var (
	monthFrom = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	monthTo   = time.Date(2026, 4, 30, 23, 59, 59, 0, time.UTC)
)

var month struct {
	once  sync.Once
	table *cdrclient.Table
	names map[string]string
}

// monthCalls returns the month's records folded with the simulator's extension
// names and the given settings.
func monthCalls(t testing.TB, set callreport.Settings) *callreport.Calls {
	t.Helper()
	month.once.Do(func() {
		sim := pbxsim.New(pbxsim.DefaultOptions())
		var csv bytes.Buffer
		if err := sim.WriteCSV(&csv, nil, monthFrom, monthTo); err != nil {
			t.Fatal(err)
		}
		month.table = cdrclient.NewTable()
		if _, err := month.table.Write(csv.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := month.table.Close(); err != nil {
			t.Fatal(err)
		}
		month.names = map[string]string{}
		for _, e := range sim.Extensions() {
			month.names[e.Number] = e.Name
		}
	})
	calls, err := callreport.Fold(context.Background(), callreport.Input{Table: month.table, Names: month.names, Settings: set, End: monthTo})
	if err != nil {
		t.Fatal(err)
	}
	return calls
}

// language is a translation of the sheets' words for the tests: the sheet names
// and headers expected, and the keys the workbook asked for that it lacks.
type language struct {
	name      string
	translate explain.Translate
	missing   map[string]bool
}

func english() *language { return &language{name: "en", translate: explain.English} }

// chinese reads the shipped translation; a word it lacks is recorded.
func chinese(t testing.TB) *language {
	b, err := assets.Translations.ReadFile("translations/workbook.zh_Hans.json")
	if err != nil {
		t.Fatal(err)
	}
	var zh map[string]string
	if err := json.Unmarshal(b, &zh); err != nil {
		t.Fatal(err)
	}
	l := &language{name: "zh", missing: map[string]bool{}}
	l.translate = func(key string, data map[string]any) string {
		s, ok := zh[key]
		if !ok {
			l.missing[key] = true
			s = key
		}
		return explain.Fill(s, data)
	}
	return l
}

func (l *language) tr(s string) string { return l.translate(s, nil) }

// written is a workbook written by Write and opened again with excelize.
type written struct {
	bytes []byte
	f     *excelize.File
	in    Input
}

func writeWorkbook(t testing.TB, calls *callreport.Calls, rep *callreport.Report, l *language) *written {
	t.Helper()
	in := Input{
		Query: Query{PBX: "总部 PBX", Extensions: "all", From: monthFrom, To: monthTo},
		Calls: calls, Report: rep, Translate: l.translate,
	}
	var out bytes.Buffer
	if err := Write(context.Background(), &out, in); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return &written{bytes: out.Bytes(), f: f, in: in}
}

// rows returns a sheet's cells as stored (numbers unformatted).
func (w *written) rows(t testing.TB, sheet string) [][]string {
	t.Helper()
	rows, err := w.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The expected cells of a sheet, as written from the report.
type (
	dur  int64     // seconds, shown as [h]:mm:ss
	when time.Time // a date and time (or a date), an Excel serial
)

// cellMatches reports whether the stored text of a cell is the expected value.
func cellMatches(got string, want any) bool {
	switch w := want.(type) {
	case nil:
		return got == ""
	case string:
		return got == w
	case int:
		return got == strconv.Itoa(w)
	case dur:
		v, err := strconv.ParseFloat(got, 64)
		return err == nil && math.Round(v*86400) == float64(w)
	case when:
		v, err := strconv.ParseFloat(got, 64)
		wall := time.Time(w)
		days := float64(time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC).Unix()+2209161600) / 86400
		return err == nil && math.Abs(v-days) < 0.5/86400
	}
	return false
}

// compareRows checks the cells of a sheet from row first on against want, and that
// no further rows follow when exact.
func compareRows(t *testing.T, sheet string, got [][]string, first int, want [][]any, exact bool) {
	t.Helper()
	for i, wrow := range want {
		r := first - 1 + i
		if r >= len(got) {
			t.Errorf("%s: row %d missing", sheet, r+1)
			return
		}
		for c, wv := range wrow {
			g := ""
			if c < len(got[r]) {
				g = got[r][c]
			}
			if !cellMatches(g, wv) {
				t.Errorf("%s: row %d column %d is %q, want %v", sheet, r+1, c+1, g, wv)
			}
		}
	}
	if exact && len(got) != first-1+len(want) {
		t.Errorf("%s: %d rows, want %d", sheet, len(got), first-1+len(want))
	}
}

// writeTable writes every record of t with rw, as the window's Save does.
func writeTable(rw report.Writer, t *cdrclient.Table) error {
	cols := t.Columns()
	if err := rw.Header(cols); err != nil {
		rw.Close()
		return err
	}
	fields := make([]string, len(cols))
	for r := range t.Len() {
		for c := range fields {
			fields[c] = t.Field(r, c)
		}
		if err := rw.Row(fields); err != nil {
			rw.Close()
			return err
		}
	}
	return rw.Close()
}

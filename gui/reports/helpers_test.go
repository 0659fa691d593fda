package reports

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
	"cdrdesk/internal/callreport"
)

// simStart is the first day of the simulated records the tests fold.
var simStart = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC) // a Monday

// simData is days of the simulated office's records: ring groups, transfers, repeat
// callers in several number forms, call-backs in and out of the window.
type simData struct {
	table *cdrclient.Table
	names map[string]string
	end   time.Time
}

var simCache sync.Map // days → *simData: tables are read-only, so tests share them

func simRecords(tb testing.TB, days int) *simData {
	tb.Helper()
	if d, ok := simCache.Load(days); ok {
		return d.(*simData)
	}
	sim := pbxsim.New(pbxsim.DefaultOptions())
	end := simStart.AddDate(0, 0, days).Add(-time.Second)
	var buf bytes.Buffer
	if err := sim.WriteCSV(&buf, nil, simStart, end); err != nil {
		tb.Fatal(err)
	}
	t := cdrclient.NewTable()
	if _, err := t.Write(buf.Bytes()); err != nil {
		tb.Fatal(err)
	}
	if err := t.Close(); err != nil {
		tb.Fatal(err)
	}
	d := &simData{table: t, names: map[string]string{}, end: end}
	for _, e := range sim.Extensions() {
		d.names[e.Number] = e.Name
	}
	simCache.Store(days, d)
	return d
}

// fold folds days of simulated records with settings s.
func fold(tb testing.TB, days int, s callreport.Settings) (*simData, *callreport.Calls) {
	tb.Helper()
	d := simRecords(tb, days)
	c, err := callreport.Fold(context.Background(), callreport.Input{Table: d.table, Names: d.names, Settings: s, End: d.end})
	if err != nil {
		tb.Fatal(err)
	}
	return d, c
}

// useLanguage starts a test app with the embedded font in language.
func useLanguage(t *testing.T, language string) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.Light))
	if err := i18n.Use(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { i18n.Use(i18n.English) })
	return a
}

// showIn puts o in a test window of the given size.
func showIn(t *testing.T, o fyne.CanvasObject, w, h float32) fyne.Window {
	t.Helper()
	win := test.NewTempWindow(t, o)
	win.Resize(fyne.NewSize(w, h))
	return win
}

// text returns what the sheet's cell at row, col holds, as its update fills it.
func text(s *sheet, row, col int) string {
	o := s.table.CreateCell()
	s.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(interface{ base() *cell }).base().Text()
}

// line returns a whole row of the sheet.
func line(s *sheet) func(row int) []string {
	return func(row int) []string {
		out := make([]string, len(s.cols))
		for k := range s.cols {
			out[k] = text(s, row, k)
		}
		return out
	}
}

// headers returns the column titles a sheet's header row draws (with sort arrows).
func headers(t *testing.T, s *sheet) []string {
	t.Helper()
	out := make([]string, len(s.cols))
	for k := range s.cols {
		h := s.table.CreateHeader().(*headerCell)
		s.table.UpdateHeader(widget.TableCellID{Row: -1, Col: k}, h)
		out[k] = h.label.Text
	}
	return out
}

// renderedCell returns the cell of row, col as drawn in the window (not a copy).
func renderedCell[T fyne.CanvasObject](t *testing.T, s *sheet, row, col int) T {
	t.Helper()
	c, ok := uitest.Find(s.table, func(c T) bool {
		id := any(c).(interface{ base() *cell }).base().id
		return id.Row == row && id.Col == col
	})
	if !ok {
		t.Fatalf("row %d, column %d is not drawn", row, col)
	}
	return c
}

// renderedHeader returns the header cell of column col as drawn.
func renderedHeader(t *testing.T, s *sheet, col int) *headerCell {
	t.Helper()
	h, ok := uitest.Find(s.table, func(h *headerCell) bool { return h.col == col })
	if !ok {
		t.Fatalf("the header of column %d is not drawn", col)
	}
	return h
}

// count writes n with thousands separators, as the test expects them.
func count(n int) string {
	s := strconv.Itoa(n)
	var groups []string
	for len(s) > 3 {
		groups = append([]string{s[len(s)-3:]}, groups...)
		s = s[:len(s)-3]
	}
	return strings.Join(append([]string{s}, groups...), ",")
}

// clock writes seconds as h:mm:ss, as the test expects them.
func clock(sec int64) string {
	return strconv.FormatInt(sec/3600, 10) + ":" + two(sec/60%60) + ":" + two(sec%60)
}

func two(n int64) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// stamp writes a time as the views do, "" for none.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04:05")
}

package results

import (
	"bytes"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
)

// simData is what the simulated PBX sends for a range, as bytes and as a Table.
type simData struct {
	csv   []byte
	table *cdrclient.Table
	names map[string]string
	info  Info
}

var simCache sync.Map // days → *simData: tables are read-only, so tests share them

// simRecords returns days of calls of the simulated PBX from 2026-10-01.
func simRecords(tb testing.TB, days int) *simData {
	tb.Helper()
	if d, ok := simCache.Load(days); ok {
		return d.(*simData)
	}
	sim := pbxsim.New(pbxsim.DefaultOptions())
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 0, days).Add(-time.Second)
	var buf bytes.Buffer
	if err := sim.WriteCSV(&buf, nil, start, end); err != nil {
		tb.Fatal(err)
	}
	d := &simData{csv: buf.Bytes(), table: parseTable(tb, buf.Bytes()), names: map[string]string{}}
	for _, e := range sim.Extensions() {
		d.names[e.Number] = e.Name
	}
	d.info = Info{Profile: "总部", PBX: "https://192.168.1.150:8088", Query: cdrclient.Query{Start: start, End: end}}
	simCache.Store(days, d)
	return d
}

func parseTable(tb testing.TB, csv []byte) *cdrclient.Table {
	tb.Helper()
	t := cdrclient.NewTable()
	if _, err := t.Write(csv); err != nil {
		tb.Fatal(err)
	}
	if err := t.Close(); err != nil {
		tb.Fatal(err)
	}
	return t
}

// fakeChooser answers Choose folder… with dir ("" = cancel) and notes where it
// started.
type fakeChooser struct {
	dir   string
	start string
	calls int
}

func (f *fakeChooser) ChooseFolder(_ fyne.Window, start string, done func(string)) {
	f.start = start
	f.calls++
	done(f.dir)
}

// fixture is a View in a test window, in language (i18n.English or i18n.Chinese),
// running its background work inline.
type fixture struct {
	v       *View
	w       fyne.Window
	chooser *fakeChooser
	opened  []string // URLs the view asked to open

	documents string // the user's Documents folder, as the view is told
	suggested string // the file name the last Save dialog suggested
}

func newFixture(t *testing.T, language string) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.System))
	useLanguage(t, language)
	f := &fixture{chooser: &fakeChooser{}}
	f.w = test.NewTempWindow(t, widget.NewLabel(""))
	f.v = New(f.w, f.chooser)
	f.v.Background = func(fn func()) { fn() }
	f.documents = t.TempDir()
	f.v.Documents = func() string { return f.documents }
	f.v.openURL = func(u *url.URL) error { f.opened = append(f.opened, u.String()); return nil }
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1400, 900))
	return f
}

func useLanguage(t *testing.T, language string) {
	t.Helper()
	if err := i18n.Use(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { i18n.Use(i18n.English) })
}

// cell returns the text the grid shows at row, col (as its UpdateCell fills it).
func (f *fixture) cell(row, col int) string {
	g := f.v.grid.table
	o := g.CreateCell()
	g.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*textCell).Text()
}

// column returns the grid column showing name, or -1.
func (f *fixture) column(name string) int {
	for i, c := range f.v.grid.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// top returns the dialog on top of the window, failing when there is none.
func (f *fixture) top(t *testing.T) fyne.CanvasObject {
	t.Helper()
	o := f.w.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is shown")
	}
	return o
}

// texts returns every text a person can read inside o (visible objects only).
func texts(o fyne.CanvasObject) []string {
	var out []string
	add := func(s ...string) {
		for _, x := range s {
			if strings.TrimSpace(x) != "" {
				out = append(out, x)
			}
		}
	}
	var visit func(fyne.CanvasObject)
	visit = func(c fyne.CanvasObject) {
		if c == nil || !c.Visible() {
			return
		}
		if cell, ok := c.(*textCell); ok { // the whole text, not what fits
			add(cell.Text())
			return
		}
		switch x := c.(type) {
		case *widget.Label:
			add(x.Text)
		case *widget.Button:
			add(x.Text)
		case *widget.Entry:
			add(x.Text)
			if x.Text == "" {
				add(x.PlaceHolder)
			}
		case *widget.Select:
			add(x.Selected)
			if x.Selected == "" {
				add(x.PlaceHolder)
			}
			add(x.Options...)
		case *widget.RadioGroup:
			add(x.Options...)
		case *widget.CheckGroup:
			add(x.Options...)
		case *widget.Check:
			add(x.Text)
		case *widget.Accordion:
			for _, it := range x.Items {
				add(it.Title)
			}
		case *canvas.Text:
			add(x.Text)
		}
		switch x := c.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				visit(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				visit(k)
			}
		}
	}
	visit(o)
	return out
}

// tapButton taps the visible button labelled text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(uitest.Button(t, o, text))
}

// findWidget returns the first visible widget of type T inside o.
func findWidget[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject) T {
	t.Helper()
	w, ok := uitest.Find[T](o, nil)
	if !ok {
		t.Fatalf("no %T in %s", w, strings.Join(texts(o), " | "))
	}
	return w
}

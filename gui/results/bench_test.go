package results

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/style"
)

// millionRows is a year of a busy office from the simulator: about a million rows,
// made once per test binary.
var millionRows = sync.OnceValue(func() *simData {
	o, start, end := pbxsim.BusyYear()
	sim := pbxsim.New(o)
	t := cdrclient.NewTable()
	if err := sim.WriteCSV(t, nil, start, end); err != nil {
		panic(err)
	}
	if err := t.Close(); err != nil {
		panic(err)
	}
	d := &simData{table: t, names: map[string]string{}, info: Info{Query: cdrclient.Query{Start: start, End: end}}}
	for _, e := range sim.Extensions() {
		d.names[e.Number] = e.Name
	}
	return d
})

// benchView shows the million rows in a window of a usual size.
func benchView(b *testing.B) (*View, *simData) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(style.New(style.System))
	if err := i18n.Use(i18n.Chinese); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { i18n.Use(i18n.English) })
	d := millionRows()
	w := test.NewTempWindow(b, widget.NewLabel(""))
	v := New(w, &fakeChooser{})
	v.Background = func(fn func()) { fn() }
	w.SetContent(v.Widget())
	w.Resize(fyne.NewSize(1400, 900))
	v.SetData(d.table, d.names, d.info)
	b.ReportMetric(float64(d.table.Len()), "rows")
	return v, d
}

// BenchmarkUpdateCell measures the grid's UpdateCell, the work of every cell that
// scrolls into sight: "scroll" shows another record in each cell (read, format,
// relayout the label), "redraw" the record the cell already shows (what a refresh
// without scrolling costs).
func BenchmarkUpdateCell(b *testing.B) {
	v, d := benchView(b)
	g := v.grid.table
	cols := len(v.grid.cols)
	const visibleRows = 40
	cells := make([]fyne.CanvasObject, visibleRows*cols) // like the table's pool
	for i := range cells {
		cells[i] = g.CreateCell()
		cells[i].Resize(fyne.NewSize(v.grid.cols[i%cols].width, cells[i].MinSize().Height)) // drawn, sized
	}
	n := d.table.Len()
	b.Run("scroll", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			c := i % len(cells)
			row := (i / cols * 7919) % n // a different record each time round
			g.UpdateCell(widget.TableCellID{Row: row, Col: c % cols}, cells[c])
			i++
		}
	})
	b.Run("redraw", func(b *testing.B) {
		for c := range cells {
			g.UpdateCell(widget.TableCellID{Row: c / cols, Col: c % cols}, cells[c])
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			c := i % len(cells)
			g.UpdateCell(widget.TableCellID{Row: c / cols, Col: c % cols}, cells[c])
			i++
		}
	})
}

// BenchmarkScroll moves the grid over the million rows, a screen at a time, as a
// scroll bar drag does: the table lays out and fills the cells in sight.
func BenchmarkScroll(b *testing.B) {
	v, d := benchView(b)
	g := v.grid.table
	rowHeight := g.CreateCell().MinSize().Height + theme.Padding() // one height for all rows
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		y := float32((i*7919)%d.table.Len()) * rowHeight
		g.ScrollToOffset(fyne.NewPos(0, y))
		i++
	}
}

// BenchmarkReportsReady measures what issue 8 bounds at 300 ms: once a year of records
// is in, every page (grid, missed calls not returned, by extension, day and hour, the
// call list and the four charts) showing its figures. "records" is SetData of the
// table with the calls folded anew (as after a download: the engine's cache is
// emptied first); "filter" a search typed over the year (records filtered, calls
// reported again, every page shown again).
func BenchmarkReportsReady(b *testing.B) {
	v, d := benchView(b)
	b.Run("records", func(b *testing.B) {
		// Timed until the answer with the figures is shown: the quick filters' lists
		// of statuses and types come after it (see request.listValues).
		var ready time.Duration
		var start time.Time
		v.afterShow = func() {
			if v.report != nil && ready == 0 {
				ready = time.Since(start)
			}
		}
		defer func() { v.afterShow = nil }()
		var total time.Duration
		for b.Loop() {
			v.engine.folded = folded{}
			ready, start = 0, time.Now()
			v.SetData(d.table, d.names, d.info)
			if ready == 0 {
				b.Fatal("no report shown")
			}
			total += ready
		}
		b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-ready")
	})
	b.Run("filter", func(b *testing.B) {
		i := 0
		for b.Loop() {
			v.bar.search.SetText([]string{"1000", "1001"}[i%2])
			i++
		}
		b.ReportMetric(float64(len(v.rows)), "rows-shown")
	})
}

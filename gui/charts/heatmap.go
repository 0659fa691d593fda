package charts

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// HeatMap is a grid of cells coloured by value, from the theme's background (0) to
// its primary colour (the largest value), with row labels on the left, column labels
// underneath and a legend from 0 to the largest value. Cells large enough for their
// number print it.
type HeatMap struct {
	widget.BaseWidget
	data HeatData
	gen  int // increased by each SetData, so the renderer knows to rebuild
}

var _ fyne.Widget = (*HeatMap)(nil)

// NewHeatMap returns an empty heat map; SetData gives it cells.
func NewHeatMap() *HeatMap {
	h := &HeatMap{}
	h.ExtendBaseWidget(h)
	return h
}

// SetData shows d, replacing what was shown. The chart keeps a copy of d.
func (h *HeatMap) SetData(d HeatData) {
	h.data = d.clone()
	h.gen++
	h.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (h *HeatMap) CreateRenderer() fyne.WidgetRenderer {
	r := &heatRenderer{heat: h, gen: -1, backdrop: canvas.NewRectangle(nil), key: newHeatKey()}
	r.build()
	r.style()
	return r
}

type heatRenderer struct {
	heat *HeatMap
	gen  int // the data set the objects are built for

	backdrop   *canvas.Rectangle     // behind the cells, showing as thin lines between them
	cells      [][]*canvas.Rectangle // [row][col]
	numbers    [][]*canvas.Text      // [row][col]: the cells' values
	rectPool   []*canvas.Rectangle
	textPool   []*canvas.Text
	rows, cols labels
	key        *heatKey
	objects    []fyne.CanvasObject

	highest float64
	whole   bool
	widest  float32 // of the cells' numbers
	pad     float32
	lineH   float32
}

func (r *heatRenderer) Destroy() {}

func (r *heatRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is the least room of any chart (see chartMinSize).
func (r *heatRenderer) MinSize() fyne.Size { return chartMinSize(r.lineH) }

// Refresh rebuilds the objects for new data, recolours them from the current theme
// and lays them out again.
func (r *heatRenderer) Refresh() {
	if r.gen != r.heat.gen {
		r.build()
	}
	r.style()
	r.Layout(r.heat.Size())
	canvas.Refresh(r.heat)
}

// build makes the objects of the data set: a rectangle and a number per cell, a
// text per row and column label.
func (r *heatRenderer) build() {
	d := r.heat.data
	r.gen = r.heat.gen
	r.highest, r.whole = d.max()
	n, k := len(d.Rows), len(d.Cols)
	for len(r.rectPool) < n*k {
		r.rectPool = append(r.rectPool, canvas.NewRectangle(nil))
		r.textPool = append(r.textPool, canvas.NewText("", nil))
	}
	r.cells, r.numbers = make([][]*canvas.Rectangle, n), make([][]*canvas.Text, n)
	for i := range n {
		r.cells[i] = r.rectPool[i*k : (i+1)*k : (i+1)*k]
		r.numbers[i] = r.textPool[i*k : (i+1)*k : (i+1)*k]
		for j, t := range r.numbers[i] {
			t.Text = ""
			if v := d.value(i, j); v > 0 {
				t.Text = formatNumber(v, valueDecimals(v, r.whole))
			}
		}
	}
	r.rows.set(d.Rows)
	r.cols.set(d.Cols)
	r.key.set(r.highest, r.whole)

	r.objects = []fyne.CanvasObject{r.backdrop}
	for _, c := range r.rectPool[:n*k] {
		r.objects = append(r.objects, c)
	}
	for _, t := range r.textPool[:n*k] {
		r.objects = append(r.objects, t)
	}
	r.objects = append(r.objects, r.rows.objects()...)
	r.objects = append(r.objects, r.cols.objects()...)
	r.objects = append(r.objects, r.key.objects()...)
}

// style takes colours and sizes from the widget's theme.
func (r *heatRenderer) style() {
	p := paletteOf(r.heat)
	r.pad = p.padding()
	size := p.textSize()
	r.lineH = fyne.MeasureText("0", size, fyne.TextStyle{}).Height
	bg, primary := p.color(theme.ColorNameBackground), p.color(theme.ColorNamePrimary)
	fg, onPrimary := p.color(theme.ColorNameForeground), p.color(theme.ColorNameForegroundOnPrimary)
	r.backdrop.FillColor = p.color(theme.ColorNameSeparator)
	r.widest = 0
	for i, row := range r.cells {
		for j, cell := range row {
			f := r.shade(r.heat.data.value(i, j))
			cell.FillColor = blend(bg, primary, f)
			t := r.numbers[i][j]
			t.Color, t.TextSize = fg, size
			if f > 0.5 {
				t.Color = onPrimary
			}
			t.Resize(t.MinSize())
			r.widest = max(r.widest, t.Size().Width)
		}
	}
	r.rows.style(p)
	r.cols.style(p)
	r.key.style(p)
}

// shade is how far v lies from 0 to the largest value.
func (r *heatRenderer) shade(v float64) float64 {
	if r.highest <= 0 {
		return 0
	}
	return v / r.highest
}

// Layout places the grid, its labels and the legend for size: the legend along the
// bottom, the column labels above it, the row labels on the left.
func (r *heatRenderer) Layout(size fyne.Size) {
	pad, lineH := r.pad, r.lineH
	keyTop := size.Height - pad - lineH
	r.key.place(size.Width-pad, keyTop, pad)

	room := min(r.rows.widest, max(0.3*(size.Width-2*pad), 0))
	left, right := pad+room+pad, size.Width-pad
	top, bottom := pad, keyTop-pad-lineH-pad/2
	width, height := max(right-left, 0), max(bottom-top, 0)
	cellW := width / float32(max(len(r.cols.texts), 1))
	cellH := height / float32(max(len(r.cells), 1))
	var gap float32 // between cells, where the backdrop shows
	if min(cellW, cellH) >= 4 {
		gap = 1
	}
	r.backdrop.Move(fyne.NewPos(left, top))
	r.backdrop.Resize(fyne.NewSize(width+gap, height+gap))
	showNumbers := cellW >= r.widest+pad && cellH >= lineH
	// Cells start on whole units, so that the lines between them look alike.
	edge := func(start, step float32, i int) float32 { return float32(math.Round(float64(start + float32(i)*step))) }
	for i, row := range r.cells {
		y0, y1 := edge(top, cellH, i), edge(top, cellH, i+1)
		for j, cell := range row {
			x0, x1 := edge(left, cellW, j), edge(left, cellW, j+1)
			cell.Move(fyne.NewPos(x0+gap, y0+gap))
			cell.Resize(fyne.NewSize(max(x1-x0-gap, 0), max(y1-y0-gap, 0)))
			t := r.numbers[i][j]
			ts := t.Size()
			t.Move(fyne.NewPos((x0+x1-ts.Width)/2, (y0+y1-ts.Height)/2))
			setVisible(t, showNumbers && t.Text != "")
		}
	}
	setVisible(r.backdrop, len(r.cells) > 0 && len(r.cols.texts) > 0)
	r.rows.placeDown(left-pad, room, top, cellH, 0, bottom, pad/2)
	r.cols.placeAcross(left, cellW, bottom+pad/2, 0, size.Width, 2*pad)
}

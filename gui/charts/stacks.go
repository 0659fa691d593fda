package charts

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// themedWidget is a widget with its theme, as every widget.BaseWidget is.
type themedWidget interface {
	fyne.Widget
	Theme() fyne.Theme
}

// stackRenderer draws Bars (vertical) and HBars (horizontal): the same parts, laid
// out along different axes.
type stackRenderer struct {
	widget     themedWidget
	chart      *barChart
	horizontal bool
	gen        int // the data set the objects are built for

	axis    *valueAxis
	cats    labels
	legend  legend
	bars    [][]*canvas.Rectangle // [label][series]
	pool    []*canvas.Rectangle   // every rectangle made, reused by later data sets
	objects []fyne.CanvasObject

	highest float64 // the tallest stack
	whole   bool
	pad     float32
	lineH   float32 // of one line of label text
}

func newStackRenderer(w themedWidget, c *barChart, horizontal bool) *stackRenderer {
	r := &stackRenderer{widget: w, chart: c, horizontal: horizontal, gen: -1, axis: newValueAxis()}
	r.build()
	r.style()
	return r
}

func (r *stackRenderer) Destroy() {}

func (r *stackRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is small, so that a chart never makes the window wider or taller than a
// person wants it: the room for a few bars and the axis labels.
func (r *stackRenderer) MinSize() fyne.Size { return chartMinSize(r.lineH) }

// chartMinSize is the least room any chart asks for, proportional to its text but
// never more than 400×250.
func chartMinSize(lineH float32) fyne.Size {
	return fyne.NewSize(min(16*lineH, 400), min(10*lineH, 250))
}

// Refresh rebuilds the objects for new data, recolours them from the current theme
// and lays them out again.
func (r *stackRenderer) Refresh() {
	if r.gen != r.chart.gen {
		r.build()
	}
	r.style()
	r.Layout(r.widget.Size())
	canvas.Refresh(r.widget)
}

// build makes the objects of the data set: a rectangle per label and series, a text
// per label, the legend.
func (r *stackRenderer) build() {
	d := r.chart.data
	r.gen = r.chart.gen
	r.highest, r.whole = d.stackMax(), d.whole()
	n, k := len(d.Labels), len(d.Series)
	for len(r.pool) < n*k {
		r.pool = append(r.pool, canvas.NewRectangle(nil))
	}
	r.bars = make([][]*canvas.Rectangle, n)
	for i := range r.bars {
		r.bars[i] = r.pool[i*k : (i+1)*k : (i+1)*k]
	}
	r.cats.set(d.Labels)
	r.legend.set(d.Series)

	// Grid lines first, so that the bars are drawn over them.
	r.objects = make([]fyne.CanvasObject, 0, 2*(maxSteps+1)+n*k+n+2*len(r.legend.names))
	r.objects = append(r.objects, r.axis.lineObjects()...)
	for _, rect := range r.pool[:n*k] {
		r.objects = append(r.objects, rect)
	}
	r.objects = append(r.objects, r.axis.labelObjects()...)
	r.objects = append(r.objects, r.cats.objects()...)
	r.objects = append(r.objects, r.legend.objects()...)
}

// style takes colours and sizes from the widget's theme.
func (r *stackRenderer) style() {
	p := paletteOf(r.widget)
	r.pad = p.padding()
	r.lineH = fyne.MeasureText("0", p.textSize(), fyne.TextStyle{}).Height
	for s, series := range r.chart.data.Series {
		c := p.color(series.Color)
		for _, stack := range r.bars {
			stack[s].FillColor = c
		}
	}
	r.axis.style(p)
	r.cats.style(p)
	r.legend.style(p)
}

// Layout places every object for size.
func (r *stackRenderer) Layout(size fyne.Size) {
	if r.horizontal {
		r.layoutHorizontal(size)
	} else {
		r.layoutVertical(size)
	}
}

// legendHeight places the legend at the top of a chart of the given width and
// returns the room it takes with the space under it.
func (r *stackRenderer) legendHeight(width float32) float32 {
	h := r.legend.place(r.pad, r.pad, width-2*r.pad, r.pad)
	if h > 0 {
		h += r.pad
	}
	return h
}

// layoutVertical: legend on top, value axis on the left, labels under the bars.
func (r *stackRenderer) layoutVertical(size fyne.Size) {
	pad, lineH := r.pad, r.lineH
	top := pad + r.legendHeight(size.Width) + lineH/2
	bottom := whole(size.Height - pad - lineH)
	height := max(bottom-top, 0)

	steps := min(max(int(height/(2*lineH)), 2), maxSteps)
	axisW := r.axis.setScale(niceScale(r.highest, r.whole, steps))
	left, right := whole(pad+axisW+pad), size.Width-pad
	width := max(right-left, 0)
	r.axis.placeUp(left, right, top, bottom, pad)

	slot := width / float32(max(len(r.bars), 1))
	barW := barThickness(slot)
	for i, stack := range r.bars {
		x, w := left+float32(i)*slot+(slot-barW)/2, barW
		if barW == slot && slot >= 1 {
			// Bars without gaps start and end on whole units, or the seams between
			// them, drawn half covered, show as stripes. (Bars thinner than a unit
			// would round to nothing: they stay where they are.)
			x = float32(math.Round(float64(x)))
			w = float32(math.Round(float64(left+float32(i+1)*slot))) - x
		}
		base := bottom
		for s, rect := range stack {
			h := r.axis.fraction(r.chart.data.value(s, i)) * height
			rect.Move(fyne.NewPos(x, base-h))
			rect.Resize(fyne.NewSize(w, h))
			base -= h
		}
	}
	// Labels start after the tick labels, so that the first day never covers the 0.
	r.cats.placeAcross(left, slot, bottom+pad/2, left-pad/2, size.Width, 2*pad)
}

// layoutHorizontal: legend on top, labels on the left, value axis at the bottom.
func (r *stackRenderer) layoutHorizontal(size fyne.Size) {
	pad, lineH := r.pad, r.lineH
	top := pad + r.legendHeight(size.Width)
	bottom := size.Height - pad - lineH
	height := max(bottom-top, 0)

	room := min(r.cats.widest, max(0.4*(size.Width-2*pad), 0))
	left := whole(pad + room + pad)
	right := r.fitAcross(left, size.Width-pad, pad)
	width := max(right-left, 0)
	r.axis.placeAcross(left, right, top, bottom, pad)

	slot := height / float32(max(len(r.bars), 1))
	barH := barThickness(slot)
	for i, stack := range r.bars {
		y := top + float32(i)*slot + (slot-barH)/2
		x := left
		for s, rect := range stack {
			w := r.axis.fraction(r.chart.data.value(s, i)) * width
			rect.Move(fyne.NewPos(x, y))
			rect.Resize(fyne.NewSize(w, barH))
			x += w
		}
	}
	r.cats.placeDown(left-pad, room, top, slot, 0, bottom, pad/2)
}

// fitAcross chooses the most ticks (up to maxSteps steps) whose labels fit side by
// side between left and end, and returns where the axis ends: the last label is
// centred on it, so half of it must fit before end.
func (r *stackRenderer) fitAcross(left, end, pad float32) (right float32) {
	for steps := maxSteps; ; steps-- {
		widest := r.axis.setScale(niceScale(r.highest, r.whole, steps))
		right = max(end-widest/2, left)
		room := (right - left) / float32(max(r.axis.scale.ticks-1, 1))
		if room >= widest+2*pad || steps <= 2 {
			return right
		}
	}
}

// maxBar is the thickest a bar is drawn.
const maxBar = 64

// barThickness is how thick a bar is in a slot of the given size: most of it, with
// a gap to the next, unless the slots are so thin that a gap would hide the bars.
// A few bars in a wide chart stay at most maxBar thick: a single day drawn as one
// slab across the whole chart reads as a background, not as a bar.
func barThickness(slot float32) float32 {
	if slot < 4 {
		return slot
	}
	return min(slot*0.7, maxBar)
}

// whole rounds where bars start to a whole unit: a bar edge between two pixels is
// drawn half into the next one, as a speck under the axis line.
func whole(v float32) float32 { return float32(math.Round(float64(v))) }

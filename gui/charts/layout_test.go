package charts

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/internal/uitest"
)

// TestResizeRelaysOut grows and shrinks the window: the bars and cells spread over
// the new size, and nothing is left where the old size put it.
func TestResizeRelaysOut(t *testing.T) {
	small, large := fyne.NewSize(400, 250), fyne.NewSize(1000, 600)
	// extent is how far the chart's last bar or cell reaches (right, bottom).
	for _, tc := range []struct {
		name string
		show func(t *testing.T) (fyne.Window, func() (right, bottom float32))
	}{
		{"bars", func(t *testing.T) (fyne.Window, func() (float32, float32)) {
			b := NewBars()
			w := show(t, b, small)
			b.SetData(answeredMissed(30))
			r := stacksOf(t, b)
			return w, func() (float32, float32) { return end(r.bars[29][0]).X, end(r.bars[0][0]).Y }
		}},
		{"horizontal bars", func(t *testing.T) (fyne.Window, func() (float32, float32)) {
			b := NewHBars()
			w := show(t, b, small)
			// Enough bars to fill the height: a few stay at most maxBar thick.
			labels, values := make([]string, 12), make([]float64, 12)
			for i := range labels {
				labels[i], values[i] = "10"+twoDigit(i), float64(10-i%5)
			}
			b.SetData(BarData{Labels: labels, Series: []Series{{Values: values}}})
			r := stacksOf(t, b)
			return w, func() (float32, float32) { return end(r.bars[0][0]).X, end(r.bars[11][0]).Y }
		}},
		{"heat map", func(t *testing.T) (fyne.Window, func() (float32, float32)) {
			h := NewHeatMap()
			w := show(t, h, small)
			h.SetData(HeatData{Rows: []string{"Mon", "Tue"}, Cols: hours(), Values: [][]float64{{1}, {2}}})
			r := heatOf(t, h)
			return w, func() (float32, float32) { return end(r.cells[1][23]).X, end(r.cells[1][23]).Y }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, extent := tc.show(t)
			for _, size := range []fyne.Size{large, small} {
				w.Resize(size)
				right, bottom := extent()
				// The padding and the labels below and beside take less than 15 %.
				if right > size.Width || right < 0.85*size.Width || bottom > size.Height || bottom < 0.8*size.Height {
					t.Errorf("at %v the chart reaches %.0f, %.0f", size, right, bottom)
				}
			}
		})
	}
}

// end is the bottom right corner of o.
func end(o fyne.CanvasObject) fyne.Position { return o.Position().Add(o.Size()) }

// TestEmptyData gives the charts nothing, or nothing to draw, after and before real
// data: no bar or cell is drawn, nothing panics, the axis is a lone 0.
func TestEmptyData(t *testing.T) {
	for _, tc := range []struct {
		name string
		bars BarData
		heat HeatData
	}{
		{"nothing", BarData{}, HeatData{}},
		{"labels without series", BarData{Labels: []string{"Mon", "Tue"}}, HeatData{Rows: []string{"Mon"}}},
		{"series without labels", BarData{Series: []Series{{Name: "Calls", Values: []float64{3}}}}, HeatData{Cols: []string{"00"}}},
		{"all zero", BarData{Labels: []string{"Mon"}, Series: []Series{{Values: []float64{0}}, {Values: []float64{0}}}},
			HeatData{Rows: []string{"Mon"}, Cols: []string{"00"}, Values: [][]float64{{0}}}},
		{"short, negative and not numbers", BarData{Labels: []string{"Mon", "Tue", "Wed"}, Series: []Series{{Values: []float64{-4, math.NaN()}}}},
			HeatData{Rows: []string{"Mon", "Tue"}, Cols: []string{"00", "01"}, Values: [][]float64{{-1, math.Inf(1)}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, newChart := range []func() barChartWidget{
				func() barChartWidget { return NewBars() },
				func() barChartWidget { return NewHBars() },
			} {
				b := newChart()
				show(t, b, fyne.NewSize(400, 250))
				b.SetData(twoSeries) // a data set before, whose bars must go
				b.SetData(tc.bars)
				r := stacksOf(t, b)
				for _, o := range r.Objects() {
					if sizeable, ok := o.(interface{ Size() fyne.Size }); ok && o.Visible() && isBar(r, o) && area(sizeable.Size()) != 0 {
						t.Errorf("%T draws a bar of %v", b, sizeable.Size())
					}
				}
				if values, _ := tickValues(t, r); len(values) != 1 || values[0] != 0 {
					t.Errorf("%T: axis %v, want a lone 0", b, values)
				}
				for _, text := range uitest.Drawn(b) {
					if text == "Answered" || text == "Mon" && len(tc.bars.Labels) == 0 {
						t.Errorf("%T still draws %q", b, text)
					}
				}
			}
			h := NewHeatMap()
			show(t, h, fyne.NewSize(400, 250))
			h.SetData(HeatData{Rows: []string{"Sun"}, Cols: []string{"23"}, Values: [][]float64{{7}}})
			h.SetData(tc.heat)
			r := heatOf(t, h)
			bg := paletteOf(h).color(theme.ColorNameBackground)
			for _, row := range r.cells {
				for _, c := range row {
					if c.FillColor != bg {
						t.Errorf("empty cell coloured %v", c.FillColor)
					}
				}
			}
			for _, text := range uitest.Drawn(h) {
				if text == "Sun" || text == "7" {
					t.Errorf("heat map still draws %q", text)
				}
			}
		})
	}
}

// barChartWidget is Bars or HBars.
type barChartWidget interface {
	themedWidget
	SetData(BarData)
}

func isBar(r *stackRenderer, o fyne.CanvasObject) bool {
	for _, stack := range r.bars {
		for _, rect := range stack {
			if rect == o {
				return true
			}
		}
	}
	return false
}

func area(s fyne.Size) float32 { return s.Width * s.Height }

// TestMinSizeIsSmall: however many or long the labels, a chart asks for no more
// than 400×250, so that it never forces the window wider.
func TestMinSizeIsSmall(t *testing.T) {
	long := []string{"1001 技术支持部门的会议室电话分机号码很长很长 Extension with a very long name indeed"}
	charts := map[string]fyne.Widget{}
	b, hb, h := NewBars(), NewHBars(), NewHeatMap()
	charts["bars"], charts["horizontal bars"], charts["heat map"] = b, hb, h
	for name, c := range charts {
		t.Run(name, func(t *testing.T) {
			show(t, c, fyne.NewSize(400, 250))
			switch c := c.(type) {
			case barChartWidget:
				c.SetData(answeredMissed(365))
				c.SetData(BarData{Labels: append(days(365), long...), Series: answeredMissed(366).Series})
			case *HeatMap:
				c.SetData(HeatData{Rows: long, Cols: days(365)})
			}
			if m := c.MinSize(); m.Width > 400 || m.Height > 250 || m.Width < 100 || m.Height < 100 {
				t.Errorf("MinSize %v", m)
			}
		})
	}
}

// TestSetDataKeepsACopy changes the caller's slices after SetData: the chart does
// not change.
func TestSetDataKeepsACopy(t *testing.T) {
	b := NewBars()
	show(t, b, fyne.NewSize(400, 250))
	d := BarData{Labels: []string{"Mon"}, Series: []Series{{Values: []float64{10}}}}
	b.SetData(d)
	d.Labels[0], d.Series[0].Values[0] = "Sun", 1000
	b.Refresh()
	r := stacksOf(t, b)
	values, _ := tickValues(t, r)
	if r.cats.texts[0].Text != "Mon" || values[len(values)-1] != 10 {
		t.Errorf("the chart follows the caller's slices: label %q, axis %v", r.cats.texts[0].Text, values)
	}
}

func twoDigit(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// A few bars in a wide chart are not drawn as slabs across it.
func TestFewBarsStayBars(t *testing.T) {
	b := NewBars()
	show(t, b, fyne.NewSize(800, 400))
	b.SetData(BarData{Labels: []string{"12-03"}, Series: []Series{{Values: []float64{100}}}})
	if w := stacksOf(t, b).bars[0][0].Size().Width; w > maxBar || w <= 0 {
		t.Errorf("one bar in 800 px is %.0f wide, want at most %d", w, maxBar)
	}
}

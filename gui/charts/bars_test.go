package charts

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// twoSeries has stacks of different heights, an empty one and a bar of one series.
var twoSeries = BarData{
	Labels: []string{"Mon", "Tue", "Wed", "Thu"},
	Series: []Series{
		{Name: "Answered", Values: []float64{10, 20, 0, 35}, Color: theme.ColorNameSuccess},
		{Name: "Missed", Values: []float64{5, 0, 0, 12}, Color: theme.ColorNameError},
	},
}

// TestBarsGeometry reads every bar back from the renderer: its length is its value
// on the drawn axis, whose zero is on a whole unit, the series stack up from the zero line (bottom-up in Bars, left
// to right in HBars), bars follow the labels' order without overlapping, and each has
// its series' colour.
func TestBarsGeometry(t *testing.T) {
	for _, tc := range []struct {
		name  string
		chart barChartWidget
	}{
		{"vertical", NewBars()},
		{"horizontal", NewHBars()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			show(t, tc.chart, fyne.NewSize(500, 300))
			tc.chart.SetData(twoSeries)
			r := stacksOf(t, tc.chart)
			values, at := tickValues(t, r)
			zero, top := at[0], at[len(at)-1]
			if zero != float32(math.Round(float64(zero))) {
				t.Errorf("bars start at %v, between two pixels", zero)
			}
			unit := (top - zero) / float32(values[len(values)-1]) // signed: up is negative y
			p := paletteOf(tc.chart)
			var prevEnd float32 = -1
			for i, stack := range r.bars {
				base := zero
				var start, end float32 = math.MaxFloat32, 0
				for s, rect := range stack {
					pos, size := rect.Position(), rect.Size()
					length, from, to := size.Height, pos.Y+size.Height, pos.Y // bars grow up
					across := [2]float32{pos.X, pos.X + size.Width}
					if r.horizontal {
						length, from, to = size.Width, pos.X, pos.X+size.Width
						across = [2]float32{pos.Y, pos.Y + size.Height}
					}
					want := float32(twoSeries.Series[s].Values[i]) * float32(math.Abs(float64(unit)))
					if !near(length, want) {
						t.Errorf("bar %d, series %d is %.2f long, want %.2f", i, s, length, want)
					}
					if !near(from, base) {
						t.Errorf("bar %d, series %d starts at %.2f, want %.2f", i, s, from, base)
					}
					if rect.FillColor != p.color(twoSeries.Series[s].Color) {
						t.Errorf("bar %d, series %d is %v", i, s, rect.FillColor)
					}
					base = to
					start, end = min(start, across[0]), max(end, across[1])
				}
				if start <= prevEnd || end-start <= 0 {
					t.Errorf("bar %d spans %.1f–%.1f after the last one ended at %.1f", i, start, end, prevEnd)
				}
				prevEnd = end
			}
			room := tc.chart.Size().Width
			if r.horizontal {
				room = tc.chart.Size().Height
			}
			if prevEnd > room {
				t.Errorf("bars end at %.1f, outside %.0f", prevEnd, room)
			}
		})
	}
}

// TestTicksCoverMax reads the value axis as drawn, for several maxima and sizes: 3 to
// 6 ticks, a nice step apart, evenly spaced, from 0 to at least the tallest stack;
// whole numbers print as integers with thousands separators.
func TestTicksCoverMax(t *testing.T) {
	for _, horizontal := range []bool{false, true} {
		for _, highest := range []float64{1, 7, 99, 1001, 43210} {
			for _, size := range []fyne.Size{{Width: 400, Height: 250}, {Width: 900, Height: 600}} {
				t.Run(fmt.Sprintf("horizontal=%v/%v/%v", horizontal, highest, size), func(t *testing.T) {
					third := math.Floor(highest / 3)
					d := BarData{Labels: []string{"a", "b"}, Series: []Series{
						{Values: []float64{third, 0}}, {Values: []float64{highest - third, 1}},
					}}
					var chart barChartWidget = NewBars()
					if horizontal {
						chart = NewHBars()
					}
					show(t, chart, size)
					chart.SetData(d)
					r := stacksOf(t, chart)
					values, at := tickValues(t, r)
					if len(values) < 3 || len(values) > 6 {
						t.Fatalf("%d ticks: %v", len(values), values)
					}
					step := values[1] - values[0]
					if values[0] != 0 || !nice(step) || values[len(values)-1] < highest {
						t.Errorf("ticks %v for a maximum of %v", values, highest)
					}
					for i := 1; i < len(values); i++ {
						if math.Abs(values[i]-values[i-1]-step) > 1e-9 || !near(at[i]-at[i-1], at[1]-at[0]) {
							t.Errorf("ticks %v at %v are not evenly spaced", values, at)
						}
					}
					for _, l := range r.axis.labels {
						if l.Visible() && l.Text != formatNumber(mustParse(t, l.Text), 0) {
							t.Errorf("tick %q is not an integer with separators", l.Text)
						}
					}
				})
			}
		}
	}
}

// TestLabelThinning shows more labels than fit: the labels drawn never overlap and
// stay inside the chart, every Nth is shown, and all of them when they fit.
func TestLabelThinning(t *testing.T) {
	names := make([]string, 40)
	for i := range names {
		names[i] = fmt.Sprintf("10%02d Extension", i)
	}
	heat := HeatData{Rows: []string{"Mon", "Tue"}, Cols: hours()}
	for _, tc := range []struct {
		name string
		size fyne.Size
		all  bool // every label fits
		// show makes the chart in a window of size and returns its labels and the
		// other texts they must not cover.
		show func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text)
	}{
		{"365 days at 400 px", fyne.NewSize(400, 250), false, func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text) {
			b := NewBars()
			show(t, b, size)
			b.SetData(answeredMissed(365))
			r := stacksOf(t, b)
			return &r.cats, append(r.axis.labels[:], r.legend.names...)
		}},
		{"24 hours at 800 px", fyne.NewSize(800, 300), true, func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text) {
			b := NewBars()
			show(t, b, size)
			b.SetData(BarData{Labels: hours(), Series: []Series{{Values: make([]float64, 24)}}})
			r := stacksOf(t, b)
			return &r.cats, append(r.axis.labels[:], r.legend.names...)
		}},
		{"40 extensions 250 px high", fyne.NewSize(400, 250), false, func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text) {
			b := NewHBars()
			show(t, b, size)
			b.SetData(BarData{Labels: names, Series: []Series{{Values: make([]float64, 40)}}})
			r := stacksOf(t, b)
			return &r.cats, append(r.axis.labels[:], r.legend.names...)
		}},
		{"heat map hours at 400 px", fyne.NewSize(400, 250), false, func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text) {
			h := NewHeatMap()
			show(t, h, size)
			h.SetData(heat)
			r := heatOf(t, h)
			return &r.cols, append(r.rows.texts, r.key.low, r.key.high)
		}},
		{"heat map hours at 800 px", fyne.NewSize(800, 300), true, func(t *testing.T, size fyne.Size) (*labels, []*canvas.Text) {
			h := NewHeatMap()
			show(t, h, size)
			h.SetData(heat)
			r := heatOf(t, h)
			return &r.cols, append(r.rows.texts, r.key.low, r.key.high)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, others := tc.show(t, tc.size)
			index, shown := shownLabels(l)
			if tc.all != (len(shown) == len(l.texts)) || len(shown) < 3 {
				t.Fatalf("%d of %d labels shown", len(shown), len(l.texts))
			}
			for i, text := range shown {
				pos, size := text.Position(), text.Size()
				if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > tc.size.Width || pos.Y+size.Height > tc.size.Height {
					t.Errorf("label %q at %v, %v is outside %v", text.Text, pos, size, tc.size)
				}
				if i > 0 && overlap(shown[i-1], text) {
					t.Errorf("labels %q and %q overlap", shown[i-1].Text, text.Text)
				}
				for _, o := range others {
					if o.Visible() && overlap(o, text) {
						t.Errorf("label %q covers %q", text.Text, o.Text)
					}
				}
			}
			// Every Nth from the first: only the last may be missing, pushed in from
			// the right edge onto the one before.
			step := index[1] - index[0]
			for i, n := range index {
				if n != i*step {
					t.Fatalf("labels shown at %v: not every %dth", index, step)
				}
			}
			if last := index[len(index)-1]; len(l.texts)-1-last >= 2*step {
				t.Errorf("the last label shown is %d of %d, every %dth", last, len(l.texts), step)
			}
		})
	}
}

// TestLongLabelsAreCut: a label longer than its room ends in "…" and fits; given
// room again, it shows whole.
func TestLongLabelsAreCut(t *testing.T) {
	long := "1003 Anna Müller-Lüdenscheidt 财务部 (Accounting and Finance)"
	d := BarData{Labels: []string{long, "1001 张伟"}, Series: []Series{{Values: []float64{3, 2}}}}
	for _, tc := range []struct {
		name  string
		chart barChartWidget
	}{
		{"vertical", NewBars()},
		{"horizontal", NewHBars()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := show(t, tc.chart, fyne.NewSize(250, 250))
			tc.chart.SetData(d)
			r := stacksOf(t, tc.chart)
			for _, size := range []fyne.Size{{Width: 250, Height: 250}, {Width: 1200, Height: 250}} {
				w.Resize(size)
				label := r.cats.texts[0]
				cut := size.Width < 1000
				if got := label.Text != long; got != cut || cut && !strings.HasPrefix(long, strings.TrimSuffix(label.Text, "…")) {
					t.Errorf("at %v the label reads %q", size, label.Text)
				}
				if !label.Visible() || label.Position().X < 0 || end(label).X > size.Width {
					t.Errorf("at %v the label %q is at %v–%v", size, label.Text, label.Position(), end(label))
				}
				if bar := r.bars[0][0]; r.horizontal && end(label).X > bar.Position().X {
					t.Errorf("the label reaches into its bar")
				}
				if label.Text != long && label.Size().Width < 0.7*r.cats.cutRoom {
					t.Errorf("cut too short: %q in %.0f", label.Text, r.cats.cutRoom)
				}
			}
		})
	}
}

// TestDenseBarsTile: bars too thin for a gap (a year in 400 px) start and end on
// whole units, each where the last ended, so that no seams show between them.
func TestDenseBarsTile(t *testing.T) {
	b := NewBars()
	show(t, b, fyne.NewSize(400, 250))
	b.SetData(answeredMissed(365))
	r := stacksOf(t, b)
	for i, stack := range r.bars {
		for s, rect := range stack {
			x, w := rect.Position().X, rect.Size().Width
			if x != float32(math.Round(float64(x))) || w != float32(math.Round(float64(w))) || w < 1 || w > 2 {
				t.Fatalf("bar %d, series %d spans %v+%v", i, s, x, w)
			}
			if i > 0 && x != end(r.bars[i-1][s]).X {
				t.Fatalf("bar %d, series %d starts at %v, the one before ends at %v", i, s, x, end(r.bars[i-1][s]).X)
			}
		}
	}
}

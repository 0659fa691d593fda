package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/style"
)

// show puts chart alone in a window of the given size, with the app's theme (its
// embedded CJK font) in the light scheme, and returns the window.
func show(t testing.TB, chart fyne.Widget, size fyne.Size) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.Light))
	w := test.NewTempWindow(t, chart)
	w.SetPadded(false)
	w.Resize(size)
	if chart.Size() != size {
		t.Fatalf("chart is %v in a window of %v", chart.Size(), size)
	}
	return w
}

// days is n labels yyyy-mm-dd from 2026-01-01.
func days(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("2026-%02d-%02d", 1+i/31%12, 1+i%31)
	}
	return out
}

// hours is 00 … 23.
func hours() []string {
	out := make([]string, 24)
	for i := range out {
		out[i] = fmt.Sprintf("%02d", i)
	}
	return out
}

// answeredMissed is a year of daily calls in two series, like the window's chart.
func answeredMissed(n int) BarData {
	answered, missed := make([]float64, n), make([]float64, n)
	for i := range n {
		answered[i] = float64(100 + (i*37)%250)
		missed[i] = float64((i * 13) % 60)
	}
	return BarData{Labels: days(n), Series: []Series{
		{Name: "Answered", Values: answered, Color: theme.ColorNameSuccess},
		{Name: "Missed", Values: missed, Color: theme.ColorNameError},
	}}
}

// stacksOf returns the renderer of a Bars or HBars, after checking that every bar it
// holds is among the objects it draws.
func stacksOf(t testing.TB, chart fyne.Widget) *stackRenderer {
	t.Helper()
	r := test.WidgetRenderer(chart).(*stackRenderer)
	drawn := map[fyne.CanvasObject]bool{}
	for _, o := range r.Objects() {
		drawn[o] = true
	}
	for i, stack := range r.bars {
		for s, rect := range stack {
			if !drawn[rect] {
				t.Fatalf("bar %d of series %d is not drawn", i, s)
			}
		}
	}
	return r
}

// heatOf returns the renderer of a HeatMap, after checking that every cell it holds
// is among the objects it draws.
func heatOf(t testing.TB, h *HeatMap) *heatRenderer {
	t.Helper()
	r := test.WidgetRenderer(h).(*heatRenderer)
	drawn := map[fyne.CanvasObject]bool{}
	for _, o := range r.Objects() {
		drawn[o] = true
	}
	for i, row := range r.cells {
		for j, c := range row {
			if !drawn[c] || !drawn[r.numbers[i][j]] {
				t.Fatalf("cell %d,%d is not drawn", i, j)
			}
		}
	}
	return r
}

// tickValues are the value axis' ticks as drawn: each label read as a number, and
// where its grid line crosses the axis (y for Bars, x for HBars).
func tickValues(t testing.TB, r *stackRenderer) (values []float64, at []float32) {
	t.Helper()
	for i, label := range r.axis.labels {
		if !label.Visible() {
			continue
		}
		v := mustParse(t, label.Text)
		if !r.axis.lines[i].Visible() {
			t.Fatalf("tick %q has no grid line", label.Text)
		}
		values = append(values, v)
		if r.horizontal {
			at = append(at, r.axis.lines[i].Position1.X)
		} else {
			at = append(at, r.axis.lines[i].Position1.Y)
		}
	}
	return values, at
}

// shownLabels are the category labels drawn, with their indexes.
func shownLabels(l *labels) (index []int, texts []*canvas.Text) {
	for i, t := range l.texts {
		if t.Visible() {
			index, texts = append(index, i), append(texts, t)
		}
	}
	return index, texts
}

// overlap says whether the boxes of two objects share any point.
func overlap(a, b fyne.CanvasObject) bool {
	ap, as, bp, bs := a.Position(), a.Size(), b.Position(), b.Size()
	return ap.X < bp.X+bs.Width && bp.X < ap.X+as.Width && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height
}

// near says whether two lengths are equal but for float32 rounding.
func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.01 }

// mustParse reads a number as the charts print it ("12,345").
func mustParse(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

package charts

import (
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkBarsLayout lays out a year of daily bars in two series, as a resize of the
// window does: 365 × 2 rectangles, 365 labels thinned, the axis chosen again.
func BenchmarkBarsLayout(b *testing.B) {
	bars := NewBars()
	show(b, bars, fyne.NewSize(1000, 400))
	bars.SetData(answeredMissed(365))
	r := stacksOf(b, bars)
	sizes := []fyne.Size{{Width: 1000, Height: 400}, {Width: 1003, Height: 401}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Layout(sizes[i%2])
	}
}

// BenchmarkBarsSetData shows a new year of daily bars in two series, as a change of
// filters does: objects reused, colours and label widths taken again, laid out.
func BenchmarkBarsSetData(b *testing.B) {
	bars := NewBars()
	show(b, bars, fyne.NewSize(1000, 400))
	data := []BarData{answeredMissed(365), answeredMissed(364)}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		bars.SetData(data[i%2])
	}
}

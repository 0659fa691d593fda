package charts

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/internal/uitest"
)

// TestLegend: one series has no legend; several show each name beside a square of
// its colour, wrapping when narrow, never overlapping each other or the bars.
func TestLegend(t *testing.T) {
	three := []Series{
		{Name: "Answered", Values: []float64{5}, Color: theme.ColorNameSuccess},
		{Name: "Answered by a colleague", Values: []float64{3}, Color: theme.ColorNamePrimary},
		{Name: "Missed", Values: []float64{2}, Color: theme.ColorNameError},
	}
	for _, tc := range []struct {
		name   string
		series []Series
		width  float32
		lines  int
	}{
		{"one series", three[:1], 400, 0},
		{"three series", three, 600, 1},
		{"three series, narrow", three, 250, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBars()
			show(t, b, fyne.NewSize(tc.width, 250))
			b.SetData(BarData{Labels: []string{"Mon"}, Series: tc.series})
			r := stacksOf(t, b)
			drawn := uitest.Drawn(b)
			var tops []float32
			for i, s := range tc.series {
				if shown := slices.Contains(drawn, s.Name); shown != (tc.lines > 0) {
					t.Errorf("legend %q drawn: %v", s.Name, shown)
				}
				if tc.lines == 0 {
					continue
				}
				swatch, name := r.legend.swatches[i], r.legend.names[i]
				if swatch.FillColor != paletteOf(b).color(s.Color) || swatch.Size().Width <= 0 {
					t.Errorf("legend %q has a swatch of %v, %v", s.Name, swatch.FillColor, swatch.Size())
				}
				if swatch.Position().X+swatch.Size().Width > name.Position().X {
					t.Errorf("legend %q is not beside its swatch", s.Name)
				}
				for j := range i {
					if overlap(name, r.legend.names[j]) || overlap(swatch, r.legend.names[j]) {
						t.Errorf("legends %q and %q overlap", s.Name, tc.series[j].Name)
					}
				}
				if end(name).X > tc.width {
					t.Errorf("legend %q ends at %.0f of %.0f", s.Name, end(name).X, tc.width)
				}
				if !slices.Contains(tops, name.Position().Y) {
					tops = append(tops, name.Position().Y)
				}
				if stack := r.bars[0]; end(name).Y > stack[len(stack)-1].Position().Y {
					t.Errorf("legend %q reaches the bars", s.Name)
				}
				for _, tick := range r.axis.labels {
					if tick.Visible() && overlap(name, tick) {
						t.Errorf("legend %q overlaps the tick %q", s.Name, tick.Text)
					}
				}
			}
			if len(tops) != tc.lines {
				t.Errorf("legend on %d lines, want %d", len(tops), tc.lines)
			}
		})
	}
}

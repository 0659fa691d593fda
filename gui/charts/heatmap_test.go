package charts

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// week is a weekday × hour grid with office hours busy and one peak of 1,234.
func week() HeatData {
	d := HeatData{Rows: []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}, Cols: hours()}
	d.Values = make([][]float64, 7)
	for r := range d.Values {
		d.Values[r] = make([]float64, 24)
		for c := 9; c < 18 && r < 5; c++ {
			d.Values[r][c] = float64(10 * (r + c))
		}
	}
	d.Values[2][10] = 1234
	return d
}

// TestHeatMapCells reads every cell back: in row and column order, one size, inside
// the chart, coloured from the background (0) to the primary colour (the peak) in
// proportion; the legend reads 0 … the peak.
func TestHeatMapCells(t *testing.T) {
	h := NewHeatMap()
	show(t, h, fyne.NewSize(800, 300))
	d := week()
	h.SetData(d)
	r := heatOf(t, h)
	p := paletteOf(h)
	bg, primary := p.color(theme.ColorNameBackground), p.color(theme.ColorNamePrimary)
	first := r.cells[0][0].Size()
	for i, row := range r.cells {
		for j, cell := range row {
			if size := cell.Size(); !within(size.Width, first.Width, 1) || !within(size.Height, first.Height, 1) {
				t.Errorf("cell %d,%d is %v, the first %v", i, j, size, first)
			}
			if j > 0 && cell.Position().X < end(row[j-1]).X {
				t.Errorf("cell %d,%d overlaps the one before", i, j)
			}
			if i > 0 && cell.Position().Y < end(r.cells[i-1][j]).Y {
				t.Errorf("cell %d,%d overlaps the one above", i, j)
			}
			want := blend(bg, primary, d.Values[i][j]/1234)
			if got := color.NRGBAModel.Convert(cell.FillColor); got != want {
				t.Errorf("cell %d,%d of %v is %v, want %v", i, j, d.Values[i][j], got, want)
			}
		}
	}
	if c := color.NRGBAModel.Convert(r.cells[2][10].FillColor); c != color.NRGBAModel.Convert(primary) {
		t.Errorf("the peak is %v, not the primary colour", c)
	}
	if end(r.cells[6][23]).X > 800 || end(r.cells[6][23]).Y > 300 {
		t.Errorf("the last cell ends at %v", end(r.cells[6][23]))
	}
	if r.key.low.Text != "0" || r.key.high.Text != "1,234" {
		t.Errorf("legend from %q to %q", r.key.low.Text, r.key.high.Text)
	}
	if !r.key.low.Visible() || end(r.key.high).X > 800 || end(r.key.high).Y > 300 {
		t.Errorf("legend not shown inside the chart")
	}
}

func within(a, b, d float32) bool { return a >= b-d && a <= b+d }

// TestHeatMapNumbers: cells large enough print their number (none for 0), small
// ones do not.
func TestHeatMapNumbers(t *testing.T) {
	d := HeatData{Rows: []string{"Mon", "Tue"}, Cols: hours(), Values: [][]float64{{0, 5, 1234}}}
	for _, tc := range []struct {
		size  fyne.Size
		shown bool
	}{
		{fyne.NewSize(1000, 300), true},
		{fyne.NewSize(400, 250), false},
	} {
		h := NewHeatMap()
		show(t, h, tc.size)
		h.SetData(d)
		r := heatOf(t, h)
		for j, want := range []string{"", "5", "1,234"} {
			n := r.numbers[0][j]
			if n.Text != want || n.Visible() != (tc.shown && want != "") {
				t.Errorf("at %v cell %d shows %q (visible %v)", tc.size, j, n.Text, n.Visible())
			}
			if n.Visible() && (n.Position().X < r.cells[0][j].Position().X || end(n).X > end(r.cells[0][j]).X) {
				t.Errorf("number %q sticks out of its cell", n.Text)
			}
		}
	}
}

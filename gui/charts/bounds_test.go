package charts

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestEverythingInside lays each chart out at many sizes, from none at all to a
// large window, with data of every shape: nothing panics, no object gets a NaN,
// infinite or negative size, and at its MinSize or more everything drawn is inside
// the chart.
func TestEverythingInside(t *testing.T) {
	bars := []BarData{
		{},
		twoSeries,
		answeredMissed(365),
		{Labels: []string{"1001 技术支持部门的会议室电话分机号码很长很长 Extension with a long name"}, Series: []Series{{Values: []float64{0.25}}}},
		{Labels: hours(), Series: []Series{{Values: []float64{1e9}}, {Values: []float64{math.NaN(), -1, math.Inf(1)}}}},
	}
	heats := []HeatData{{}, week(), {Rows: days(40), Cols: days(100), Values: [][]float64{{0.5}}}}
	sizes := []fyne.Size{{}, {Width: 1, Height: 1}, {Width: 30, Height: 500}, {Width: 500, Height: 30}, {Width: 255, Height: 160}, {Width: 400, Height: 250}, {Width: 1920, Height: 1080}}
	var charts []fyne.Widget
	for range bars {
		charts = append(charts, NewBars(), NewHBars())
	}
	for range heats {
		charts = append(charts, NewHeatMap())
	}
	test.NewTempApp(t)
	for i, c := range charts {
		switch c := c.(type) {
		case barChartWidget:
			c.SetData(bars[i/2])
		case *HeatMap:
			c.SetData(heats[i-2*len(bars)])
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%T %d at %v", c, i, size), func(t *testing.T) {
				c.Resize(size)
				inside := size.Width >= c.MinSize().Width && size.Height >= c.MinSize().Height
				for _, o := range test.WidgetRenderer(c).Objects() {
					pos, sz := o.Position(), o.Size()
					if bad(pos.X) || bad(pos.Y) || bad(sz.Width) || bad(sz.Height) || sz.Width < 0 || sz.Height < 0 {
						t.Fatalf("%s at %v, %v", describe(o), pos, sz)
					}
					if inside && o.Visible() && (pos.X < 0 || pos.Y < 0 || pos.X+sz.Width > size.Width+0.5 || pos.Y+sz.Height > size.Height+0.5) {
						t.Errorf("%s at %v, %v sticks out of %v", describe(o), pos, sz, size)
					}
				}
			})
		}
	}
}

func bad(v float32) bool { return math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) }

func describe(o fyne.CanvasObject) string {
	if t, ok := o.(*canvas.Text); ok {
		return fmt.Sprintf("text %q", t.Text)
	}
	return fmt.Sprintf("%T", o)
}

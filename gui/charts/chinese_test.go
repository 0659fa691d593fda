package charts

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// TestChineseLabels: with the app's theme, Chinese labels, legends and rows are
// drawn with the embedded CJK font, whose ideographs are one em wide each; a font
// without them would draw replacement boxes of another width, or none.
func TestChineseLabels(t *testing.T) {
	b, hb, h := NewBars(), NewHBars(), NewHeatMap()
	data := BarData{Labels: []string{"星期一", "星期二"}, Series: []Series{
		{Name: "已接", Values: []float64{3, 4}, Color: theme.ColorNameSuccess},
		{Name: "未接", Values: []float64{1, 0}, Color: theme.ColorNameError},
	}}
	texts := map[string]func(t *testing.T) []*canvas.Text{
		"bars": func(t *testing.T) []*canvas.Text {
			show(t, b, fyne.NewSize(400, 250))
			b.SetData(data)
			r := stacksOf(t, b)
			return append(r.cats.texts, r.legend.names...)
		},
		"horizontal bars": func(t *testing.T) []*canvas.Text {
			show(t, hb, fyne.NewSize(400, 250))
			hb.SetData(data)
			r := stacksOf(t, hb)
			return append(r.cats.texts, r.legend.names...)
		},
		"heat map": func(t *testing.T) []*canvas.Text {
			show(t, h, fyne.NewSize(400, 250))
			h.SetData(HeatData{Rows: data.Labels, Cols: []string{"时"}})
			r := heatOf(t, h)
			return append(r.rows.texts, r.cols.texts...)
		},
	}
	for name, shown := range texts {
		t.Run(name, func(t *testing.T) {
			for _, text := range shown(t) {
				em := text.TextSize
				n := float32(len([]rune(text.Text)))
				if w := text.Size().Width; !text.Visible() || w < 0.95*n*em || w > 1.05*n*em {
					t.Errorf("%q is %.1f wide (visible %v), want %.0f ideographs of %.1f", text.Text, w, text.Visible(), n, em)
				}
			}
		})
	}
}

package charts

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/style"
)

// TestMarkup pins what each chart draws, at a fixed size in the light scheme with the
// embedded font. Regenerate a master after a deliberate change by deleting it and
// copying testdata/failed/ over.
func TestMarkup(t *testing.T) {
	answered := []float64{0, 0, 0, 0, 0, 0, 0, 2, 35, 96, 120, 104, 61, 72, 110, 131, 97, 58, 12, 3, 1, 0, 0, 0}
	missed := []float64{1, 0, 0, 0, 0, 0, 0, 1, 6, 14, 19, 11, 9, 8, 12, 21, 10, 7, 5, 2, 1, 1, 0, 0}
	week := week()
	week.Rows = []string{"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"}
	for _, tc := range []struct {
		master string
		size   fyne.Size
		chart  func() fyne.Widget
	}{
		{"bars.xml", fyne.NewSize(600, 300), func() fyne.Widget {
			b := NewBars()
			b.SetData(BarData{Labels: hours(), Series: []Series{
				{Name: "Answered", Values: answered, Color: theme.ColorNameSuccess},
				{Name: "Missed", Values: missed, Color: theme.ColorNameError},
			}})
			return b
		}},
		{"hbars.xml", fyne.NewSize(500, 300), func() fyne.Widget {
			b := NewHBars()
			b.SetData(BarData{
				Labels: []string{"1001 张伟", "1002 李娜", "1003 Anna Müller (Accounting and Finance)", "1004 王芳", "1005 前台"},
				Series: []Series{
					{Name: "已接", Values: []float64{1204, 968, 455, 301, 27}, Color: theme.ColorNameSuccess},
					{Name: "未接", Values: []float64{96, 302, 45, 12, 3}, Color: theme.ColorNameError},
				},
			})
			return b
		}},
		{"heatmap.xml", fyne.NewSize(800, 300), func() fyne.Widget {
			h := NewHeatMap()
			h.SetData(week)
			return h
		}},
	} {
		t.Run(tc.master, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(style.New(style.Light))
			c := tc.chart()
			c.Resize(tc.size)
			test.AssertObjectRendersToMarkup(t, tc.master, c)
		})
	}
}

package charts_test

import (
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/charts"
)

// A chart of calls per day, answered and missed stacked. The caller translates the
// series' names; SetData runs on the UI goroutine (inside fyne.Do when the figures
// come from a background fold).
func ExampleBars() {
	perDay := charts.NewBars()
	perDay.SetData(charts.BarData{
		Labels: []string{"2026-11-02", "2026-11-03", "2026-11-04"},
		Series: []charts.Series{
			{Name: "Answered", Values: []float64{182, 240, 201}, Color: theme.ColorNameSuccess},
			{Name: "Missed", Values: []float64{21, 35, 18}, Color: theme.ColorNameError},
		},
	})
	_ = perDay // put it in the window like any widget
}

// The weekday × hour heat map: one row per weekday, one column per hour.
func ExampleHeatMap() {
	busy := charts.NewHeatMap()
	values := make([][]float64, 7)
	for day := range values {
		values[day] = make([]float64, 24)
	}
	values[0][10] = 42 // Monday, 10:00–10:59
	busy.SetData(charts.HeatData{
		Rows:   []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
		Cols:   []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23"},
		Values: values,
	})
}

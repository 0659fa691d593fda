package results

import (
	"cmp"
	"fmt"
	"slices"

	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/charts"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/reports"
	"cdrdesk/internal/callreport"
)

// topExtensions is how many extensions the top-extensions chart shows.
const topExtensions = 8

// chartData is what the four charts draw, taken from one report.
type chartData struct {
	perDay, perHour, top charts.BarData
	heat                 charts.HeatData
}

// newChartData takes the charts' figures from rep: calls answered and missed per day
// and per hour of day, all calls by weekday and hour, and the extensions that took
// the most calls.
func newChartData(rep *callreport.Report) chartData {
	answered, missed := i18n.L("Answered"), i18n.L("Missed")
	stack := func(labels []string, tallies []callreport.Tally) charts.BarData {
		a, m := make([]float64, len(tallies)), make([]float64, len(tallies))
		for i, y := range tallies {
			a[i], m[i] = float64(y.All.Answered), float64(y.All.Missed)
		}
		return charts.BarData{Labels: labels, Series: []charts.Series{
			{Name: answered, Values: a, Color: theme.ColorNameSuccess},
			{Name: missed, Values: m, Color: theme.ColorNameError},
		}}
	}
	var d chartData
	days := make([]string, len(rep.Days))
	dayTallies := make([]callreport.Tally, len(rep.Days))
	for i, day := range rep.Days {
		days[i], dayTallies[i] = day.Date.Format("01-02"), day.Tally
	}
	d.perDay = stack(days, dayTallies)
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = fmt.Sprintf("%02d", h)
	}
	d.perHour = stack(hours, rep.Hours[:])

	d.heat = charts.HeatData{Cols: hours, Rows: make([]string, 7), Values: make([][]float64, 7)}
	names := reports.WeekdayNames()
	for i, wd := range callreport.Week {
		d.heat.Rows[i] = names[wd]
		d.heat.Values[i] = make([]float64, 24)
		for h := range 24 {
			d.heat.Values[i][h] = float64(rep.WeekHours[wd][h].All.Calls)
		}
	}

	exts := slices.Clone(rep.Extensions)
	handled := func(e callreport.Extension) int { return e.Answered + e.AnsweredOutgoing + e.Missed }
	slices.SortStableFunc(exts, func(x, y callreport.Extension) int { return cmp.Compare(handled(y), handled(x)) })
	for len(exts) > 0 && handled(exts[len(exts)-1]) == 0 {
		exts = exts[:len(exts)-1]
	}
	exts = exts[:min(len(exts), topExtensions)]
	labels := make([]string, len(exts))
	top := make([]callreport.Tally, len(exts))
	for i, e := range exts {
		labels[i] = e.Number
		if e.Name != "" && e.Name != e.Number {
			labels[i] += " " + e.Name
		}
		top[i].All = callreport.Figures{Answered: e.Answered + e.AnsweredOutgoing, Missed: e.Missed}
	}
	d.top = stack(labels, top)
	return d
}

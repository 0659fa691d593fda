package results

import (
	"context"
	"strings"
	"testing"

	"cdrdesk/gui/charts"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// The charts draw the report's figures: every answered and missed call once per
// chart, each day and hour in its place, the busiest extensions first.
func TestChartData(t *testing.T) {
	useLanguage(t, i18n.English)
	d := simRecords(t, 7)
	calls, err := callreport.Fold(context.Background(), callreport.Input{Table: d.table, Names: d.names,
		Settings: callreport.DefaultSettings(), End: d.info.Query.End})
	if err != nil {
		t.Fatal(err)
	}
	rep := calls.Report(nil)
	c := newChartData(rep)
	sum := func(v []float64) (n int) {
		for _, x := range v {
			n += int(x)
		}
		return n
	}
	all := rep.Summary.All
	for name, b := range map[string]charts.BarData{"per day": c.perDay, "per hour": c.perHour} {
		if len(b.Series) != 2 || sum(b.Series[0].Values) != all.Answered || sum(b.Series[1].Values) != all.Missed {
			t.Errorf("%s: series %v, want %d answered and %d missed", name, b.Series, all.Answered, all.Missed)
		}
	}
	if len(c.perDay.Labels) != 7 || c.perDay.Labels[0] != "10-01" || c.perDay.Labels[6] != "10-07" {
		t.Errorf("days %q", c.perDay.Labels)
	}
	if len(c.perHour.Labels) != 24 || c.perHour.Labels[9] != "09" {
		t.Errorf("hours %q", c.perHour.Labels)
	}
	var heat int
	for _, row := range c.heat.Values {
		heat += sum(row)
	}
	if heat != all.Calls || c.heat.Rows[0] != "Monday" || c.heat.Rows[6] != "Sunday" {
		t.Errorf("heat map holds %d calls in rows %q, want %d from Monday", heat, c.heat.Rows, all.Calls)
	}
	if n := len(c.top.Labels); n == 0 || n > topExtensions {
		t.Fatalf("%d top extensions", n)
	}
	prev := -1
	for i, label := range c.top.Labels {
		total := int(c.top.Series[0].Values[i] + c.top.Series[1].Values[i])
		if prev >= 0 && total > prev {
			t.Errorf("%s (%d calls) after one with %d", label, total, prev)
		}
		prev = total
		if f := strings.Fields(label); len(f) == 2 && f[0] == f[1] {
			t.Errorf("label %q repeats the number", label)
		}
	}
}

package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/records"
)

// reportsRuns is how many times each step of the call reports is timed; the median
// is printed, and the range, as the machine may be shared.
const reportsRuns = 5

// reportsGoal is issue 8's: every view and chart of the window ready at most this long
// after the records are.
const reportsGoal = 300 * time.Millisecond

// reportsFigures times what the window waits for once the year's records are in, with
// the simulator's extension list and the default settings: folding the records into
// calls (callreport.Fold, once per table and settings), every figure over all calls
// (Report(nil)), and every figure over what a search for one person leaves
// (records.View.Apply's rows, as the window passes them after a filter or search
// change; the search itself is the grid's work and not counted). Each run starts
// after a garbage collection, so that no run pays for the garbage of the one before;
// what a run allocates, and any collection it causes, is counted.
func reportsFigures(sim *pbxsim.Server, data []byte) error {
	t := cdrclient.NewTable()
	if _, err := t.Write(data); err != nil {
		return err
	}
	if err := t.Close(); err != nil {
		return err
	}
	names := make(map[string]string)
	for _, e := range sim.Extensions() {
		names[e.Number] = e.Name
	}
	ext := sim.Extensions()[0]
	view := records.NewView(t, names)
	view.Apply(records.Filter{Text: ext.Name}, records.Sort{})
	rows := view.Rows()

	in := callreport.Input{Table: t, Names: names, Settings: callreport.DefaultSettings()}
	var folds, alls, filtered, ready []time.Duration
	var calls *callreport.Calls
	var some *callreport.Report
	for range reportsRuns {
		runtime.GC()
		start := time.Now()
		c, err := callreport.Fold(context.Background(), in)
		if err != nil {
			return err
		}
		folded := time.Now()
		c.Report(nil)
		done := time.Now()
		folds, alls, ready = append(folds, folded.Sub(start)), append(alls, done.Sub(folded)), append(ready, done.Sub(start))
		calls = c
	}
	for range reportsRuns {
		runtime.GC()
		start := time.Now()
		some = calls.Report(rows)
		filtered = append(filtered, time.Since(start))
	}
	fmt.Printf("reports: fold %s, report all %s, report of a filter %s: ready in %s (goal: ready ≤ %d ms)\n",
		msRange(folds), msRange(alls), msRange(filtered), msRange(ready), reportsGoal.Milliseconds())
	fmt.Printf("         median of %d runs (range); %d records, %d calls; the filter is a search for %q (%s): %d records, %d calls\n\n",
		reportsRuns, t.Len(), calls.Len(), ext.Name, ext.Number, len(rows), len(some.Calls))
	return nil
}

// msRange writes the median of d in milliseconds, then the range: "180 ms (171–204)".
func msRange(d []time.Duration) string {
	ms := func(x time.Duration) float64 { return float64(x.Microseconds()) / 1000 }
	return fmt.Sprintf("%.0f ms (%.0f–%.0f)", ms(median(d)), ms(slices.Min(d)), ms(slices.Max(d)))
}

package reports_test

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/reports"
	"cdrdesk/internal/callreport"
)

// Example shows how a window wires the views: fold once, report over the rows the
// filters leave, Settings… folds again with what was saved, and Show calls narrows
// the grid to a caller's records.
func Example() {
	var (
		w     fyne.Window
		table *cdrclient.Table
		names map[string]string // the PBX's extension list
		end   time.Time         // the end of the range asked for
		shown []int             // the rows the filters and search leave; nil for all
		grid  func(rows []int)  // shows those records in the grid
	)
	unreturned, calls := reports.NewUnreturned(), reports.NewCallList()
	unreturned.SetNames(names)
	calls.SetNames(names)
	views := []reports.View{unreturned, reports.NewExtensions(), reports.NewDays(), reports.NewHours(), calls}

	var folded *callreport.Calls
	show := func(s callreport.Settings) {
		c, err := callreport.Fold(context.Background(), callreport.Input{Table: table, Names: names, Settings: s, End: end})
		if err != nil {
			return // settings from ShowSettings are valid; a cancelled fold shows nothing new
		}
		folded = c
		r := c.Report(shown)
		for _, v := range views {
			v.Show(c, r)
		}
	}
	unreturned.OnSettings = func() { reports.ShowSettings(w, folded.Settings(), show) }
	unreturned.OnShowCalls = func(callsOfCaller []int) { grid(folded.RowsOf(callsOfCaller)) }
	w.SetContent(container.NewAppTabs(container.NewTabItem("…", unreturned.Widget()))) // titles via i18n.L
	show(callreport.DefaultSettings())
}

package results

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/charts"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/reports"
	"cdrdesk/internal/callreport"
)

// tabs are the results' pages: the records (every record as the PBX sent it, or a
// line per call) and the call reports. The search and quick filters above them apply
// to all: every page shows the same calls.
type tabs struct {
	box        *container.AppTabs
	records    *container.TabItem
	unreturned *container.TabItem // its title counts the callers, so it is seen at once

	perRecord  *widget.RadioGroup // every record, or one line per call
	grid       fyne.CanvasObject  // the records grid (with its empty-result text)
	callList   *reports.CallList
	pinned     *fyne.Container // says that only a report line's calls are shown
	pinnedText *widget.Label

	missed     *reports.Unreturned
	extensions *reports.Extensions
	days       *reports.Days
	hours      *reports.Hours

	latest figures
	stale  [6]bool // by page (as pageNames): the figures changed since it drew them

	perDay, perHour *charts.Bars
	topExts         *charts.HBars
	heat, hourHeat  *charts.HeatMap
}

// Options of the records page's lines toggle; their index is what counts.
const (
	everyRecord = 0
	everyCall   = 1
)

func newTabs(v *View, grid fyne.CanvasObject) *tabs {
	t := &tabs{
		grid:       grid,
		callList:   reports.NewCallList(),
		missed:     reports.NewUnreturned(),
		extensions: reports.NewExtensions(),
		days:       reports.NewDays(),
		hours:      reports.NewHours(),
		perDay:     charts.NewBars(),
		perHour:    charts.NewBars(),
		topExts:    charts.NewHBars(),
		heat:       charts.NewHeatMap(),
		hourHeat:   charts.NewHeatMap(),
	}
	t.perRecord = widget.NewRadioGroup([]string{i18n.L("Every record"), i18n.L("One line per call")}, func(string) { t.showLines() })
	t.perRecord.Horizontal, t.perRecord.Required = true, true
	t.perRecord.SetSelected(t.perRecord.Options[everyRecord])
	t.pinnedText = widget.NewLabel("")
	t.pinnedText.Truncation = fyne.TextTruncateEllipsis
	showAll := widget.NewButtonWithIcon(i18n.L("Show all"), theme.CancelIcon(), v.unpin)
	t.pinned = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), showAll, t.pinnedText)
	t.pinned.Hide()
	t.callList.Widget().Hide()
	t.missed.OnShowCalls = v.showCalls
	t.missed.OnSettings = v.editReportSettings

	lines := container.NewHBox(widget.NewLabel(i18n.L("Show:")), t.perRecord, layout.NewSpacer())
	t.records = container.NewTabItemWithIcon(i18n.L("Records"), theme.ListIcon(),
		container.NewBorder(container.NewVBox(lines, t.pinned), nil, nil, nil,
			container.NewStack(grid, t.callList.Widget())))
	t.unreturned = container.NewTabItemWithIcon(i18n.L("Missed, not returned"), theme.WarningIcon(), t.missed.Widget())
	charts := container.NewGridWithColumns(2,
		titled(i18n.L("Answered and missed calls per day"), t.perDay),
		titled(i18n.L("Answered and missed calls by hour of day"), t.perHour),
		titled(i18n.L("Calls by weekday and hour"), t.heat),
		titled(i18n.L("Extensions with the most calls"), t.topExts))
	byHour := container.NewVSplit(t.hours.Widget(), titled(i18n.L("Calls by weekday and hour"), t.hourHeat))
	byHour.Offset = 0.55
	t.box = container.NewAppTabs(t.records, t.unreturned,
		container.NewTabItem(i18n.L("By extension"), t.extensions.Widget()),
		container.NewTabItem(i18n.L("By day"), t.days.Widget()),
		container.NewTabItem(i18n.L("By hour"), byHour),
		container.NewTabItem(i18n.L("Charts"), charts))
	t.box.OnSelected = func(*container.TabItem) { t.refresh(t.box.SelectedIndex()) }
	return t
}

// Pages of the results, by the names the preferences keep, in tab order.
var pageNames = []string{"records", "missed", "extensions", "days", "hours", "charts"}

// page returns the name of the page shown.
func (t *tabs) page() string { return pageNames[max(t.box.SelectedIndex(), 0)] }

// selectPage shows the page named name; an unknown name changes nothing.
func (t *tabs) selectPage(name string) {
	if i := slices.Index(pageNames, name); i >= 0 {
		t.box.SelectIndex(i)
	}
}

// titled puts a bold title above a chart.
func titled(title string, chart fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(bold(title), nil, nil, nil, chart)
}

// perCall reports whether the records page shows a line per call.
func (t *tabs) perCall() bool { return t.perRecord.Selected == t.perRecord.Options[everyCall] }

// showLines shows the grid or the call list, as the toggle says.
func (t *tabs) showLines() {
	if t.perCall() {
		t.refresh(0)
		t.grid.Hide()
		t.callList.Widget().Show()
	} else {
		t.callList.Widget().Hide()
		t.grid.Show()
	}
}

// figures are what the pages show: the calls, the report over those shown, and the
// extensions' names.
type figures struct {
	calls *callreport.Calls
	rep   *callreport.Report
	names map[string]string
}

// show gives the pages the figures of rep (nil: none yet). Only the page in sight
// draws them now; the others when they are opened (see refresh): a year's pages take
// tens of milliseconds each, and a search would redo them all at every key.
func (t *tabs) show(c *callreport.Calls, rep *callreport.Report, names map[string]string) {
	t.latest = figures{calls: c, rep: rep, names: names}
	for i := range t.stale {
		t.stale[i] = true
	}
	title := i18n.L("Missed, not returned")
	if rep != nil && len(rep.Unreturned) > 0 {
		title = i18n.L("Missed, not returned ({{.N}})", map[string]any{"N": i18n.Count(len(rep.Unreturned))})
	}
	if t.unreturned.Text != title {
		t.unreturned.Text = title
		t.box.Refresh()
	}
	t.refresh(t.box.SelectedIndex())
}

// refresh gives page i the latest figures, unless it has them. The records page's
// only figures are the call list's, drawn while it is on.
func (t *tabs) refresh(i int) {
	if i < 0 || i >= len(t.stale) || !t.stale[i] || i == 0 && !t.perCall() {
		return
	}
	t.stale[i] = false
	f := t.latest
	switch i {
	case 0:
		t.callList.SetNames(f.names)
		t.callList.Show(f.calls, f.rep)
	case 1:
		t.missed.SetNames(f.names)
		t.missed.Show(f.calls, f.rep)
	case 2:
		t.extensions.Show(f.calls, f.rep)
	case 3:
		t.days.Show(f.calls, f.rep)
	case 4, 5:
		var d chartData
		if f.rep != nil {
			d = newChartData(f.rep)
		}
		if i == 4 {
			t.hours.Show(f.calls, f.rep)
			t.hourHeat.SetData(d.heat)
			return
		}
		t.perDay.SetData(d.perDay)
		t.perHour.SetData(d.perHour)
		t.topExts.SetData(d.top)
		t.heat.SetData(d.heat)
	}
}

// setSeconds shows the reports' durations as seconds (or as h:mm:ss).
func (t *tabs) setSeconds(seconds bool) {
	t.callList.SetSeconds(seconds)
	t.missed.SetSeconds(seconds)
	t.extensions.SetSeconds(seconds)
	t.days.SetSeconds(seconds)
	t.hours.SetSeconds(seconds)
}

// showPinned says which calls are shown alone, or hides the notice ("").
func (t *tabs) showPinned(what string) {
	if what == "" {
		t.pinned.Hide()
		return
	}
	t.pinnedText.SetText(what)
	t.pinned.Show()
}

package results

import (
	"net/url"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/recordings"
	"cdrdesk/internal/records"
	"cdrdesk/internal/report"
	"cdrdesk/internal/userdirs"
)

// FileChooser asks for the folder to save in, starting at start (the Save dialog's
// Choose folder…); tests inject a fake. done gets "" when cancelled.
type FileChooser interface {
	ChooseFolder(w fyne.Window, start string, done func(dir string))
}

// View is the results side of the main window: toolbar, grid and summary.
type View struct {
	// OnStatus, if set, is called with Status() whenever it changes.
	OnStatus func(string)
	// OnSaved, if set, is called on the UI goroutine when a save ends: err is nil when
	// the report was written to path.
	OnSaved func(path string, err error)
	// Background runs long work (filtering, sorting, saving) off the UI goroutine; it
	// starts a goroutine unless replaced. Tests run the work inline, so that what it
	// shows through fyne.Do is done when the call returns.
	Background func(work func())
	// Documents returns the user's Documents folder, where the Save dialog starts
	// until a folder was used; tests replace it.
	Documents func() string
	// RecordingSource returns where Play and Save recordings… fetch recordings from:
	// the session of the PBX connected, nil when there is none.
	RecordingSource func() recordings.Source
	// Temp holds the recordings fetched to be played, until the window removes them
	// when cdrdesk exits; New gives the view one of its own.
	Temp *recordings.TempFiles
	// OnRecordingsSaved, if set, is called on the UI goroutine when a Save recording…
	// or Save recordings… ends: err is nil when sum says what was done.
	OnRecordingsSaved func(dir string, sum recordings.Summary, err error)

	win     fyne.Window
	chooser FileChooser
	words   *words
	engine  *engine

	// Collaborators tests replace.
	openURL   func(*url.URL) error // opens a folder in the system's file manager
	afterShow func()               // called after each answer of the engine is shown

	// Settings (see State).
	hidden     map[string]bool
	sort       records.Sort
	seconds    bool
	lastFolder string
	lastFormat report.Format

	// The records shown.
	table      *cdrclient.Table
	info       Info
	view       *records.View // used only by the engine once SetData has returned
	columns    []column      // every column of the table, in display order
	rows       []int         // the table rows shown, in order
	filtered   bool          // rows are what a search or quick filter kept
	gen        int           // requests made: answers to older ones are dropped
	needValues bool          // the quick filters still wait for the table's values
	status     string        // last status reported
	saving     bool
	recBusy    bool // a recording is being played or saved

	// Call reports (the engine folds calls once per table and settings).
	names          map[string]string   // extension numbers to names, from SetData
	reportSettings callreport.Settings // how missed calls, call-backs and hours count
	calls          *callreport.Calls   // the calls of the table; nil until the engine folded them
	report         *callreport.Report  // the figures over the calls shown
	pinned         map[int]bool        // rows a report line asked to show; nil for all
	pinnedWhat     string              // what the pinned rows are, for the notice above the grid

	grid   *grid
	tabs   *tabs
	bar    *toolbar
	recBar *recordingBar
	sum    *summaryStrip
	empty  *widget.Label     // over the grid when no row is shown
	body   fyne.CanvasObject // toolbar, grid and summary, once there are records
	root   *fyne.Container   // body, or a hint until then

}

// New builds the view for window w. chooser picks the folder to save in; nil uses
// Fyne's folder dialog.
func New(w fyne.Window, chooser FileChooser) *View {
	if chooser == nil {
		chooser = fyneChooser{}
	}
	v := &View{win: w, chooser: chooser, words: newWords(), lastFormat: offeredFormat(""), reportSettings: callreport.DefaultSettings()}
	v.Background = func(f func()) { go f() }
	v.Documents = userdirs.Documents
	v.Temp = recordings.NewTempFiles("")
	v.openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }
	v.engine = &engine{start: func(f func()) { v.Background(f) }, deliver: v.show, release: debug.FreeOSMemory}
	v.grid = newGrid(v.sortBy)
	v.grid.onSelect = v.updateRecordingBar
	v.recBar = newRecordingBar(v.PlayRecording, v.SaveRecording, v.SaveRecordings)
	v.bar = newToolbar(v.filterChanged, v.chooseColumns, v.setSeconds)
	v.sum = newSummaryStrip()
	v.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.empty.Hide()
	hint := widget.NewLabelWithStyle(i18n.L("Choose extensions and dates, then Get records"), fyne.TextAlignCenter, fyne.TextStyle{})
	hint.Wrapping = fyne.TextWrapWord
	// Centred vertically but given the full width, so that the sentences wrap at it.
	middle := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
	}
	v.tabs = newTabs(v, container.NewStack(v.grid.table, middle(v.empty)))
	v.body = container.NewBorder(container.NewVBox(v.bar.box, v.recBar.box), v.sum.box, nil, nil, v.tabs.box)
	v.root = container.NewStack(middle(hint))
	v.Restore(State{})
	return v
}

// Widget returns the view's content.
func (v *View) Widget() fyne.CanvasObject { return v.root }

// SetData shows the records of t (a closed table). names maps extension numbers to
// names; info says where the records came from. The search and quick filters start
// empty; the sort order and column choices stay.
func (v *View) SetData(t *cdrclient.Table, names map[string]string, info Info) {
	v.table, v.info, v.names = t, info, names
	v.calls, v.report, v.pinned, v.pinnedWhat = nil, nil, nil, ""
	v.tabs.showPinned("")
	v.root.Objects = []fyne.CanvasObject{v.body} // first, so the grid is laid out
	v.root.Refresh()
	v.columns = tableColumns(t, v.words)
	v.grid.rows = nil // they index the old table: the columns' refresh must not draw them from t
	v.grid.cells = cellText{t: t, w: v.words, parties: partyTexts(names), seconds: v.seconds}
	v.showColumns()
	v.bar.reset()
	v.view = records.NewView(t, names)
	v.rows, v.filtered = v.view.Rows(), false // the PBX's order until the engine answers
	v.grid.setRows(v.rows)
	v.sum.clear() // until the engine has summed up
	v.tabs.show(nil, nil, names)
	v.showEmpty()
	v.updateRecordingBar()
	v.notify()
	v.needValues = true
	v.request() // last: its answer may come back at once
}

// Status says what is shown, for the window's status line: "Showing 120 of 3,764
// records · 2026-10-01 00:00:00 – 2026-10-31 23:59:59 · PBX 总部". It is "" before
// SetData.
func (v *View) Status() string {
	if v.table == nil {
		return ""
	}
	return statusText(len(v.rows), v.table.Len(), v.filtered, v.info)
}

// CanSave reports whether there are records to save.
func (v *View) CanSave() bool { return v.table != nil }

// request asks the engine for the rows the controls select, in the chosen order.
func (v *View) request() {
	if v.view == nil {
		return
	}
	v.gen++
	v.engine.submit(request{gen: v.gen, view: v.view, filter: v.bar.filter(), sort: v.sort, values: v.needValues,
		pinned: v.pinned, fold: callreport.Input{Table: v.table, Names: v.names, Settings: v.reportSettings, End: v.info.Query.End}})
}

// show displays an answer of the engine, unless a newer request is on its way.
func (v *View) show(a answer) {
	if a.values { // the quick filters' lists: good for as long as the table is shown
		if a.view == v.view && v.needValues {
			v.bar.setValues(v.words, a.statuses, a.types)
			v.needValues = false
		}
		return
	}
	if a.gen != v.gen {
		return
	}
	v.rows, v.filtered = a.rows, a.filtered
	v.grid.setRows(a.rows)
	v.calls, v.report = a.calls, a.report
	v.sum.show(a.report)
	v.tabs.show(a.calls, a.report, v.names)
	v.showEmpty()
	v.updateRecordingBar()
	v.notify()
	if v.afterShow != nil {
		v.afterShow()
	}
}

// showEmpty says why the grid is empty, if it is.
func (v *View) showEmpty() {
	switch {
	case v.table.Len() == 0:
		v.empty.SetText(i18n.L("No calls in this range"))
	case len(v.rows) == 0:
		v.empty.SetText(i18n.L("No records match the search or filters."))
	default:
		v.empty.Hide()
		return
	}
	v.empty.Show()
}

// notify reports a changed status.
func (v *View) notify() {
	s := v.Status()
	if s == v.status {
		return
	}
	v.status = s
	if v.OnStatus != nil {
		v.OnStatus(s)
	}
}

package gui

import (
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/query"
	"cdrdesk/gui/results"
)

// statusBar is the line at the bottom: what is shown, what the archive holds or is
// doing (offline, an update), and Save….
type statusBar struct {
	text    *widget.Label
	archive *widget.Label
	save    *widget.Button
	update  *widget.Button // in the toolbar: Update archive, or Stop update
}

// build (re)creates the window's content in the current language, keeping the query,
// the view settings and the records shown.
func (w *Window) build() {
	qs, rs := w.savedStates()

	w.query = query.New(w.win, w.opts.Now)
	w.query.Restore(qs)
	w.query.OnSubmit = w.fetch
	w.results = results.New(w.win, w.opts.Chooser)
	if w.opts.Background != nil {
		w.results.Background = w.opts.Background
	}
	if w.opts.Documents != nil {
		w.results.Documents = w.opts.Documents
	}
	w.results.Restore(rs)
	w.wireRecordings()
	w.bar = &statusBar{text: widget.NewLabel(""), save: widget.NewButtonWithIcon(i18n.L("Save…"), theme.DocumentSaveIcon(), w.results.Save)}
	w.bar.text.Truncation = fyne.TextTruncateEllipsis
	w.bar.update = widget.NewButton("", w.updateArchive)
	w.showUpdating()
	w.bar.archive = widget.NewLabel(w.archiveLine)
	w.bar.archive.Truncation = fyne.TextTruncateEllipsis
	if w.archiveLine == "" {
		w.bar.archive.Hide() // before the layout: a hidden line takes no room
	}
	w.results.OnStatus = func(s string) { w.showStatus(s); w.done("status:" + s) }
	w.results.OnSaved = w.saved

	top := container.NewBorder(nil, nil, nil,
		container.NewHBox(
			widget.NewButtonWithIcon(i18n.L("Connection…"), theme.ComputerIcon(), w.showConnection),
			widget.NewButtonWithIcon(i18n.L("Open CSV file…"), theme.FileIcon(), w.openCSV),
			w.bar.update,
			widget.NewButtonWithIcon(i18n.L("Settings…"), theme.SettingsIcon(), w.showSettings),
			widget.NewButtonWithIcon(i18n.L("About"), theme.InfoIcon(), w.showAbout)),
		w.connectionLabel())
	bottom := container.NewBorder(nil, nil, nil, w.bar.save, container.NewVBox(w.bar.text, w.bar.archive))
	split := container.NewHSplit(container.NewVScroll(w.query.Widget()), w.results.Widget())
	split.Offset = 0.3
	w.win.SetContent(container.NewBorder(top, bottom, nil, nil, split))
	w.win.SetTitle(w.title())
	w.addShortcuts()

	if w.table != nil {
		w.results.SetData(w.table, w.names, w.info)
	}
	if c := w.connection(); c != nil {
		w.query.SetExtensions(c.Extensions)
	} else if p, ok := w.opts.Store.Get(w.offline); ok && w.offline != "" {
		w.query.SetExtensions(savedExtensions(p.Extensions))
	}
	w.showStatus(w.results.Status())
}

// setArchiveLine says s in the status line's archive part ("" hides it), and keeps it
// for a rebuild.
func (w *Window) setArchiveLine(s string) {
	changed := s != w.archiveLine
	w.archiveLine = s
	w.bar.archive.SetText(s)
	if shown := s != ""; shown != w.bar.archive.Visible() {
		if shown {
			w.bar.archive.Show()
		} else {
			w.bar.archive.Hide()
		}
		w.win.Content().Refresh() // the line's room, taken from the records or given back
	}
	if changed {
		w.done("archive:" + s)
	}
}

// showUpdating makes the toolbar's button Stop update while an update runs, else
// Update archive.
func (w *Window) showUpdating() {
	if w.updating != nil {
		w.bar.update.SetText(i18n.L("Stop update"))
		w.bar.update.SetIcon(theme.MediaStopIcon())
		return
	}
	w.bar.update.SetText(i18n.L("Update archive"))
	w.bar.update.SetIcon(theme.ViewRefreshIcon())
}

// savedStates returns the query and view settings: from the widgets when rebuilding,
// else from the preferences of the last run.
func (w *Window) savedStates() (query.State, results.State) {
	if w.query != nil {
		return w.query.State(), w.results.State()
	}
	var qs query.State
	var rs results.State
	p := w.app.Preferences()
	_ = json.Unmarshal([]byte(p.String(prefQuery)), &qs)
	_ = json.Unmarshal([]byte(p.String(prefResults)), &rs)
	return qs, rs
}

func (w *Window) showStatus(s string) {
	if n := w.fileNote; s != "" && n.table != nil && n.table == w.table {
		s += " · " + n.text // the records shown are a file's
	}
	if s == "" {
		s = i18n.L("No records yet.")
	}
	w.bar.text.SetText(s)
	w.bar.save.Disable()
	if w.results.CanSave() {
		w.bar.save.Enable()
	}
}

// saved says where a report went; failures were already explained by the view.
func (w *Window) saved(path string, err error) {
	if err == nil {
		w.bar.text.SetText(i18n.L("Saved to {{.Path}}", map[string]any{"Path": path}))
	}
	w.done("save")
}

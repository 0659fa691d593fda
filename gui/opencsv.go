package gui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/results"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/savedcsv"
)

// openCSV asks for a CSV file of call records saved earlier (by the PBX or by
// cdrdesk), reads it in the background and asks whether to add it to the archive or
// just show it.
func (w *Window) openCSV() {
	w.fileOpener().OpenFile(w.win, []string{".csv"}, func(path string) {
		if path == "" {
			return
		}
		w.bar.text.SetText(i18n.L("Reading {{.File}}…", map[string]any{"File": filepath.Base(path)}))
		go func() {
			t, err := savedcsv.Read(path)
			w.opts.OnUI(func() {
				w.showStatus(w.results.Status()) // no longer reading
				if err != nil {
					alert.Show(err, w.win)
					w.done("opencsv:read")
					return
				}
				w.askAddOrShow(t, filepath.Base(path))
				w.done("opencsv:read")
			})
		}()
	})
}

// askAddOrShow offers the two ways to use a file read: keep it in the archive (and
// show it), or only show it.
func (w *Window) askAddOrShow(t *cdrclient.Table, file string) {
	var d dialog.Dialog
	first, last := timeSpan(t)
	about := i18n.L("{{.File}} holds {{.Count}} records.", map[string]any{"File": file, "Count": i18n.Count(t.Len())})
	if !first.IsZero() {
		about = i18n.L("{{.File}} holds {{.Count}} records, from {{.First}} to {{.Last}}.", map[string]any{
			"File": file, "Count": i18n.Count(t.Len()), "First": first.Format(dateLayout), "Last": last.Format(dateLayout)})
	}
	add := widget.NewButtonWithIcon(i18n.L("Add to the archive and show"), theme.DownloadIcon(), func() { d.Hide(); w.addCSV(t, file) })
	add.Importance = widget.HighImportance
	show := widget.NewButton(i18n.L("Just show"), func() {
		d.Hide()
		pbx, _ := savedcsv.PBX(t, w.connectedPBX(), nil) // a name to show; nothing is kept
		w.showFile(t, file, pbx, "")
		w.done("opencsv:shown")
	})
	cancel := widget.NewButton(i18n.L("Cancel"), func() { d.Hide() })
	content := container.NewVBox(wrapped(about),
		wrapped(i18n.L("Adding keeps its records in the archive with those of its PBX (a record held already is not added twice), so they stay browsable history.")),
		container.NewHBox(add, show, cancel))
	d = dialog.NewCustomWithoutButtons(i18n.L("Open CSV file"), content, w.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// addCSV adds a file's records to the archive, with the PBX `cdrdesk import` would
// give them (savedcsv.PBX) and no coverage (a file says nothing of what it lacks), and
// shows them with how many were new.
func (w *Window) addCSV(t *cdrclient.Table, file string) {
	named := w.connectedPBX()
	now := w.opts.Now()
	w.bar.text.SetText(i18n.L("Adding {{.File}} to the archive…", map[string]any{"File": file}))
	go func() {
		pbx, added, err := w.addTable(context.Background(), t, named, now)
		w.opts.OnUI(func() {
			if err != nil {
				w.showStatus(w.results.Status()) // no longer adding
				alert.Show(err, w.win)
				w.done("opencsv:added")
				return
			}
			note := i18n.L("{{.Added}} of {{.Count}} records of {{.File}} added to the archive; {{.Held}} were held already", map[string]any{
				"Added": i18n.Count(added), "Count": i18n.Count(t.Len()), "File": file, "Held": i18n.Count(t.Len() - added)})
			w.showFile(t, file, pbx, note)
			w.done("opencsv:added")
		})
	}()
}

// addTable commits t to the archive in use as the records of the PBX savedcsv.PBX
// decides (named: the connection in use), and returns it with the count added. A table
// without records adds nothing (and has no sn to tell its PBX).
func (w *Window) addTable(ctx context.Context, t *cdrclient.Table, named archive.PBX, at time.Time) (archive.PBX, int, error) {
	s, err := w.archive.get(ctx)
	if err != nil || t.Len() == 0 {
		return named, 0, err
	}
	hs, err := s.Holdings(ctx)
	if err != nil {
		return named, 0, err
	}
	pbx, err := savedcsv.PBX(t, named, hs)
	if err != nil {
		return pbx, 0, err
	}
	added, err := s.Commit(ctx, archive.Batch{PBX: pbx, Table: t, At: at})
	return pbx, added, err
}

// connectedPBX is the PBX of the connection in use, the one a file without an sn
// column is taken to be from; empty when not connected.
func (w *Window) connectedPBX() archive.PBX {
	c := w.connection()
	if c == nil {
		return archive.PBX{}
	}
	key := c.Profile.SN
	if key == "" {
		key = c.Profile.URL
		if a, err := cdrclient.ParseAddress(c.Profile.URL); err == nil {
			key = a
		}
	}
	return archive.PBX{Key: key, Name: c.Profile.Name}
}

// showFile puts a file's records into the results view, so reports, filters and
// Save… work on them; the status line names the file (and note, when not empty).
func (w *Window) showFile(t *cdrclient.Table, file string, pbx archive.PBX, note string) {
	var names map[string]string
	if c := w.connection(); c != nil {
		names = make(map[string]string, len(c.Extensions))
		for _, e := range c.Extensions {
			names[e.Number] = e.Name
		}
	}
	first, last := timeSpan(t)
	local := func(t time.Time) time.Time { // the query's clock, as the query panel gives it
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.Local)
	}
	info := results.Info{Profile: pbx.Name, PBX: file}
	if !first.IsZero() {
		info.Query = cdrclient.Query{Start: local(first), End: local(last)}
	}
	if note == "" {
		note = i18n.L("from the file {{.File}}", map[string]any{"File": file})
	}
	w.table, w.names, w.info = t, names, info
	w.fileNote = fileNote{table: t, text: note}
	w.results.SetData(t, names, info)
	w.showStatus(w.results.Status())
}

// fileNote is what the status line adds while a file's records are shown.
type fileNote struct {
	table *cdrclient.Table // the records it is about; other records shown drop it
	text  string
}

// timeSpan is the earliest and latest timestart of t (zero when it has none readable).
func timeSpan(t *cdrclient.Table) (first, last time.Time) {
	col := t.Column(cdrclient.ColTimeStart)
	for i := range t.Len() {
		ts, ok := cdrclient.ParsePBXTime(t.Field(i, col))
		if !ok {
			continue
		}
		if first.IsZero() || ts.Before(first) {
			first = ts
		}
		if ts.After(last) {
			last = ts
		}
	}
	return first, last
}

package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive"
	archivesync "cdrdesk/internal/archive/sync"
)

// firstSyncMonths are the choices of how far back the first sync of a PBX goes;
// archivesync.FirstSyncSpan (12) is the default.
var firstSyncMonths = []int{1, 3, 6, 12, 24}

// updateRun is a running Update of the archive.
type updateRun struct {
	cancel context.CancelFunc
}

// updateArchive is the toolbar's Update archive: it brings the archive of the
// connected PBX up to date, or stops the update running.
func (w *Window) updateArchive() {
	if w.updating != nil {
		w.updating.cancel()
		return
	}
	w.startUpdate(false)
}

// startUpdate brings the archive of the connected PBX up to date in the background,
// its progress in the status line. The first sync of a PBX asks how far back to go
// first; on connect (auto) it asks only when the window is not busy, and says what
// went wrong in the status line instead of a dialog.
func (w *Window) startUpdate(auto bool) {
	c := w.connection()
	if c == nil {
		if !auto {
			w.showConnection()
		}
		return
	}
	checking := i18n.L("Checking the archive…")
	w.setArchiveLine(checking)
	go func() {
		ctx := context.Background()
		store, err := w.archive.get(ctx)
		held := false
		if err == nil {
			var hs []archive.Holding
			if hs, err = store.Holdings(ctx); err == nil {
				_, held = archivesync.HoldingOf(hs, archivesync.Connection{SN: w.savedSN(c), Address: c.Session.BaseURL(), Name: c.Profile.Name})
			}
		}
		w.opts.OnUI(func() {
			defer w.done("ready:update")
			if w.archiveLine == checking {
				w.setArchiveLine("")
			}
			switch {
			case w.connection() != c || w.updating != nil:
			case err != nil:
				w.updateFailed(err, auto)
			case held:
				w.runUpdate(c, store, 0)
			case auto && w.busy():
				w.setArchiveLine(i18n.L("The archive holds nothing of {{.Name}} yet: choose Update archive to start it.", map[string]any{"Name": c.Profile.Name}))
			default:
				w.askFirstSync(func(months int) { w.runUpdate(c, store, months) })
			}
		})
	}()
}

// busy reports whether the person is in the middle of something: a download, or a
// dialog open.
func (w *Window) busy() bool {
	return w.cancel != nil || w.win.Canvas().Overlays().Top() != nil
}

// askFirstSync asks how far back the first sync of a PBX goes, then runs it.
func (w *Window) askFirstSync(run func(months int)) {
	labels := make([]string, len(firstSyncMonths))
	def := ""
	for i, m := range firstSyncMonths {
		labels[i] = i18n.L("{{.N}} months", map[string]any{"N": m})
		if m == 1 {
			labels[i] = i18n.L("1 month")
		}
		if m == archivesync.FirstSyncSpan {
			def = labels[i]
		}
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(def)
	choice.Required = true
	intro := widget.NewLabel(i18n.L("The archive keeps this PBX's call records on this computer. How far back should it start?"))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(i18n.L("Start the archive"), i18n.L("Update archive"), i18n.L("Not now"),
		[]*widget.FormItem{widget.NewFormItem("", intro), widget.NewFormItem(i18n.L("Go back"), choice)},
		func(ok bool) {
			if !ok {
				return
			}
			for i, l := range labels {
				if l == choice.Selected {
					run(firstSyncMonths[i])
				}
			}
		}, w.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// runUpdate syncs the archive of c's PBX (months back on a first sync; 0: from what it
// holds) with its progress in the status line; Update archive stops it, keeping the
// windows finished.
func (w *Window) runUpdate(c *connect.Result, store archive.Store, months int) {
	ctx, cancel := context.WithCancel(context.Background())
	w.updating = &updateRun{cancel: cancel}
	w.showUpdating()
	w.setArchiveLine(i18n.L("Updating the archive…"))
	feed := &progressFeed[archivesync.Progress]{onUI: w.opts.OnUI, show: func(p archivesync.Progress) {
		if w.updating != nil {
			w.setArchiveLine(updateProgressLine(p))
		}
	}}
	now := w.opts.Now()
	job := archivesync.Job{Store: store, PBX: c.Session, Name: c.Profile.Name, Address: c.Session.BaseURL(),
		SN: w.savedSN(c), Now: now}
	if months > 0 {
		job.Since = now.AddDate(0, -months, 0)
	}
	go func() {
		var res archivesync.Result
		var last archivesync.Progress
		release, err := w.archive.take(ctx, nil) // after a Get records, its own progress shown
		if err == nil {
			job.Progress = func(p archivesync.Progress) { last = p; feed.report(p) }
			res, err = archivesync.Run(ctx, job)
			release()
			w.learnSN(c, res.SN)
		}
		w.opts.OnUI(func() {
			cancel()
			w.updating = nil
			w.showUpdating()
			switch {
			case errors.Is(err, context.Canceled):
				w.setArchiveLine(i18n.L("Archive update stopped: the {{.Done}} of {{.Total}} parts finished are kept; the next update carries on.",
					map[string]any{"Done": last.WindowsDone, "Total": last.WindowsTotal}))
			case w.loginRefused(c, err):
			case err != nil:
				w.updateFailed(err, true)
			default:
				w.setArchiveLine(holdingLine(res.Holding, res.Added))
			}
			w.done("update")
		})
	}()
}

// updateFailed says why the archive was not brought up to date: in the status line
// during work the person did not ask for (auto), else in a dialog.
func (w *Window) updateFailed(err error, quiet bool) {
	if quiet {
		w.setArchiveLine(i18n.L("The archive was not updated: {{.Why}}", map[string]any{"Why": explainLine(err)}))
		return
	}
	alert.Show(err, w.win)
}

func updateProgressLine(p archivesync.Progress) string {
	return i18n.L("Updating the archive: part {{.Done}} of {{.Total}} · {{.Records}} records · {{.New}} new", map[string]any{
		"Done": min(p.WindowsDone+1, p.WindowsTotal), "Total": p.WindowsTotal,
		"Records": i18n.Count(int(p.Records)), "New": i18n.Count(p.Added)})
}

// holdingLine is what an update ends with: what the archive holds of the PBX now.
func holdingLine(h archive.Holding, added int) string {
	if h.Records == 0 {
		return i18n.L("Archive: no records of {{.Name}} yet, {{.New}} new", map[string]any{"Name": h.PBX.Name, "New": i18n.Count(added)})
	}
	return i18n.L("Archive: {{.Records}} records of {{.Name}} from {{.From}} to {{.To}}, {{.New}} new", map[string]any{
		"Records": i18n.Count(h.Records), "Name": h.PBX.Name,
		"From": h.First.UTC().Format(archiveTime), "To": h.Last.UTC().Format(archiveTime), "New": i18n.Count(added)})
}

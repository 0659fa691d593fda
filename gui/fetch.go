package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/results"
	"cdrdesk/internal/explain"
)

// fetch gets q's records in the background, with a progress dialog that can cancel
// it, and shows them in place of what the results view shows. Connected, the records
// come through the archive: what it lacks of q's range is downloaded and kept first
// (keep.go). Offline, they come from the archive alone (offline.go).
func (w *Window) fetch(q cdrclient.Query) {
	c := w.connection()
	if c == nil {
		if w.offline != "" {
			w.fetchOffline(q, w.offline)
			return
		}
		w.showConnection()
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	prog := newProgressDialog(w.win, cancel)
	w.query.SetBusy(true)
	feed := &progressFeed[cdrclient.Progress]{onUI: w.opts.OnUI, show: prog.update}
	go func() {
		got := w.download(ctx, c, q, feed.report, func() {
			w.opts.OnUI(func() {
				prog.text.SetText(i18n.L("Waiting for the archive update to finish…"))
				w.done("waiting")
			})
		})
		w.opts.OnUI(func() {
			cancel()
			w.cancel = nil // not busy any more (see busy)
			prog.hide()
			w.query.SetBusy(false)
			switch err := got.err; {
			case errors.Is(err, context.Canceled):
				w.bar.text.SetText(i18n.L("Cancelled. Nothing was downloaded."))
			case w.loginRefused(c, err):
			case err != nil:
				alert.Show(err, w.win)
			default:
				w.show(got.table, c.Profile.Name, c.Profile.URL, extensionNames(c.Extensions), q)
				if got.other != nil {
					w.noticeOtherPeriod(got.other)
				}
				if got.notKept != nil {
					w.setArchiveLine(notKeptLine(got.notKept))
				}
			}
			w.done("fetch")
		})
		w.done("downloaded") // from this goroutine, once its result is handed back
	}()
}

// show puts records into the results view: of the saved connection name at url, with
// the extensions' names.
func (w *Window) show(t *cdrclient.Table, name, url string, names map[string]string, q cdrclient.Query) {
	w.table, w.names = t, names
	w.info = results.Info{Profile: name, PBX: url, Query: q}
	w.results.SetData(t, names, w.info)
}

func extensionNames(exts []cdrclient.Extension) map[string]string {
	names := make(map[string]string, len(exts))
	for _, e := range exts {
		names[e.Number] = e.Name
	}
	return names
}

// noticeOtherPeriod tells the person that the PBX answered for another period than the
// one asked for, naming both. The records are shown as the PBX sent them; the status
// line and the suggested file name keep the period asked for.
func (w *Window) noticeOtherPeriod(o *cdrclient.OtherPeriod) {
	d := dialog.NewCustom(i18n.L("Records for another period"), i18n.L("Close"),
		wrapped(explain.OtherPeriod(o, i18n.Translate)), w.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// progressDialog shows a download's real figures: windows done of all, records, bytes.
type progressDialog struct {
	d    dialog.Dialog
	bar  *widget.ProgressBar
	text *widget.Label
}

func newProgressDialog(win fyne.Window, cancel func()) *progressDialog {
	p := &progressDialog{bar: widget.NewProgressBar(), text: widget.NewLabel(i18n.L("Asking the PBX for the records…"))}
	stop := widget.NewButton(i18n.L("Cancel"), cancel)
	content := container.NewVBox(p.bar, p.text, container.NewCenter(stop))
	p.d = dialog.NewCustomWithoutButtons(i18n.L("Getting records"), content, win)
	p.d.Resize(fyne.NewSize(460, 0))
	p.d.Show()
	return p
}

func (p *progressDialog) update(pr cdrclient.Progress) {
	if pr.WindowsTotal > 0 {
		p.bar.SetValue(float64(pr.WindowsDone) / float64(pr.WindowsTotal))
	}
	p.text.SetText(i18n.L("Part {{.Done}} of {{.Total}} · {{.Records}} records · {{.Size}}", map[string]any{
		"Done": min(pr.WindowsDone+1, pr.WindowsTotal), "Total": pr.WindowsTotal,
		"Records": i18n.Count(int(pr.Records)), "Size": formatBytes(pr.Bytes)}))
}

func (p *progressDialog) hide() { p.d.Hide() }

// formatBytes writes a size as people read it: "850 KB", "12.3 MB".
func formatBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.0f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

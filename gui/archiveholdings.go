package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive"
)

// dateLayout is how the window writes a day (design §3).
const dateLayout = "2006-01-02"

// refresh reads the archive's holdings in the background and lists them. An archive
// that cannot be read (damaged, foreign, newer, unreachable) is explained; it is never
// emptied or replaced.
func (a *archiveDialog) refresh() {
	w := a.w
	go func() {
		var hs []archive.Holding
		s, err := w.archive.get(context.Background())
		if err == nil {
			hs, err = s.Holdings(context.Background())
		}
		w.opts.OnUI(func() {
			a.showHoldings(hs, err)
			w.done("archivedialog:holdings")
		})
	}()
}

// showHoldings lists what the archive keeps of each PBX, or why it cannot be read.
func (a *archiveDialog) showHoldings(hs []archive.Holding, err error) {
	a.holdings.RemoveAll()
	switch {
	case err != nil:
		m := alert.Explain(err)
		a.holdings.Add(alert.Content(m))
	case len(hs) == 0:
		a.holdings.Add(wrapped(i18n.L("The archive holds no records yet. Records you get from the PBX, or add from a CSV file, are kept here.")))
	}
	for _, h := range hs {
		a.holdings.Add(a.holdingCard(h))
	}
	a.content.Refresh() // the list's new height moves what follows it
}

// holdingCard describes one PBX's holding, with the way to forget it.
func (a *archiveDialog) holdingCard(h archive.Holding) fyne.CanvasObject {
	lines := []fyne.CanvasObject{
		heading(h.PBX.Name),
		widget.NewLabel(i18n.L("Serial number or address: {{.Key}}", map[string]any{"Key": h.PBX.Key})),
	}
	if h.Records > 0 {
		lines = append(lines, widget.NewLabel(i18n.L("{{.Records}} records from {{.First}} to {{.Last}} · {{.Size}}", map[string]any{
			"Records": i18n.Count(h.Records), "First": h.First.Format(dateLayout), "Last": h.Last.Format(dateLayout), "Size": formatBytes(h.Bytes)})))
	}
	lines = append(lines, wrapped(coverageSummary(h)))
	forget := widget.NewButtonWithIcon(i18n.L("Forget this PBX's records…"), theme.DeleteIcon(), func() { a.confirmForget(h) })
	forget.Importance = widget.DangerImportance
	lines = append(lines, container.NewHBox(forget))
	return container.NewVBox(lines...)
}

// coverageSummary says in a line which ranges the archive holds completely and when
// it was last brought up to date.
func coverageSummary(h archive.Holding) string {
	updated := i18n.L("never updated from the PBX")
	if !h.Updated.IsZero() {
		updated = i18n.L("last updated {{.Time}}", map[string]any{"Time": h.Updated.Local().Format("2006-01-02 15:04")})
	}
	c := h.Coverage
	switch len(c) {
	case 0:
		return i18n.L("Complete for no period ({{.Updated}}).", map[string]any{"Updated": updated})
	case 1:
		return i18n.L("Complete from {{.From}} to {{.To}} ({{.Updated}}).", map[string]any{
			"From": c[0].From.Format(dateLayout), "To": c[0].To.Format(dateLayout), "Updated": updated})
	}
	return i18n.L("Complete from {{.From}} to {{.To}} except {{.Gaps}} gaps ({{.Updated}}).", map[string]any{
		"From": c[0].From.Format(dateLayout), "To": c[len(c)-1].To.Format(dateLayout), "Gaps": len(c) - 1, "Updated": updated})
}

// confirmForget asks before deleting every record of a PBX, naming it and the count,
// then deletes them in the background and lists the holdings again.
func (a *archiveDialog) confirmForget(h archive.Holding) {
	w := a.w
	msg := i18n.L("Delete all {{.Count}} records of {{.Name}} from the archive? The PBX itself keeps its own records; this cannot be undone.",
		map[string]any{"Count": i18n.Count(h.Records), "Name": h.PBX.Name})
	d := dialog.NewConfirm(i18n.L("Forget this PBX's records"), msg, func(yes bool) {
		if !yes {
			return
		}
		a.inUse.SetText(i18n.L("Deleting the records of {{.Name}}…", map[string]any{"Name": h.PBX.Name}))
		go func() {
			err := w.forget(context.Background(), h.PBX.Key, func() {
				w.opts.OnUI(func() {
					a.inUse.SetText(i18n.L("Waiting for the archive update to finish…"))
					w.done("archivedialog:waiting")
				})
			})
			w.opts.OnUI(func() {
				a.showInUse()
				if err != nil {
					alert.Show(err, w.win)
				}
				a.refresh()
				w.done("archivedialog:forgot")
			})
		}()
	}, w.win)
	d.SetConfirmText(i18n.L("Delete"))
	d.SetDismissText(i18n.L("Cancel"))
	d.Show()
}

// forget deletes the records of PBX key from the archive in use, once no update or
// Get records runs (waiting, when not nil, is told first if it must wait): one running
// meanwhile would keep that PBX's newest records again.
func (w *Window) forget(ctx context.Context, key string, waiting func()) error {
	s, err := w.archive.get(ctx)
	if err != nil {
		return err
	}
	release, err := w.archive.take(ctx, waiting)
	if err != nil {
		return err
	}
	defer release()
	return s.Forget(ctx, key)
}

// wallDay is the start of t's day in the archive's clock (the PBX's wall clock, kept
// as UTC).
func wallDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

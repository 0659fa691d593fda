package gui

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive"
)

// keepChoices are the retention settings offered, in years; 0 keeps records forever.
var keepChoices = []int{0, 1, 2, 3, 5, 10}

// keepSelect is the "Keep records" choice. A limit takes effect only once the person
// confirmed how many records it deletes; until then the choice shows the setting in
// force.
type keepSelect struct {
	sel      *widget.Select
	years    int  // the setting in force
	silenced bool // set while the choice is put back, so that is not a new choice
}

func (w *Window) newKeepSelect(a *archiveDialog) *keepSelect {
	labels := make([]string, len(keepChoices))
	for i, y := range keepChoices {
		labels[i] = keepLabel(y)
	}
	k := &keepSelect{sel: widget.NewSelect(labels, nil), years: w.app.Preferences().Int(prefKeepYears)}
	k.show(k.years)
	k.sel.OnChanged = func(string) {
		if k.silenced {
			return
		}
		years := keepChoices[max(k.sel.SelectedIndex(), 0)]
		if years == k.years {
			return
		}
		if years == 0 {
			k.years = 0
			w.app.Preferences().SetInt(prefKeepYears, 0)
			w.done("archivedialog:kept")
			return
		}
		w.confirmKeep(a, k, years)
	}
	return k
}

// show selects years without it counting as the person's choice.
func (k *keepSelect) show(years int) {
	k.silenced = true
	defer func() { k.silenced = false }()
	for i, y := range keepChoices {
		if y == years {
			k.sel.SetSelectedIndex(i)
			return
		}
	}
	k.sel.SetSelectedIndex(0)
}

func keepLabel(years int) string {
	switch years {
	case 0:
		return i18n.L("Forever")
	case 1:
		return i18n.L("Delete records older than 1 year")
	}
	return i18n.L("Delete records older than {{.Years}} years", map[string]any{"Years": years})
}

// keepCutoff is the start of the day years ago in the archive's clock: records that
// started before it go.
func keepCutoff(now time.Time, years int) time.Time {
	return wallDay(now).AddDate(-years, 0, 0)
}

// confirmKeep counts, in the background, the records a limit of years would delete now
// and asks; on Yes it deletes them from every PBX and keeps the setting, so that each
// later opening of the archive deletes what has grown too old.
func (w *Window) confirmKeep(a *archiveDialog, k *keepSelect, years int) {
	cutoff := keepCutoff(w.opts.Now(), years)
	a.inUse.SetText(i18n.L("Counting the records older than {{.Keep}}…", map[string]any{"Keep": keepSpan(years)}))
	go func() {
		n, err := w.countBefore(context.Background(), cutoff)
		w.opts.OnUI(func() {
			a.showInUse()
			if err != nil {
				k.show(k.years)
				alert.Show(err, w.win)
				w.done("archivedialog:counted")
				return
			}
			msg := i18n.L("{{.Count}} records started before {{.Date}}: they will be deleted from the archive now, for every PBX. From then on, records older than {{.Keep}} are deleted each time the archive is opened. This cannot be undone.",
				map[string]any{"Count": i18n.Count(n), "Date": cutoff.Format(dateLayout), "Keep": keepSpan(years)})
			d := dialog.NewConfirm(i18n.L("Delete old records?"), msg, func(yes bool) {
				if !yes {
					k.show(k.years)
					w.done("archivedialog:kept")
					return
				}
				a.inUse.SetText(i18n.L("Deleting old records…"))
				go func() {
					deleted, err := w.deleteBefore(context.Background(), cutoff, func() {
						w.opts.OnUI(func() {
							a.inUse.SetText(i18n.L("Waiting for the archive update to finish…"))
							w.done("archivedialog:waiting")
						})
					})
					w.opts.OnUI(func() {
						if err != nil {
							a.showInUse()
							k.show(k.years)
							alert.Show(err, w.win)
						} else {
							k.years = years
							w.app.Preferences().SetInt(prefKeepYears, years)
							a.inUse.SetText(i18n.L("Deleted {{.Count}} records that started before {{.Date}}.",
								map[string]any{"Count": i18n.Count(deleted), "Date": cutoff.Format(dateLayout)}))
						}
						a.refresh()
						w.done("archivedialog:kept")
					})
				}()
			}, w.win)
			d.SetConfirmText(i18n.L("Delete"))
			d.SetDismissText(i18n.L("Cancel"))
			d.Show()
			w.done("archivedialog:counted")
		})
	}()
}

func keepSpan(years int) string {
	if years == 1 {
		return i18n.L("1 year")
	}
	return i18n.L("{{.Years}} years", map[string]any{"Years": years})
}

// countBefore counts the records of every PBX that started before cutoff, by reading
// them as DeleteBefore would choose them (nothing is deleted).
func (w *Window) countBefore(ctx context.Context, cutoff time.Time) (int, error) {
	s, err := w.archive.get(ctx)
	if err != nil {
		return 0, err
	}
	hs, err := s.Holdings(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, h := range hs {
		switch {
		case h.Records == 0 || !h.First.Before(cutoff):
		case h.Last.Before(cutoff):
			total += h.Records
		default:
			n, err := s.WriteCSV(ctx, io.Discard, h.PBX.Key, archive.Range{From: h.First, To: cutoff.Add(-time.Second)}, nil)
			if err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// deleteBefore deletes the records of every PBX that started before cutoff, once no
// update or Get records runs (see forget).
func (w *Window) deleteBefore(ctx context.Context, cutoff time.Time, waiting func()) (int, error) {
	s, err := w.archive.get(ctx)
	if err != nil {
		return 0, err
	}
	release, err := w.archive.take(ctx, waiting)
	if err != nil {
		return 0, err
	}
	defer release()
	return deleteOlder(ctx, s, cutoff)
}

func deleteOlder(ctx context.Context, s archive.Store, cutoff time.Time) (int, error) {
	hs, err := s.Holdings(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, h := range hs {
		n, err := s.DeleteBefore(ctx, h.PBX.Key, cutoff)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// keepOnOpen applies the retention setting to an archive just opened (archiveBox's
// opened hook): the records grown older than the limit since the last opening go. A
// failure leaves them for the next opening; the archive is usable all the same.
func (w *Window) keepOnOpen(ctx context.Context, s archive.Store) {
	years := w.app.Preferences().Int(prefKeepYears)
	if years <= 0 {
		return
	}
	_, _ = deleteOlder(ctx, s, keepCutoff(w.opts.Now(), years))
}

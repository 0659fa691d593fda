package gui

import (
	"context"
	"errors"
	"strings"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive"
	archivesync "cdrdesk/internal/archive/sync"
	"cdrdesk/internal/profile"
)

// archiveTime is how the status line writes the archive's times (design §3: dates
// yyyy-mm-dd, times 24 h), the same in every language.
const archiveTime = "2006-01-02 15:04"

// offlineStart is what the window shows when connecting at start failed: the saved
// connection whose records the archive answers with, and what the status line says.
type offlineStart struct {
	prof profile.Profile
	ok   bool // the saved connection exists
	line string
}

// whatIsOffline reads what the archive holds of the saved connection name, which
// connecting at start failed to reach. Never call it on the UI goroutine.
func (w *Window) whatIsOffline(ctx context.Context, name string) offlineStart {
	p, ok := w.opts.Store.Get(name)
	if !ok {
		return offlineStart{}
	}
	_, h, found, err := w.holdingOffline(ctx, p)
	o := offlineStart{prof: p, ok: true}
	switch {
	case err != nil:
		o.line = i18n.L("Offline · the archive cannot be read: {{.Why}}", map[string]any{"Why": explainLine(err)})
	case !found:
		o.line = nothingHeldLine(p.Name)
	default:
		o.line = offlineLine(h, nil)
	}
	return o
}

// goOffline makes the window answer from the archive for the saved connection of o,
// with the extensions its last connection listed, and says so in the status line.
func (w *Window) goOffline(o offlineStart) {
	if !o.ok {
		return
	}
	w.offline = o.prof.Name
	if len(o.prof.Extensions) > 0 {
		w.query.SetExtensions(savedExtensions(o.prof.Extensions))
	}
	w.setArchiveLine(o.line)
}

// holdingOffline finds what the archive holds of the saved connection p, by the rule a
// sync keys it with (archivesync.HoldingOf, as the command line's --offline does).
func (w *Window) holdingOffline(ctx context.Context, p profile.Profile) (archive.Store, archive.Holding, bool, error) {
	store, err := w.archive.get(ctx)
	if err != nil {
		return nil, archive.Holding{}, false, err
	}
	hs, err := store.Holdings(ctx)
	if err != nil {
		return nil, archive.Holding{}, false, err
	}
	addr, err := cdrclient.ParseAddress(p.URL)
	if err != nil {
		addr = p.URL
	}
	h, found := archivesync.HoldingOf(hs, archivesync.Connection{SN: p.SN, Address: addr, Name: p.Name})
	return store, h, found, nil
}

// fetchOffline answers q from the archive alone, for the saved connection name, and
// says in the status line what the archive covers and what of q it lacks.
func (w *Window) fetchOffline(q cdrclient.Query, name string) {
	p, ok := w.opts.Store.Get(name)
	if !ok { // deleted meanwhile: nothing to read for
		w.offline = ""
		w.showConnection()
		return
	}
	w.query.SetBusy(true)
	r := archive.WallRange(q.Start, q.End)
	now := w.opts.Now()
	go func() {
		ctx := context.Background()
		store, h, found, err := w.holdingOffline(ctx, p)
		table := cdrclient.NewTable()
		if err == nil && found {
			_, err = store.WriteCSV(ctx, table, h.PBX.Key, r, q.Extensions)
			err = errors.Join(err, table.Close())
		}
		w.opts.OnUI(func() {
			w.query.SetBusy(false)
			switch {
			case err != nil:
				alert.Show(err, w.win)
			case !found:
				w.setArchiveLine(nothingHeldLine(p.Name))
			default:
				w.show(table, p.Name, p.URL, savedNames(p.Extensions), q)
				w.setArchiveLine(offlineLine(h, archivesync.Missing(h, r, now)))
			}
			w.done("fetch")
		})
	}()
}

// offlineLine says the window is offline, what the archive covers of the PBX and when
// it was last brought up to date, and the parts of the range asked that it lacks.
func offlineLine(h archive.Holding, missing []archive.Range) string {
	if len(h.Coverage) == 0 {
		return nothingHeldLine(h.PBX.Name)
	}
	s := i18n.L("Offline · from the archive: {{.From}} – {{.To}}, last updated {{.Updated}}", map[string]any{
		"From": h.Coverage[0].From.UTC().Format(archiveTime), "To": h.Coverage[len(h.Coverage)-1].To.UTC().Format(archiveTime),
		"Updated": h.Updated.UTC().Format(archiveTime)})
	if len(missing) > 0 {
		s += " · " + i18n.L("not in the archive: {{.Ranges}}", map[string]any{"Ranges": ranges(missing)})
	}
	return s
}

func nothingHeldLine(name string) string {
	return i18n.L("Offline · the archive holds no records of {{.Name}} yet: connect to the PBX to get them.", map[string]any{"Name": name})
}

// ranges writes ranges for the status line.
func ranges(rs []archive.Range) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.From.UTC().Format(archiveTime) + " – " + r.To.UTC().Format(archiveTime)
	}
	return strings.Join(out, ", ")
}

func savedExtensions(saved []profile.Extension) []cdrclient.Extension {
	exts := make([]cdrclient.Extension, len(saved))
	for i, e := range saved {
		exts[i] = cdrclient.Extension{Number: e.Number, Name: e.Name}
	}
	return exts
}

func savedNames(saved []profile.Extension) map[string]string {
	names := make(map[string]string, len(saved))
	for _, e := range saved {
		names[e.Number] = e.Name
	}
	return names
}

// rememberExtensions keeps the PBX's extensions with the saved connection, so the
// picker works offline. Best effort: the picker then shows the last list kept.
func (w *Window) rememberExtensions(name string, exts []cdrclient.Extension) {
	saved := make([]profile.Extension, len(exts))
	for i, e := range exts {
		saved[i] = profile.Extension{Number: e.Number, Name: e.Name}
	}
	_, _ = w.opts.Store.Update(name, func(p *profile.Profile) { p.Extensions = saved })
}

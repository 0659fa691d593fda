package gui

import (
	"context"
	"errors"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive"
	archivesync "cdrdesk/internal/archive/sync"
	"cdrdesk/internal/profile"
)

// downloaded is what Get records brings back.
type downloaded struct {
	table *cdrclient.Table
	other *cdrclient.OtherPeriod // the PBX answered for another period
	// notKept says why the records were downloaded directly and not kept in the
	// archive; nil when they were kept.
	notKept error
	err     error // nothing to show
}

// download gets q's records from the PBX of c through the archive: a sync limited to
// q's range for every extension (so what comes is coverage), then q read back from the
// archive. It waits for a running Update first: the person sees one progress and two
// commits never fight. An archive that cannot be opened or kept in never costs the
// records: they are then downloaded directly, and notKept says why.
func (w *Window) download(ctx context.Context, c *connect.Result, q cdrclient.Query, progress func(cdrclient.Progress), waiting func()) downloaded {
	store, err := w.archive.get(ctx)
	if err == nil {
		release, terr := w.archive.take(ctx, waiting)
		if terr != nil {
			return downloaded{err: terr}
		}
		got, kerr := w.keepAndRead(ctx, store, c, q, progress)
		release()
		if kerr == nil {
			return got
		}
		err = kerr
	}
	if ctx.Err() != nil {
		return downloaded{err: ctx.Err()}
	}
	table := cdrclient.NewTable()
	sum, ferr := c.Session.Fetch(ctx, q, table, progress)
	if ferr = errors.Join(ferr, table.Close()); ferr != nil {
		return downloaded{err: ferr}
	}
	return downloaded{table: table, other: sum.OtherPeriod, notKept: err}
}

// keepAndRead syncs q's range into store and reads q back. A failure of the PBX (or a
// cancel) is the download's error in got; a failure of the archive is kerr, and the
// records must then come directly.
func (w *Window) keepAndRead(ctx context.Context, store archive.Store, c *connect.Result, q cdrclient.Query, progress func(cdrclient.Progress)) (got downloaded, kerr error) {
	r := archive.WallRange(q.Start, q.End)
	pbx := &watchedFetcher{Fetcher: c.Session}
	res, err := archivesync.Run(ctx, archivesync.Job{Store: store, PBX: pbx, Name: c.Profile.Name,
		Address: c.Session.BaseURL(), SN: w.savedSN(c), Now: w.opts.Now(), Within: &r,
		Progress: func(p archivesync.Progress) {
			progress(cdrclient.Progress{WindowsDone: p.WindowsDone, WindowsTotal: p.WindowsTotal, Records: p.Records, Bytes: p.Bytes, From: p.From, To: p.To})
		}})
	w.learnSN(c, res.SN)
	switch {
	case err == nil:
	case ctx.Err() != nil, pbx.failed(err):
		got.err = err
		return got, nil
	default:
		return got, err
	}
	read := r
	if o := res.OtherPeriod; o != nil {
		// The rows of the other period are kept (not as coverage): show them all, as
		// the PBX sent them, with the notice naming both periods.
		// The sync asks up to now at most: the rest of the range has no records yet, so
		// the PBX's answer is told against the whole range asked.
		if o.Answered.From.Before(read.From) {
			read.From = o.Answered.From
		}
		if o.Answered.To.After(read.To) {
			read.To = o.Answered.To
		}
		got.other = &cdrclient.OtherPeriod{Asked: cdrclient.Period{From: r.From, To: r.To}, Answered: cdrclient.Period{From: read.From, To: read.To}}
	}
	table := cdrclient.NewTable()
	_, err = store.WriteCSV(ctx, table, res.Holding.PBX.Key, read, q.Extensions)
	if err = errors.Join(err, table.Close()); err != nil {
		if ctx.Err() != nil {
			got.err = ctx.Err()
			return got, nil
		}
		return got, err
	}
	got.table = table
	return got, nil
}

// watchedFetcher is the PBX as a sync sees it, noting the errors the PBX gave, to tell
// them from the archive's.
type watchedFetcher struct {
	archivesync.Fetcher
	errs []error
}

func (f *watchedFetcher) Fetch(ctx context.Context, q cdrclient.Query, out io.Writer, progress func(cdrclient.Progress)) (cdrclient.Summary, error) {
	sum, err := f.Fetcher.Fetch(ctx, q, out, progress)
	if err != nil {
		f.errs = append(f.errs, err)
	}
	return sum, err
}

// failed reports whether err is one the PBX gave.
func (f *watchedFetcher) failed(err error) bool {
	for _, e := range f.errs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// learnSN keeps the serial number a download or sync learned with the saved
// connection, as the command line does, so the next sync finds the PBX's records.
// Best effort: without it, the next sync finds them by the connection's name.
func (w *Window) learnSN(c *connect.Result, sn string) {
	if sn != "" {
		_, _ = w.opts.Store.Update(c.Profile.Name, func(p *profile.Profile) { p.SN = sn })
	}
}

// savedSN is the PBX's serial number as the saved connection knows it now (a sync may
// have learned it since the connection was made).
func (w *Window) savedSN(c *connect.Result) string {
	if p, ok := w.opts.Store.Get(c.Profile.Name); ok && p.SN != "" {
		return p.SN
	}
	return c.Profile.SN
}

// notKeptLine says that the records shown were not kept in the archive, why, and what
// to do.
func notKeptLine(err error) string {
	return i18n.L("Not kept in the archive: {{.Why}}", map[string]any{"Why": explainLine(err)})
}

// explainLine is err explained in one line of the status bar: what happened and what
// to do.
func explainLine(err error) string {
	m := alert.Explain(err)
	if m.Action == "" {
		return m.What
	}
	return m.What + " " + m.Action
}

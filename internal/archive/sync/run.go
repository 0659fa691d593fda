package archivesync

import (
	"context"
	"errors"
	"sync"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// fetched is one window downloaded, waiting for its commit.
type fetched struct {
	win   archive.Range
	spans *cdrclient.RowSpans
	rows  *block.Rows // read from spans before the commit
	// other is set when the PBX answered for another period: the rows are kept, but
	// not as coverage of the window asked for.
	other *cdrclient.OtherPeriod
}

// Run brings the archive's copy of the job's PBX up to date (see the package doc).
// On an error or a cancel, the windows committed stay and the next Run carries on.
func Run(ctx context.Context, job Job) (Result, error) {
	if job.Window <= 0 {
		job.Window = cdrclient.DefaultWindow
	}
	now := archive.Wall(job.Now)
	holdings, err := job.Store.Holdings(ctx)
	if err != nil {
		return Result{}, err
	}
	k := newKeeper(job, holdings, now)
	held, _ := holdingOf(holdings, k.pbx.Key)
	want := wanted(startOf(job, held, now), now, held)
	if job.Within != nil {
		want, k.at = within(archive.Range{From: archive.Wall(job.Within.From), To: archive.Wall(job.Within.To)}, now, held)
	}
	wins := windows(want, job.Window)
	run := &progressRun{report: job.Progress}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make(chan fetched)  // one window downloads while the one before commits
	free := make(chan []byte, 1) // and then into the bytes of the one committed
	fetchErr := make(chan error, 1)
	go func() {
		defer close(ready)
		fetchErr <- fetchAll(ctx, job.PBX, wins, ready, free, run)
	}()
	for f := range ready {
		rows := block.FromSpans(f.spans)
		f.rows = &rows
		n, err := k.keep(ctx, f)
		if err != nil {
			cancel()
			for range ready { // let the download end
			}
			<-fetchErr
			return Result{SN: k.learned, Added: k.added, OtherPeriod: k.other}, err
		}
		select { // the commit is over: nothing reads its rows any more
		case free <- f.spans.Bytes():
		default:
		}
		run.committed(n)
	}
	if err := <-fetchErr; err != nil {
		return Result{SN: k.learned, Added: k.added, OtherPeriod: k.other}, err
	}
	if err := k.finish(ctx); err != nil {
		return Result{SN: k.learned, Added: k.added, OtherPeriod: k.other}, err
	}
	res := Result{SN: k.learned, Added: k.added, OtherPeriod: k.other}
	if holdings, err = job.Store.Holdings(ctx); err != nil {
		return res, err
	}
	res.Holding, _ = holdingOf(holdings, k.pbx.Key)
	return res, nil
}

// fetchAll downloads the windows in order into ready, taking wins together as they
// grow (see growth). Each is read into a cdrclient.RowSpans of its own, in the bytes
// of a window committed when free has some: a Table would index every field for
// nothing, and fresh memory for 20 MB costs more to clear and map than to fill.
func fetchAll(ctx context.Context, pbx Fetcher, wins []archive.Range, ready chan<- fetched, free <-chan []byte, run *progressRun) error {
	g := newGrowth(wins)
	perUnit := 0 // the most bytes a unit of the windows so far brought
	for handed := 0; !g.done(); handed++ {
		win, units := g.next()
		var room []byte
		select {
		case room = <-free:
		default:
		}
		if want := perUnit * units * 9 / 8; cap(room) < want {
			room = make([]byte, 0, want)
		}
		spans := cdrclient.NewRowSpans(block.SpanColumns, room)
		base := run.downloading(win, handed+g.count())
		q := cdrclient.Query{Start: win.From, End: win.To, Window: -1}
		sum, err := pbx.Fetch(ctx, q, spans, func(p cdrclient.Progress) { run.downloaded(base, p) })
		err = errors.Join(err, spans.Close())
		if err != nil {
			return err
		}
		g.advance(units, sum)
		perUnit = max(perUnit, len(spans.Bytes())/units)
		run.downloaded(base, cdrclient.Progress{Records: int64(spans.Len()), Bytes: int64(len(spans.Bytes()))})
		select {
		case ready <- fetched{win: win, spans: spans, other: sum.OtherPeriod}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// startOf is where the wanted history starts: on a first sync Job.Since, else
// FirstSyncSpan months back; on a later one the start of what is covered, or Job.Since
// when earlier.
func startOf(job Job, held archive.Holding, now time.Time) time.Time {
	since := archive.Wall(job.Since)
	switch {
	case len(held.Coverage) > 0 && (job.Since.IsZero() || held.Coverage[0].From.Before(since)):
		return held.Coverage[0].From
	case !job.Since.IsZero():
		return since
	}
	return now.AddDate(0, -FirstSyncSpan, 0)
}

// knownKey is the PBX's key before anything is downloaded: Job.SN, else the key of
// the one holding named like the connection (other than its address), else the
// address.
func knownKey(job Job, holdings []archive.Holding) string {
	if job.SN != "" {
		return job.SN
	}
	key := ""
	for _, h := range holdings {
		if h.PBX.Name == job.Name && h.PBX.Key != job.Address {
			if key != "" {
				return job.Address // two PBXs of that name: nothing to go by
			}
			key = h.PBX.Key
		}
	}
	if key == "" {
		return job.Address
	}
	return key
}

func holdingOf(holdings []archive.Holding, key string) (archive.Holding, bool) {
	for _, h := range holdings {
		if h.PBX.Key == key {
			return h, true
		}
	}
	return archive.Holding{}, false
}

// progressRun adds up the windows' progress; the download and the commits report
// from two goroutines.
type progressRun struct {
	mu     sync.Mutex
	report func(Progress)
	p      Progress
	// base is what the windows downloaded before the current one brought.
	baseRecords, baseBytes int64
}

// downloading starts a window, of total windows now foreseen, and returns the totals
// before it.
func (r *progressRun) downloading(win archive.Range, total int) [2]int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.p.WindowsTotal = total
	r.baseRecords, r.baseBytes = r.p.Records, r.p.Bytes
	r.p.From, r.p.To = win.From, win.To
	r.send()
	return [2]int64{r.baseRecords, r.baseBytes}
}

func (r *progressRun) downloaded(base [2]int64, p cdrclient.Progress) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.p.Records, r.p.Bytes = base[0]+p.Records, base[1]+p.Bytes
	r.send()
}

func (r *progressRun) committed(added int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.p.WindowsDone++
	r.p.Added += added
	r.send()
}

func (r *progressRun) send() {
	if r.report != nil {
		r.report(r.p)
	}
}

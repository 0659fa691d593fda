package archivesync

import (
	"context"
	"errors"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

func TestFirstSyncEqualsThePBX(t *testing.T) {
	// A year is 53 weekly windows; growing, 1, 2, 4 then 8 weeks at a time, it is 9.
	for _, tc := range []struct {
		name    string
		opts    func(*pbxsim.Options)
		windows int
	}{
		// 53 weeks: 1, 2, 4, then 8 five times, then half of what is left: 3, 2, 1.
		{"default: windows grow", nil, 11},
		{"gbk, lf, bom", func(o *pbxsim.Options) { o.GBK, o.LF, o.BOM = true, true, true }, 11},
		{"504 over 2 days: windows halved, and stay weekly", func(o *pbxsim.Options) { o.TimeoutOverDays = 2 }, 53},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newOffice(t, func(o *pbxsim.Options) {
				o.CallsPerDay = 40 // a quiet office: a year of windows, quickly
				if tc.opts != nil {
					tc.opts(o)
				}
			})
			var last Progress
			j := f.job()
			j.Progress = func(p Progress) { last = p }
			res := f.sync(j)
			now := f.clock.Now()
			from := now.AddDate(0, -FirstSyncSpan, 0)
			f.sameAsPBX(pbxsim.DefaultSerialNumber, from, now)
			h := res.Holding
			want := []archive.Range{{From: archive.Wall(from), To: archive.Wall(now)}}
			switch {
			case res.SN != pbxsim.DefaultSerialNumber || h.PBX.Key != res.SN || h.PBX.Name != "总部":
				t.Errorf("learned sn %q, holding %+v", res.SN, h.PBX)
			case !slices.Equal(h.Coverage, want):
				t.Errorf("coverage %v, want %v", h.Coverage, want)
			case int64(h.Records) != f.rows(from, now) || res.Added != h.Records:
				t.Errorf("%d records held, %d added; the PBX has %d", h.Records, res.Added, f.rows(from, now))
			case last.WindowsDone != last.WindowsTotal || last.WindowsTotal != tc.windows || last.Records != int64(h.Records) || last.Added != h.Records:
				t.Errorf("last progress %+v", last)
			}
		})
	}
}

// TestIncrementalSync: a later sync asks only for what came since the last, and the 2
// hours before it (calls then in progress), and so ends equal to the PBX.
func TestIncrementalSync(t *testing.T) {
	for _, tc := range []struct {
		name  string
		after time.Duration
	}{
		{"an hour later: the last 2 hours", time.Hour},
		{"3 days later: since the last sync", 72 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newOffice(t, nil)
			since := start.AddDate(0, 0, -10)
			j := f.job()
			j.Since = since
			first := f.sync(j)
			before := f.clock.Now()
			f.clock.Advance(tc.after)
			now := f.clock.Now()
			// The calls in progress at the first sync started in its last 2 hours.
			asked := before.Add(-Reread + time.Second)
			f.sim.ResetStats()
			j = f.job()
			j.SN = first.SN
			res := f.sync(j)
			st := f.sim.Stats()
			if want := f.rows(asked, now); st.RowsServed != want {
				t.Errorf("the PBX served %d rows, want %d (those of %s…%s)", st.RowsServed, want, asked.Format(time.DateTime), now.Format(time.DateTime))
			}
			f.sameAsPBX(first.SN, since, now)
			if got := res.Holding.Coverage; len(got) != 1 || !got[0].To.Equal(archive.Wall(now)) {
				t.Errorf("coverage %v", got)
			}
			if res.Added == 0 || res.SN != "" {
				t.Errorf("added %d, learned sn %q", res.Added, res.SN)
			}
		})
	}
}

// TestCancelThenSyncAgain: a cancelled sync keeps the windows it finished; the next
// asks only for the rest and ends equal to the PBX.
func TestCancelThenSyncAgain(t *testing.T) {
	f := newOffice(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	j := f.job()
	j.Since = start.AddDate(0, 0, -30)
	j.Progress = func(p Progress) {
		if p.WindowsDone == 2 {
			cancel()
		}
	}
	_, err := Run(ctx, j)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want cancelled", err)
	}
	hs, _ := f.store.Holdings(context.Background())
	// The first window is a week, the second two.
	done := archive.Range{From: archive.Wall(j.Since), To: archive.Wall(j.Since).Add(3*7*24*time.Hour - time.Second)}
	if len(hs) != 1 || !slices.Equal(hs[0].Coverage, []archive.Range{done}) {
		t.Fatalf("after the cancel: %+v, want 2 windows (3 weeks) covered %v", hs, done)
	}
	asked := &askedRanges{Fetcher: f.sess}
	j.Progress, j.PBX = nil, asked
	res := f.sync(j)
	now := f.clock.Now()
	// The PBX's own counts would include the rest of the downloads cut by the cancel.
	want := []archive.Range{{From: done.To.Add(time.Second), To: archive.Wall(now)}}
	if !slices.Equal(asked.merged(), want) {
		t.Errorf("asked for %v after the cancel, want %v (not the windows kept)", asked.merged(), want)
	}
	f.sameAsPBX(res.Holding.PBX.Key, j.Since, now)
}

// TestTwoSyncsAtOnce: two syncs (each with its own connection to the file, as two
// processes) of one PBX at once keep every row once and neither fails.
func TestTwoSyncsAtOnce(t *testing.T) {
	f := newOffice(t, nil)
	other := f.open()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, s := range []archive.Store{f.store, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j := f.job()
			j.Store, j.Since = s, start.AddDate(0, 0, -20)
			_, errs[i] = Run(context.Background(), j)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	f.sameAsPBX(pbxsim.DefaultSerialNumber, start.AddDate(0, 0, -20), f.clock.Now())
}

// askedRanges is a PBX that notes the ranges asked for.
type askedRanges struct {
	Fetcher
	ranges []archive.Range
}

func (a *askedRanges) Fetch(ctx context.Context, q cdrclient.Query, w io.Writer, progress func(cdrclient.Progress)) (cdrclient.Summary, error) {
	a.ranges = append(a.ranges, archive.Range{From: archive.Wall(q.Start), To: archive.Wall(q.End)})
	return a.Fetcher.Fetch(ctx, q, w, progress)
}

// merged is the ranges asked for, those that touch merged.
func (a *askedRanges) merged() []archive.Range {
	var out []archive.Range
	for _, r := range a.ranges {
		out = union(out, r)
	}
	return out
}

// TestSerialNumberLearned: a first sync by address alone whose first windows are empty
// holds them back and keeps them under the serial number the first rows tell, in one
// range; an earlier holding under the address without records (a sync that found
// nothing) is forgotten, its start kept.
func TestSerialNumberLearned(t *testing.T) {
	f := newOffice(t, func(o *pbxsim.Options) { o.CallsPerDay = 5 })
	midnight := time.Date(2026, 5, 20, 0, 0, 0, 0, start.Location())
	if n := f.rows(midnight, midnight.Add(2*time.Hour)); n != 0 {
		t.Fatalf("the night has %d records: the first windows must be empty for this test", n)
	}
	night := archive.Range{From: archive.Wall(midnight.AddDate(0, 0, -1)), To: archive.Wall(midnight.AddDate(0, 0, -1).Add(time.Hour))}
	if _, err := f.store.Commit(context.Background(), archive.Batch{PBX: archive.PBX{Key: f.url, Name: "总部"}, Rows: &block.Rows{}, Covers: &night, At: night.To}); err != nil {
		t.Fatal(err)
	}
	j := f.job()
	j.Since, j.Window = midnight, time.Hour
	res := f.sync(j)
	hs, err := f.store.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The history starts where the address's did.
	want := []archive.Range{{From: night.From, To: archive.Wall(start)}}
	if res.SN != pbxsim.DefaultSerialNumber || len(hs) != 1 || hs[0].PBX.Key != res.SN || !slices.Equal(hs[0].Coverage, want) {
		t.Fatalf("learned %q; holdings %+v; want one under the sn covering %v", res.SN, hs, want)
	}
	f.sameAsPBX(res.SN, midnight.AddDate(0, 0, -1), start)
}

// TestSyncWithin: a sync limited to a range asks the PBX for the gaps inside it only,
// and a second one of the same range asks nothing; the archive then answers the range
// as the PBX does.
func TestSyncWithin(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, start.Location()) }
	for _, tc := range []struct {
		name   string
		before *archive.Range // synced first, within this
		r      archive.Range
		want   []archive.Range // asked for, in wall clock
	}{
		{"nothing held: the range", nil, archive.Range{From: day(1), To: day(8).Add(-time.Second)},
			[]archive.Range{{From: archive.Wall(day(1)), To: archive.Wall(day(8).Add(-time.Second))}}},
		{"the middle held: the two ends", &archive.Range{From: day(3), To: day(5).Add(-time.Second)}, archive.Range{From: day(1), To: day(8).Add(-time.Second)},
			[]archive.Range{{From: archive.Wall(day(1)), To: archive.Wall(day(3).Add(-time.Second))}, {From: archive.Wall(day(5)), To: archive.Wall(day(8).Add(-time.Second))}}},
		{"reaching now: up to now", nil, archive.Range{From: day(19), To: day(21).Add(-time.Second)},
			[]archive.Range{{From: archive.Wall(day(19)), To: archive.Wall(start)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newOffice(t, nil)
			if tc.before != nil {
				j := f.job()
				j.Within = tc.before
				f.sync(j)
			}
			asked := &askedRanges{Fetcher: f.sess}
			j := f.job()
			j.Within, j.PBX, j.SN = &tc.r, asked, pbxsim.DefaultSerialNumber
			res := f.sync(j)
			if !slices.Equal(asked.merged(), tc.want) {
				t.Errorf("asked for %v, want %v", asked.merged(), tc.want)
			}
			to := tc.r.To
			if to.After(start) {
				to = start
			}
			f.sameAsPBX(res.Holding.PBX.Key, tc.r.From, to)
			again := &askedRanges{Fetcher: f.sess}
			j.PBX = again
			if f.sync(j); to.Before(start.Add(-Reread)) && len(again.ranges) != 0 {
				t.Errorf("the range held, a second sync asked for %v", again.ranges)
			}
		})
	}
}

// TestAnotherPeriodIsNotCoverage: a PBX that answers for another period than asked has
// its rows kept, but the archive does not claim the window asked for as held, and the
// result says so.
func TestAnotherPeriodIsNotCoverage(t *testing.T) {
	f := newOffice(t, func(o *pbxsim.Options) { o.EchoEarlierStart = 24 * time.Hour })
	r := archive.Range{From: start.AddDate(0, 0, -10), To: start.AddDate(0, 0, -3)}
	j := f.job()
	j.Within, j.SN = &r, pbxsim.DefaultSerialNumber
	res := f.sync(j)
	if res.OtherPeriod == nil {
		t.Fatal("no other period reported")
	}
	if h := res.Holding; len(h.Coverage) != 0 || h.Records == 0 {
		t.Errorf("holding %d records, coverage %v; want the rows kept and no coverage", h.Records, h.Coverage)
	}
}

// TestWindowsGrow: a sync's windows grow as cdrclient's do, a week, two, four, then
// eight at most (what a kill can lose), never across a range the archive covers
// already; after a window the PBX needed halving, they shrink back.
func TestWindowsGrow(t *testing.T) {
	const week = 7 * 24 * time.Hour
	for _, tc := range []struct {
		name  string
		opts  func(*pbxsim.Options)
		weeks []int // the windows asked for before the covered range, in weeks
	}{
		{"quick and small: up to 8 weeks", nil, []int{1, 2, 4, 8, 8, 2}},
		{"504 over 2 days: a week each", func(o *pbxsim.Options) { o.TimeoutOverDays = 2 }, slices.Repeat([]int{1}, 25)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newOffice(t, func(o *pbxsim.Options) {
				o.CallsPerDay = 40
				if tc.opts != nil {
					tc.opts(o)
				}
			})
			since := archive.Wall(start.AddDate(0, 0, -40*7))
			// Weeks 25 to 30 are held already (as by an export).
			held := archive.Range{From: since.Add(25 * week), To: since.Add(30*week - time.Second)}
			if _, err := f.store.Commit(context.Background(), archive.Batch{PBX: archive.PBX{Key: pbxsim.DefaultSerialNumber, Name: "总部"},
				Rows: &block.Rows{}, Covers: &held, At: archive.Wall(f.clock.Now())}); err != nil {
				t.Fatal(err)
			}
			asked := &askedRanges{Fetcher: f.sess}
			j := f.job()
			j.Since, j.PBX, j.SN = since, asked, pbxsim.DefaultSerialNumber
			f.sync(j)
			var before []int
			for _, r := range asked.ranges {
				if r.From.Before(held.To) && !r.To.Before(held.From) {
					t.Fatalf("asked for %v, which crosses the range held %v", r, held)
				}
				if length := r.To.Sub(r.From) + time.Second; length > maxGrowth*week {
					t.Errorf("asked for %v: longer than %d weeks", r, maxGrowth)
				}
				if r.To.Before(held.From) {
					before = append(before, int((r.To.Sub(r.From)+time.Second)/week))
				}
			}
			if !slices.Equal(before, tc.weeks) {
				t.Errorf("windows before the range held: %v weeks, want %v", before, tc.weeks)
			}
			// The range held was recorded without its rows: the rest is the PBX's.
			f.sameAsPBX(pbxsim.DefaultSerialNumber, since, held.From.Add(-time.Second))
			f.sameAsPBX(pbxsim.DefaultSerialNumber, held.To.Add(time.Second), f.clock.Now())
		})
	}
}

package archivesync

import (
	"testing"
	"time"

	"cdrdesk/internal/archive"
)

// TestCoverable: a download outside a sync records only settled time, and never makes
// the unsettled end of a sync look settled: after its coverage, the next sync still
// reads that end again.
func TestCoverable(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 5, d, h, m, 0, 0, time.UTC) }
	r := func(from, to time.Time) archive.Range { return archive.Range{From: from, To: to} }
	now := at(20, 10, 0)
	synced := archive.Holding{Coverage: []archive.Range{r(at(1, 0, 0), at(20, 6, 0))}, Updated: at(20, 6, 0)} // unsettled after 04:00
	settled := archive.Holding{Coverage: []archive.Range{r(at(1, 0, 0), at(10, 0, 0))}, Updated: at(20, 6, 0)}
	for _, tc := range []struct {
		name   string
		held   archive.Holding
		asked  archive.Range
		want   archive.Range
		wantAt time.Time
		ok     bool
	}{
		{"nothing held", archive.Holding{}, r(at(5, 0, 0), at(10, 0, 0)), r(at(5, 0, 0), at(10, 0, 0)), now, true},
		{"up to 2 hours ago only", archive.Holding{}, r(at(20, 0, 0), at(20, 23, 59)), r(at(20, 0, 0), at(20, 8, 0)), now, true},
		{"all within the last 2 hours", archive.Holding{}, r(at(20, 9, 0), at(20, 9, 30)), r(at(20, 9, 0), at(20, 8, 0)), now, false},
		{"settled holding", settled, r(at(12, 0, 0), at(13, 0, 0)), r(at(12, 0, 0), at(13, 0, 0)), now, true},
		{"before a sync's unsettled end: its time kept", synced, r(at(10, 0, 0), at(11, 0, 0)), r(at(10, 0, 0), at(11, 0, 0)), at(20, 6, 0), true},
		{"all of a sync's unsettled end read again", synced, r(at(20, 3, 0), at(20, 7, 0)), r(at(20, 3, 0), at(20, 7, 0)), now, true},
		{"part of a sync's unsettled end", synced, r(at(20, 5, 0), at(20, 7, 0)), r(at(20, 5, 0), at(20, 7, 0)), now, false},
		{"ending inside a sync's unsettled end", synced, r(at(20, 0, 0), at(20, 5, 0)), r(at(20, 0, 0), at(20, 5, 0)), now, false},
		{"touching it", synced, r(at(19, 0, 0), at(20, 4, 0).Add(-time.Second)), r(at(19, 0, 0), at(20, 4, 0).Add(-time.Second)), now, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, gotAt, ok := coverable(tc.asked, now, tc.held)
			if got != tc.want || ok != tc.ok || (ok && !gotAt.Equal(tc.wantAt)) {
				t.Fatalf("coverable = %v, %v, %v; want %v, %v, %v", got, gotAt, ok, tc.want, tc.wantAt, tc.ok)
			}
			if !ok || len(tc.held.Coverage) == 0 {
				return
			}
			// The next sync, a day later, still asks for what the download did not read
			// of the sync's unsettled end.
			after := tc.held
			after.Coverage = union(tc.held.Coverage, got)
			after.Updated = maxTime(tc.held.Updated, gotAt)
			wants := wanted(at(1, 0, 0), now.AddDate(0, 0, 1), after)
			last := tc.held.Coverage[len(tc.held.Coverage)-1]
			if !last.To.After(tc.held.Updated.Add(-Reread)) {
				return
			}
			for s := last.To.Add(-Reread + time.Second); !s.After(last.To); s = s.Add(time.Minute) {
				if inRange(got, s) {
					continue
				}
				if !inAny(wants, s) {
					t.Errorf("%v of the sync's unsettled end is not read again: wanted %v", s, wants)
				}
			}
		})
	}
}

func inRange(r archive.Range, t time.Time) bool { return !t.Before(r.From) && !t.After(r.To) }

func inAny(rs []archive.Range, t time.Time) bool {
	for _, r := range rs {
		if inRange(r, t) {
			return true
		}
	}
	return false
}

package pbxsim

import (
	"bytes"
	"testing"
	"time"
)

// TestLiveHistoryEndsAtNow: with Live, a download shows the calls ended by the clock's
// time (not those in progress), more as the clock moves on, and the past exactly as
// without Live.
func TestLiveHistoryEndsAtNow(t *testing.T) {
	loc := DefaultLocation()
	clock := NewClock(time.Date(2026, 5, 20, 10, 0, 0, 0, loc))
	o := DefaultOptions()
	o.Now, o.Live = clock.Now, true
	live := New(o)
	o.Live = false
	whole := New(o)
	day := time.Date(2026, 5, 20, 0, 0, 0, 0, loc)
	rows := func(s *Server, from, to time.Time) (int, []byte) {
		var b bytes.Buffer
		if err := s.WriteCSV(&b, nil, from, to); err != nil {
			t.Fatal(err)
		}
		return bytes.Count(b.Bytes(), []byte("\r\n")) - 1, b.Bytes()
	}
	_, yesterdayLive := rows(live, day.AddDate(0, 0, -1), day.Add(-time.Second))
	_, yesterday := rows(whole, day.AddDate(0, 0, -1), day.Add(-time.Second))
	if !bytes.Equal(yesterdayLive, yesterday) {
		t.Error("the past differs with Live")
	}
	endOfDay := day.Add(24*time.Hour - time.Second)
	all, _ := rows(whole, day, endOfDay)
	before, _ := rows(live, day, endOfDay)
	started, _ := rows(whole, day, clock.Now())
	clock.Advance(time.Hour)
	later, _ := rows(live, day, endOfDay)
	clock.Set(day.Add(25 * time.Hour))
	after, _ := rows(live, day, endOfDay)
	switch {
	case before == 0 || before >= started:
		// Fewer than started: the calls in progress at 10:00 are not written yet.
		t.Errorf("at 10:00 %d rows served of %d started (%d in the day)", before, started, all)
	case later <= before:
		t.Errorf("an hour later %d rows, before %d", later, before)
	case after != all:
		t.Errorf("the next day %d rows of the day's %d", after, all)
	}
}

package gui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// TestProgressHandBacksDoNotPileUp: a download of a year reports progress dozens of
// times (every window, every 256 KB). While the window is too busy to take them, they
// must not pile up on its queue, each to redraw the dialog after the download ended:
// at most one progress update waits, besides the result, and it shows the latest
// figures.
func TestProgressHandBacksDoNotPileUp(t *testing.T) {
	for _, tc := range []struct {
		name       string
		start, end time.Time
	}{
		{"a week", time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), time.Date(2026, 10, 7, 23, 59, 59, 0, time.Local)},
		{"a year", time.Date(2025, 11, 1, 0, 0, 0, 0, time.Local), time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			var mu sync.Mutex
			var queued []func() // what the busy UI goroutine has still to do
			f.w.opts.OnUI = func(update func()) {
				mu.Lock()
				defer mu.Unlock()
				queued = append(queued, update)
			}
			q := cdrclient.Query{Start: tc.start, End: tc.end}
			f.act(func() { f.w.fetch(q) })
			f.wait("downloaded")

			mu.Lock()
			waiting := queued
			mu.Unlock()
			if len(waiting) > 2 {
				t.Fatalf("%d hand-backs wait for the UI after the download; want the latest progress and the result", len(waiting))
			}
			want := cdrclient.NewTable()
			want.Write(served(t, f.sim, q))
			want.Close()
			f.act(waiting[0]) // the progress update
			if got := strings.Join(texts(f.w.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(got, i18n.Count(want.Len())+" records") {
				t.Errorf("the progress dialog shows %q, not the last figures (%d records)", got, want.Len())
			}
			for _, update := range waiting[1:] {
				f.act(update)
			}
			f.wait("fetch")
			f.wait("status:Showing all " + i18n.Count(want.Len()) + " records")
		})
	}
}

package archivesync

import (
	"slices"
	"testing"
	"time"

	"cdrdesk/internal/archive"
)

func TestWanted(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }
	r := func(from, to time.Time) archive.Range { return archive.Range{From: from, To: to.Add(-time.Second)} }
	now := at(20, 10)
	for _, tc := range []struct {
		name string
		from time.Time
		held archive.Holding
		want []archive.Range
	}{
		{"first sync: everything", at(1, 0), archive.Holding{}, []archive.Range{r(at(1, 0), now.Add(time.Second))}},
		{"covered to now a day ago: since its last 2 hours", at(1, 0),
			archive.Holding{Coverage: []archive.Range{r(at(1, 0), at(19, 10))}, Updated: at(19, 10).Add(-time.Second)},
			[]archive.Range{r(at(19, 8), now.Add(time.Second))}},
		{"a hole and an old end: the hole, then the last 2 hours", at(1, 0),
			archive.Holding{Coverage: []archive.Range{r(at(1, 0), at(5, 0)), r(at(6, 0), at(10, 0))}, Updated: at(20, 9)},
			[]archive.Range{r(at(5, 0), at(6, 0)), r(at(10, 0), now.Add(time.Second))}},
		{"covered to now: only the last 2 hours", at(1, 0),
			archive.Holding{Coverage: []archive.Range{r(at(1, 0), now.Add(time.Second))}, Updated: now},
			[]archive.Range{r(at(20, 8).Add(time.Second), now.Add(time.Second))}},
		{"a start after now: the last 2 hours", at(21, 0), archive.Holding{}, []archive.Range{r(at(20, 8).Add(time.Second), now.Add(time.Second))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wanted(tc.from, now, tc.held); !slices.Equal(got, tc.want) {
				t.Errorf("wanted = %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestWindows(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 5, day, 0, 0, 0, 0, time.UTC) }
	got := windows([]archive.Range{{From: d(1), To: d(3).Add(-time.Second)}, {From: d(10), To: d(10).Add(time.Hour)}}, 36*time.Hour)
	want := []archive.Range{
		{From: d(1), To: d(2).Add(12*time.Hour - time.Second)},
		{From: d(2).Add(12 * time.Hour), To: d(3).Add(-time.Second)},
		{From: d(10), To: d(10).Add(time.Hour)},
	}
	if !slices.Equal(got, want) {
		t.Errorf("windows = %v\nwant %v", got, want)
	}
}

func TestWithin(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }
	r := func(from, to time.Time) archive.Range { return archive.Range{From: from, To: to.Add(-time.Second)} }
	now := at(20, 10)
	synced := archive.Holding{Coverage: []archive.Range{r(at(5, 0), at(10, 0)), r(at(12, 0), at(18, 10))}, Updated: at(18, 10)}
	for _, tc := range []struct {
		name   string
		within archive.Range
		held   archive.Holding
		want   []archive.Range
		at     time.Time
	}{
		{"nothing held: the range, no more", r(at(1, 0), at(3, 0)), archive.Holding{}, []archive.Range{r(at(1, 0), at(3, 0))}, now},
		{"covered: nothing", r(at(6, 0), at(8, 0)), synced, nil, at(18, 10)},
		{"partly covered: the gap inside the range only", r(at(9, 0), at(13, 0)), synced, []archive.Range{r(at(10, 0), at(12, 0))}, at(18, 10)},
		{"before everything held: the range", r(at(1, 0), at(2, 0)), synced, []archive.Range{r(at(1, 0), at(2, 0))}, at(18, 10)},
		{"to now: the gap since the last sync's last 2 hours, and the last 2 hours",
			r(at(19, 0), now), synced, []archive.Range{r(at(18, 8), now)}, now},
		{"to now, all covered: the last 2 hours", r(at(13, 0), now),
			archive.Holding{Coverage: []archive.Range{r(at(1, 0), now)}, Updated: now},
			[]archive.Range{r(at(20, 8), now)}, now},
		{"starting in the last sync's last 2 hours: from their start", r(at(18, 9), at(19, 0)), synced,
			[]archive.Range{r(at(18, 8), at(19, 0))}, now},
		{"ending in the future: up to now", r(at(20, 0), at(21, 0)), archive.Holding{Coverage: []archive.Range{r(at(1, 0), at(20, 0))}, Updated: at(20, 9)},
			[]archive.Range{r(at(20, 0), now.Add(time.Second))}, now},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, gotAt := within(tc.within, now, tc.held)
			if !slices.Equal(got, tc.want) || !gotAt.Equal(tc.at) {
				t.Errorf("within = %v dated %v\nwant %v dated %v", got, gotAt, tc.want, tc.at)
			}
		})
	}
}

func TestHoldingOf(t *testing.T) {
	hs := []archive.Holding{
		{PBX: archive.PBX{Key: "SN1", Name: "总部"}},
		{PBX: archive.PBX{Key: "https://10.0.0.2:8088", Name: "Branch"}},
		{PBX: archive.PBX{Key: "SN3", Name: "Twin"}}, {PBX: archive.PBX{Key: "SN4", Name: "Twin"}},
	}
	for _, tc := range []struct {
		name string
		c    Connection
		want string // "" = none
	}{
		{"by serial number", Connection{SN: "SN4", Address: "https://x", Name: "Twin"}, "SN4"},
		{"by address", Connection{Address: "https://10.0.0.2:8088", Name: "Renamed"}, "https://10.0.0.2:8088"},
		{"by name, serial number not saved", Connection{Address: "https://10.0.0.1:8088", Name: "总部"}, "SN1"},
		{"two of that name: none", Connection{Address: "https://10.0.0.9:8088", Name: "Twin"}, ""},
		{"unknown", Connection{Address: "https://10.0.0.9:8088", Name: "New"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := HoldingOf(hs, tc.c)
			if ok != (tc.want != "") || h.PBX.Key != tc.want {
				t.Errorf("HoldingOf = %q, %v; want %q", h.PBX.Key, ok, tc.want)
			}
		})
	}
}

func TestMissing(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }
	h := archive.Holding{Coverage: []archive.Range{{From: at(5, 0), To: at(10, 0)}, {From: at(12, 0), To: at(20, 10)}}}
	for _, tc := range []struct {
		name string
		r    archive.Range
		want []archive.Range
	}{
		{"covered", archive.Range{From: at(6, 0), To: at(9, 0)}, nil},
		{"a hole", archive.Range{From: at(6, 0), To: at(13, 0)}, []archive.Range{{From: at(10, 0).Add(time.Second), To: at(12, 0).Add(-time.Second)}}},
		{"before", archive.Range{From: at(1, 0), To: at(6, 0)}, []archive.Range{{From: at(1, 0), To: at(5, 0).Add(-time.Second)}}},
		{"into the future: up to now only", archive.Range{From: at(20, 0), To: at(25, 0)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Missing(h, tc.r, at(20, 10)); !slices.Equal(got, tc.want) {
				t.Errorf("Missing = %v, want %v", got, tc.want)
			}
		})
	}
}

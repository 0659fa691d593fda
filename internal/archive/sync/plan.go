package archivesync

import (
	"slices"
	"time"

	"cdrdesk/internal/archive"
)

// Reread is how much of the most recent history every sync asks for again: calls in
// progress at the last sync were not written yet.
const Reread = 2 * time.Hour

// FirstSyncSpan is how far back the first sync of a PBX goes without Job.Since.
const FirstSyncSpan = 12 // months

// wanted returns the ranges to fetch: the gaps of held's coverage in [from, now], plus
// [now-Reread, now], merged and in order. Coverage that reached within Reread of when it
// was recorded (held.Updated) ends Reread earlier: calls then in progress were not
// written yet.
func wanted(from, now time.Time, held archive.Holding) []archive.Range {
	var out []archive.Range
	have := held.Coverage
	if n := len(have); n > 0 && have[n-1].To.After(held.Updated.Add(-Reread)) {
		have = slices.Clone(have)
		last := &have[n-1]
		last.To = last.To.Add(-Reread)
		if last.To.Before(last.From) {
			have = have[:n-1]
		}
	}
	if !from.After(now) {
		out = gaps(archive.Range{From: from, To: now}, have)
	}
	tail := archive.Range{From: now.Add(-Reread + time.Second), To: now}
	return union(out, tail)
}

// gaps returns the parts of want that no range of have (merged, in order) holds.
func gaps(want archive.Range, have []archive.Range) []archive.Range {
	var out []archive.Range
	cur := want.From
	for _, h := range have {
		if h.To.Before(cur) {
			continue
		}
		if h.From.After(want.To) {
			break
		}
		if h.From.After(cur) {
			out = append(out, archive.Range{From: cur, To: h.From.Add(-time.Second)})
		}
		cur = h.To.Add(time.Second)
		if cur.After(want.To) {
			return out
		}
	}
	return append(out, archive.Range{From: cur, To: want.To})
}

// union adds r to rs (in order, apart) and merges what overlaps or touches it.
func union(rs []archive.Range, r archive.Range) []archive.Range {
	var out []archive.Range
	for _, x := range rs {
		switch {
		case x.To.Add(time.Second).Before(r.From), r.To.Add(time.Second).Before(x.From):
			out = append(out, x)
		default:
			r.From, r.To = minTime(r.From, x.From), maxTime(r.To, x.To)
		}
	}
	out = append(out, r)
	for i := len(out) - 1; i > 0 && out[i].From.Before(out[i-1].From); i-- {
		out[i], out[i-1] = out[i-1], out[i]
	}
	return out
}

// windows cuts each range into windows of at most size, in order.
func windows(rs []archive.Range, size time.Duration) []archive.Range {
	var out []archive.Range
	for _, r := range rs {
		for from := r.From; !from.After(r.To); {
			to := from.Add(size - time.Second)
			if to.After(r.To) {
				to = r.To
			}
			out = append(out, archive.Range{From: from, To: to})
			from = to.Add(time.Second)
		}
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// within is the plan of a sync limited to r (Job.Within): the gaps of held's coverage
// inside r, and the last Reread before now when r reaches that far, and when the
// commits may be dated now (see the package doc).
//
// Coverage that ended at the previous sync's now still lacks the calls then in
// progress, and that sync's date (held.Updated) is what tells: a range that reaches
// that fresh end is widened back to its start, so dating the commits now loses
// nothing; a range wholly before it keeps the old date instead.
func within(r archive.Range, now time.Time, held archive.Holding) (want []archive.Range, at time.Time) {
	at = now
	if fresh, ok := freshEnd(held); ok {
		switch {
		case r.To.Before(fresh.From):
			at = held.Updated
		case r.From.After(fresh.From):
			r.From = fresh.From
		}
	}
	for _, x := range wanted(r.From, now, held) {
		x.From, x.To = maxTime(x.From, r.From), minTime(x.To, r.To)
		if !x.From.After(x.To) {
			want = append(want, x)
		}
	}
	return want, at
}

// freshEnd is the end of held's coverage that the previous sync reached within Reread
// of its own time: the part a next sync asks again.
func freshEnd(held archive.Holding) (archive.Range, bool) {
	n := len(held.Coverage)
	if n == 0 {
		return archive.Range{}, false
	}
	last := held.Coverage[n-1]
	if !last.To.After(held.Updated.Add(-Reread)) {
		return archive.Range{}, false
	}
	return archive.Range{From: maxTime(last.From, last.To.Add(-Reread+time.Second)), To: last.To}, true
}

package postgres

import (
	"slices"
	"time"

	"cdrdesk/internal/archive"
)

// addRange returns ranges (merged, in order) with r added: ranges that overlap r or
// touch it (the next second) become one. Ranges are inclusive to the second.
func addRange(ranges []archive.Range, r archive.Range) []archive.Range {
	if r.To.Before(r.From) {
		return ranges
	}
	out := make([]archive.Range, 0, len(ranges)+1)
	for _, c := range ranges {
		switch {
		case c.To.Add(time.Second).Before(r.From):
			out = append(out, c) // wholly before r, not touching
		case r.To.Add(time.Second).Before(c.From):
			out = append(out, c) // wholly after
		default:
			r.From = earliest(r.From, c.From)
			r.To = latest(r.To, c.To)
		}
	}
	out = append(out, r)
	slices.SortFunc(out, func(a, b archive.Range) int { return a.From.Compare(b.From) })
	return out
}

// cutBefore returns ranges without what lies before t.
func cutBefore(ranges []archive.Range, t time.Time) []archive.Range {
	var out []archive.Range
	for _, c := range ranges {
		if c.To.Before(t) {
			continue
		}
		c.From = latest(c.From, t)
		out = append(out, c)
	}
	return out
}

func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

package records

import (
	"bytes"
	"cmp"
	"encoding/binary"

	"cdrdesk/cdrclient"
)

// textSorter compares text values by a 16-byte window of each value held in its
// sortEntry, taken after the prefix all values share ("2025-" of a year's
// timestart), and reads the fields again only for the rare longer values whose
// windows are equal. So most comparisons are two integer comparisons, and keys
// whose windows vary in few bits can be radix sorted.
type textSorter struct {
	t    *cdrclient.Table
	col  int
	cp   int    // length of the common prefix
	a, b []byte // scratch
}

const windowSize = 16

// rankTexts gives the non-empty values of rows (in ascending order) ranks from base
// up, in byte order of the decoded text, marks the empty ones, and returns the next
// free rank.
func rankTexts(t *cdrclient.Table, col int, rows []uint32, base uint32, rank []uint32) uint32 {
	if len(rows) == 0 {
		return base
	}
	s := &textSorter{t: t, col: col}
	es := s.entries(rows, rank)
	sortEntries(es)
	sortRuns(es, s.unequal, s.compare)
	return assignRanks(es, base, rank, func(a, b sortEntry) bool {
		return a.k0 == b.k0 && a.k1 == b.k1 && s.compareRest(a, b) == 0
	})
}

// entries returns the entries of the non-empty values of rows and marks the empty
// ones with emptyRank. Windows start after the common prefix, which is guessed from
// a sample so that one pass usually suffices; a wrong guess costs a second pass.
func (s *textSorter) entries(rows []uint32, rank []uint32) []sortEntry {
	s.cp = s.samplePrefix(rows)
	es := make([]sortEntry, 0, len(rows))
	var prefix []byte
	for _, r := range rows {
		s.a = s.t.AppendField(s.a[:0], int(r), s.col)
		if len(s.a) == 0 {
			rank[r] = emptyRank
			continue
		}
		if len(es) == 0 {
			prefix = append(prefix, s.a...)
		} else {
			prefix = prefix[:commonPrefix(prefix, s.a)]
		}
		es = append(es, s.entry(r))
	}
	if len(prefix) != s.cp {
		s.cp = len(prefix)
		for i := range es {
			s.a = s.t.AppendField(s.a[:0], int(es[i].row), s.col)
			es[i] = s.entry(es[i].row)
		}
	}
	return es
}

// entry makes the entry of row r, whose value is in s.a.
func (s *textSorter) entry(r uint32) sortEntry {
	var w [windowSize]byte
	copy(w[:], s.a[min(s.cp, len(s.a)):])
	return sortEntry{
		k0: binary.BigEndian.Uint64(w[:8]), k1: binary.BigEndian.Uint64(w[8:]),
		n: uint32(len(s.a)), row: r,
	}
}

// samplePrefix returns the length of the prefix shared by the non-empty values of
// up to 1024 rows spread over rows.
func (s *textSorter) samplePrefix(rows []uint32) int {
	var prefix []byte
	seen := false
	step := max(len(rows)/1024, 1)
	for i := 0; i < len(rows); i += step {
		s.a = s.t.AppendField(s.a[:0], int(rows[i]), s.col)
		switch {
		case len(s.a) == 0:
		case !seen:
			prefix, seen = append(prefix, s.a...), true
		default:
			prefix = prefix[:commonPrefix(prefix, s.a)]
		}
	}
	return len(prefix)
}

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func (s *textSorter) compare(a, b sortEntry) int {
	if c := cmp.Compare(a.k0, b.k0); c != 0 {
		return c
	}
	if c := cmp.Compare(a.k1, b.k1); c != 0 {
		return c
	}
	if c := s.compareRest(a, b); c != 0 {
		return c
	}
	return cmp.Compare(a.row, b.row)
}

// compareRest compares two values whose windows are equal. If either ends inside
// the window, the window's zero padding means it is a prefix of the other, so the
// shorter is smaller (or they are equal); only two longer values need their fields.
func (s *textSorter) compareRest(a, b sortEntry) int {
	end := uint32(s.cp + windowSize)
	if a.n <= end || b.n <= end {
		return cmp.Compare(a.n, b.n)
	}
	s.a = s.t.AppendField(s.a[:0], int(a.row), s.col)
	s.b = s.t.AppendField(s.b[:0], int(b.row), s.col)
	return bytes.Compare(s.a[end:], s.b[end:])
}

// unequal reports whether a run of entries with equal windows may hold different
// values: lengths differ, or the values go on past the window.
func (s *textSorter) unequal(run []sortEntry) bool {
	for _, e := range run {
		if e.n != run[0].n || int(e.n) > s.cp+windowSize {
			return true
		}
	}
	return false
}

package records

import (
	"math"
	"slices"

	"cdrdesk/cdrclient"
)

// emptyRank is the rank of an empty value.
const emptyRank = math.MaxUint32

// ranks orders the values of one column once, so that every later sort by it is a
// sort of small integers: rank[r] is row r's place among the column's distinct
// non-empty values in ascending order (equal values share a rank), or emptyRank.
type ranks struct {
	rank  []uint32
	count uint32 // distinct non-empty values: ranks are 0..count-1
}

// columnKind says how the values of a column compare.
type columnKind uint8

const (
	textKind    columnKind = iota // byte order of the decoded text (timestart, numbers, names)
	secondsKind                   // durations: numerically
	callIDKind                    // callid: by seconds, then by sequence
)

func kindOf(t *cdrclient.Table, col int) columnKind {
	switch cdrclient.CanonicalColumn(t.Columns()[col]) {
	case cdrclient.ColCallDuration, cdrclient.ColTalkDuration:
		return secondsKind
	case cdrclient.ColCallID:
		return callIDKind
	}
	return textKind
}

// buildRanks ranks column col of t. In a numeric column (durations, callid), values
// that are not numbers come after all numbers, in text order.
func buildRanks(t *cdrclient.Table, col int) *ranks {
	n := t.Len()
	rk := &ranks{rank: make([]uint32, n)}
	var texts []uint32 // the rows to rank as text
	next := uint32(0)
	if kind := kindOf(t, col); kind == textKind {
		texts = make([]uint32, n)
		for r := range texts {
			texts[r] = uint32(r)
		}
	} else {
		next, texts = rankNumbers(t, col, kind, rk.rank)
	}
	rk.count = rankTexts(t, col, texts, next, rk.rank)
	return rk
}

// rankNumbers ranks the numbers of a numeric column from 0 up, marks empty values,
// and returns the next free rank and the rows whose values are not numbers.
func rankNumbers(t *cdrclient.Table, col int, kind columnKind, rank []uint32) (uint32, []uint32) {
	var (
		es    = make([]sortEntry, 0, t.Len())
		texts []uint32
		buf   []byte
	)
	for r := range t.Len() {
		buf = t.AppendField(buf[:0], r, col)
		if len(buf) == 0 {
			rank[r] = emptyRank
			continue
		}
		if e, ok := numberEntry(kind, buf); ok {
			e.row = uint32(r)
			es = append(es, e)
			continue
		}
		texts = append(texts, uint32(r))
	}
	sortEntries(es)
	next := assignRanks(es, 0, rank, func(a, b sortEntry) bool { return a.k0 == b.k0 && a.k1 == b.k1 })
	return next, texts
}

// numberEntry reads a value of a numeric column; ok is false for values that are
// not numbers.
func numberEntry(kind columnKind, b []byte) (sortEntry, bool) {
	if kind == callIDKind {
		secs, seq, ok := parseCallID(b)
		return sortEntry{k0: uint64(secs), k1: uint64(seq)}, ok
	}
	s, ok := parseSeconds(b)
	return sortEntry{k0: uint64(s)}, ok
}

// assignRanks gives the sorted entries ranks from base up, a new rank whenever the
// value changes, and returns the next free rank.
func assignRanks(es []sortEntry, base uint32, rank []uint32, same func(a, b sortEntry) bool) uint32 {
	if len(es) == 0 {
		return base
	}
	next := base
	for i, e := range es {
		if i > 0 && !same(es[i-1], e) {
			next++
		}
		rank[e.row] = next
	}
	return next + 1
}

// rankCache keeps the ranks of the columns sorted by most recently: 4 bytes a row
// each, so only a few are kept.
type rankCache struct {
	cols  []int
	ranks []*ranks
}

const keptRanks = 4

// get returns the ranks of column col, building them when not kept.
func (c *rankCache) get(t *cdrclient.Table, col int) *ranks {
	i := slices.Index(c.cols, col)
	var rk *ranks
	if i >= 0 {
		rk = c.ranks[i]
		c.cols = slices.Delete(c.cols, i, i+1)
		c.ranks = slices.Delete(c.ranks, i, i+1)
	} else {
		rk = buildRanks(t, col)
		if len(c.cols) == keptRanks {
			c.cols = slices.Delete(c.cols, 0, 1)
			c.ranks = slices.Delete(c.ranks, 0, 1)
		}
	}
	c.cols = append(c.cols, col)
	c.ranks = append(c.ranks, rk)
	return rk
}

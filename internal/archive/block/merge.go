package block

import (
	"bytes"
	"cmp"
	"slices"
)

// A Row is a row to be kept: its day and second, bytes and filter columns.
type Row struct {
	Day      int64  // days since 1970-01-01 of the PBX's wall clock
	Sec      int32  // second of the day
	Bytes    []byte // as sent, with a line ending
	From, To string // callfrom and callto
}

// Fresh returns the rows of in that no block of held holds (nor an earlier row of
// in), sorted by time, stable: on the same second, in the order received. hash is a
// 64-bit hash of a row's bytes (maphash with a seed of the commit's).
func Fresh(hash func([]byte) uint64, held []Day, in []Row) []Row {
	n := len(in)
	for _, d := range held {
		n += d.Len()
	}
	seen := make(map[uint64][]byte, n)
	var extra map[uint64][][]byte // the second and later rows of one hash: rare
	known := func(h uint64, r []byte) bool {
		if o, ok := seen[h]; ok {
			// The same hash is the same row but for a one-in-2⁶⁴ chance: compare the bytes.
			if bytes.Equal(o, r) || slices.ContainsFunc(extra[h], func(o []byte) bool { return bytes.Equal(o, r) }) {
				return true
			}
			if extra == nil {
				extra = make(map[uint64][][]byte)
			}
			extra[h] = append(extra[h], r)
			return false
		}
		seen[h] = r
		return false
	}
	for _, d := range held {
		for _, r := range d.Rows {
			known(hash(r), r)
		}
	}
	var fresh []Row
	for _, r := range in {
		if !known(hash(r.Bytes), r.Bytes) {
			fresh = append(fresh, r)
		}
	}
	slices.SortStableFunc(fresh, func(a, b Row) int { return cmp.Compare(a.Sec, b.Sec) })
	return fresh
}

// Merge merges fresh (of held's day, sorted by time) into held (sorted): on the same
// second the rows held come first, as they were received first.
func Merge(held Day, fresh []Row) Day {
	n := held.Len() + len(fresh)
	out := Day{Secs: make([]int32, 0, n), Rows: make([][]byte, 0, n), From: make([]string, 0, n), To: make([]string, 0, n)}
	i := 0
	for _, f := range fresh {
		for i < held.Len() && held.Secs[i] <= f.Sec {
			out.Add(held.Secs[i], held.Rows[i], held.From[i], held.To[i])
			i++
		}
		out.Add(f.Sec, f.Bytes, f.From, f.To)
	}
	for ; i < held.Len(); i++ {
		out.Add(held.Secs[i], held.Rows[i], held.From[i], held.To[i])
	}
	return out
}

// Span returns the rows [i, j) of d whose second lies in [lo, hi].
func (d Day) Span(lo, hi int32) (i, j int) {
	i, _ = slices.BinarySearch(d.Secs, lo)
	j, _ = slices.BinarySearch(d.Secs, hi+1)
	return i, max(i, j)
}

// Of says whether row k is of one of exts (nil: all), as the PBX selects a
// record: its callfrom or its callto is one of them.
func (d Day) Of(k int, exts map[string]bool) bool {
	return exts == nil || exts[d.From[k]] || exts[d.To[k]]
}

// Keep returns the rows of d that keep says to keep.
func (d Day) Keep(keep func(k int) bool) Day {
	var out Day
	for k := range d.Rows {
		if keep(k) {
			out.Add(d.Secs[k], d.Rows[k], d.From[k], d.To[k])
		}
	}
	return out
}

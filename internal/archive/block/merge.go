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

// Fresh returns the rows of in that the day's blocks do not hold (nor an earlier row
// of in), sorted by time, stable: on the same second, in the order received. own is
// the block of in's header, others the day's blocks of other headers (a PBX whose
// header changed that day), compared by hash (a 64-bit hash of a row's bytes, such
// as maphash with a seed of the commit's), then bytes.
//
// Rows of one header with the same bytes have the same timestart: in and own are
// compared second by second, a few rows each, with no hashing.
func Fresh(hash func([]byte) uint64, own Day, others []Day, in []Row) []Row {
	bySec := func(a, b Row) int { return cmp.Compare(a.Sec, b.Sec) }
	if !slices.IsSortedFunc(in, bySec) { // a PBX sends its rows in time order
		in = slices.Clone(in)
		slices.SortStableFunc(in, bySec)
	}
	var other map[uint64][][]byte
	if len(others) > 0 {
		other = make(map[uint64][][]byte)
		for _, d := range others {
			for _, r := range d.Rows {
				h := hash(r)
				other[h] = append(other[h], r)
			}
		}
	}
	same := func(r []byte) func([]byte) bool { return func(o []byte) bool { return bytes.Equal(o, r) } }
	var fresh []Row // nil while every row of in so far is fresh: then in is the answer
	i := 0          // own's first row not before the current second
	second := 0     // in's first row of the current second
	// many holds the rows of a second that has more than a few (a file whose rows
	// all say the same time), by hash, so that it costs no comparison of each pair.
	var many map[uint64][][]byte
	for k, r := range in {
		for i < own.Len() && own.Secs[i] < r.Sec {
			i++
		}
		if in[second].Sec != r.Sec {
			second, many = k, nil
		}
		j := i
		for j < own.Len() && own.Secs[j] == r.Sec {
			j++
		}
		if many == nil && j-i+k-second > manyPerSecond {
			many = make(map[uint64][][]byte)
			for _, o := range own.Rows[i:j] {
				many[hash(o)] = append(many[hash(o)], o)
			}
			for _, o := range in[second:k] {
				many[hash(o.Bytes)] = append(many[hash(o.Bytes)], o.Bytes)
			}
		}
		var held bool
		if many != nil {
			h := hash(r.Bytes)
			if held = slices.ContainsFunc(many[h], same(r.Bytes)); !held {
				many[h] = append(many[h], r.Bytes)
			}
		} else {
			held = slices.ContainsFunc(own.Rows[i:j], same(r.Bytes))
			// An earlier row of in on this second with the same bytes was kept, or
			// was held already: either way, this one is not new.
			for e := second; e < k && !held; e++ {
				held = bytes.Equal(in[e].Bytes, r.Bytes)
			}
		}
		// The same hash is the same row but for a one-in-2⁶⁴ chance: compare the bytes.
		if !held && other != nil {
			held = slices.ContainsFunc(other[hash(r.Bytes)], same(r.Bytes))
		}
		switch {
		case held && fresh == nil:
			fresh = append(make([]Row, 0, len(in)), in[:k]...)
		case !held && fresh != nil:
			fresh = append(fresh, r)
		}
	}
	if fresh == nil {
		return in
	}
	return fresh
}

// manyPerSecond is how many rows of one second are compared pair by pair; past it,
// by hash.
const manyPerSecond = 32

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

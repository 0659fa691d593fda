package block

import (
	"bytes"
	"cmp"
	"hash/maphash"
	"maps"
	"slices"
)

// A Held block is one of a PBX-day's blocks as a store loaded it: its header's id
// (the store's) and its rows.
type Held struct {
	Header int64
	Rows   Day
}

// MergeDays merges the rows of days into the blocks held of the same days (held, by
// day), the store's one commit rule: each day's rows that none of its blocks holds
// (see Fresh) are merged into its block of header hdr (see Merge), and that block is
// queued on enc, in day order. It returns the rows added.
func MergeDays(enc *Encoder, hdr int64, held map[int64][]Held, days map[int64]Day) int {
	seed := maphash.MakeSeed()
	hash := func(b []byte) uint64 { return maphash.Bytes(seed, b) }
	added := 0
	for _, day := range slices.Sorted(maps.Keys(days)) {
		var own Day
		var others []Day
		for _, b := range held[day] {
			if b.Header == hdr {
				own = b.Rows
			} else {
				others = append(others, b.Rows)
			}
		}
		fresh := Fresh(hash, own, others, days[day])
		if fresh.Len() == 0 {
			continue
		}
		enc.Add(day, Merge(own, fresh))
		added += fresh.Len()
	}
	return added
}

// Fresh returns the rows of in that the day's blocks do not hold (nor an earlier row
// of in), sorted by time, stable: on the same second, in the order received. own is
// the block of in's header, others the day's blocks of other headers (a PBX whose
// header changed that day), compared by hash (a 64-bit hash of a row's bytes, such
// as maphash with a seed of the commit's), then bytes. When every row is fresh and
// in order (a sync's new window), the answer is in itself: nothing is copied.
//
// Rows of one header with the same bytes have the same timestart: in and own are
// compared second by second, a few rows each, with no hashing.
func Fresh(hash func([]byte) uint64, own Day, others []Day, in Day) Day {
	if !slices.IsSorted(in.Secs) { // a PBX sends its rows in time order
		in = in.sorted()
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
	var fresh *Day // nil while every row of in so far is fresh: then in is the answer
	i := 0         // own's first row not before the current second
	second := 0    // in's first row of the current second
	// many holds the rows of a second that has more than a few (a file whose rows
	// all say the same time), by hash, so that it costs no comparison of each pair.
	var many map[uint64][][]byte
	for k, r := range in.Rows {
		sec := in.Secs[k]
		for i < own.Len() && own.Secs[i] < sec {
			i++
		}
		if in.Secs[second] != sec {
			second, many = k, nil
		}
		j := i
		for j < own.Len() && own.Secs[j] == sec {
			j++
		}
		if many == nil && j-i+k-second > manyPerSecond {
			many = make(map[uint64][][]byte)
			for _, o := range own.Rows[i:j] {
				many[hash(o)] = append(many[hash(o)], o)
			}
			for _, o := range in.Rows[second:k] {
				many[hash(o)] = append(many[hash(o)], o)
			}
		}
		var held bool
		if many != nil {
			h := hash(r)
			if held = slices.ContainsFunc(many[h], same(r)); !held {
				many[h] = append(many[h], r)
			}
		} else {
			held = slices.ContainsFunc(own.Rows[i:j], same(r))
			// An earlier row of in on this second with the same bytes was kept, or
			// was held already: either way, this one is not new.
			for e := second; e < k && !held; e++ {
				held = bytes.Equal(in.Rows[e], r)
			}
		}
		// The same hash is the same row but for a one-in-2⁶⁴ chance: compare the bytes.
		if !held && other != nil {
			held = slices.ContainsFunc(other[hash(r)], same(r))
		}
		switch {
		case held && fresh == nil:
			fresh = &Day{}
			fresh.grow(in.Len())
			for e := range k {
				fresh.Add(in.Secs[e], in.Rows[e], in.From[e], in.To[e])
			}
		case !held && fresh != nil:
			fresh.Add(sec, r, in.From[k], in.To[k])
		}
	}
	if fresh == nil {
		return in
	}
	return *fresh
}

// manyPerSecond is how many rows of one second are compared pair by pair; past it,
// by hash.
const manyPerSecond = 32

// sorted returns d's rows sorted by second, stable.
func (d Day) sorted() Day {
	order := make([]int, d.Len())
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(d.Secs[a], d.Secs[b]) })
	var out Day
	out.grow(d.Len())
	for _, k := range order {
		out.Add(d.Secs[k], d.Rows[k], d.From[k], d.To[k])
	}
	return out
}

// Merge merges fresh (of held's day, sorted by time) into held (sorted): on the same
// second the rows held come first, as they were received first. With nothing held,
// the answer is fresh itself.
func Merge(held, fresh Day) Day {
	if held.Len() == 0 {
		return fresh
	}
	var out Day
	out.grow(held.Len() + fresh.Len())
	i := 0
	for k, sec := range fresh.Secs {
		for i < held.Len() && held.Secs[i] <= sec {
			out.Add(held.Secs[i], held.Rows[i], held.From[i], held.To[i])
			i++
		}
		out.Add(sec, fresh.Rows[k], fresh.From[k], fresh.To[k])
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

package records

import (
	"math/bits"
	"slices"
)

// sortEntry is one row while ranks are computed: a 128-bit key (k0 high) and, for
// text, the value's length.
type sortEntry struct {
	k0, k1 uint64
	n, row uint32
}

// sortEntries orders es by key, ties in their current order, with a radix sort:
// for a million keys it beats comparison sorts several times over, and its passes
// cover only the key bits that vary. Keys already in order (timestart in the PBX's
// order) cost one check.
func sortEntries(es []sortEntry) {
	if isSorted(es) {
		return
	}
	radixEntries(es, make([]sortEntry, len(es)), digitPositions(es))
}

func isSorted(es []sortEntry) bool {
	for i := 1; i < len(es); i++ {
		if a, b := &es[i-1], &es[i]; a.k0 > b.k0 || a.k0 == b.k0 && a.k1 > b.k1 {
			return false
		}
	}
	return true
}

const (
	radixBits = 11
	radixMask = 1<<radixBits - 1
)

// digitPositions returns where the radix digits go, lowest first: only bits that
// differ between keys need sorting, so each digit starts at the lowest such bit not
// yet covered. A timestart window ("01-01 08:00:00") then takes 6 passes, not 12.
func digitPositions(es []sortEntry) []uint {
	if len(es) < 2 {
		return nil
	}
	var x0, x1 uint64
	for _, e := range es {
		x0 |= e.k0 ^ es[0].k0
		x1 |= e.k1 ^ es[0].k1
	}
	var pos []uint
	for p := uint(0); p < 128; p += radixBits {
		switch {
		case p < 64 && x1>>p != 0:
			p += uint(bits.TrailingZeros64(x1 >> p))
		case p < 64 && x0 != 0:
			p = 64 + uint(bits.TrailingZeros64(x0))
		case p >= 64 && x0>>(p-64) != 0:
			p += uint(bits.TrailingZeros64(x0 >> (p - 64)))
		default:
			return pos
		}
		pos = append(pos, p)
	}
	return pos
}

// digit returns the radixBits bits of e's 128-bit key from bit p up.
func digit(e *sortEntry, p uint) uint64 {
	if p >= 64 {
		return e.k0 >> (p - 64) & radixMask
	}
	return (e.k1>>p | e.k0<<(64-p)) & radixMask // p == 0: the shift by 64 gives 0
}

// radixEntries sorts es stably by the digits at the given positions, least
// significant first, using tmp (len(es)) as the other buffer.
func radixEntries(es, tmp []sortEntry, positions []uint) {
	src, dst := es, tmp
	var count [1 << radixBits]int
	for _, p := range positions {
		clear(count[:])
		for i := range src {
			count[digit(&src[i], p)]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for i := range src {
			d := digit(&src[i], p)
			dst[count[d]] = src[i]
			count[d]++
		}
		src, dst = dst, src
	}
	if len(positions)%2 == 1 {
		copy(es, src)
	}
}

// sortRuns sorts, by compare, each run of entries with equal keys that compare
// says are not all equal: after a radix sort by key, text values longer than the
// key still need ordering among themselves.
func sortRuns(es []sortEntry, needs func(run []sortEntry) bool, compare func(a, b sortEntry) int) {
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].k0 == es[i].k0 && es[j].k1 == es[i].k1 {
			j++
		}
		if j-i > 1 && needs(es[i:j]) {
			slices.SortFunc(es[i:j], compare)
		}
		i = j
	}
}

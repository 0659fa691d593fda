package records

import "math/bits"

// sortRows orders rows (ascending table indexes) by column col, stably: a radix
// sort of (rank, row) pairs by rank, so ties keep the PBX's order. Empty values go
// last in both directions.
func (v *View) sortRows(rows []int, col int, desc bool) {
	if col < 0 || len(rows) < 2 {
		return // a missing column is empty everywhere: nothing moves
	}
	rk := v.ranks.get(v.t, col)
	keys := make([]uint64, 0, len(rows))
	for _, r := range rows {
		k := rk.rank[r]
		switch {
		case k == emptyRank:
			k = rk.count
		case desc:
			k = rk.count - 1 - k
		}
		keys = append(keys, uint64(k)<<32|uint64(r))
	}
	radixSortHigh(keys, bits.Len32(rk.count))
	for i, k := range keys {
		rows[i] = int(uint32(k))
	}
}

// radixSortHigh sorts keys stably by their high 32 bits, of which only the low
// rankBits are used, with a least-significant-digit radix sort.
func radixSortHigh(keys []uint64, rankBits int) {
	if len(keys) < 2 || rankBits == 0 {
		return
	}
	src, dst := keys, make([]uint64, len(keys))
	var count [1 << radixBits]int
	for shift := 32; shift < 32+rankBits; shift += radixBits {
		clear(count[:])
		for _, k := range src {
			count[k>>shift&radixMask]++
		}
		if count[src[0]>>shift&radixMask] == len(src) {
			continue // one digit for all: this pass would not move anything
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range src {
			d := k >> shift & radixMask
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

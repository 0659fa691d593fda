package callreport

// sortByKey sorts keys ascending and moves vals along, stably (equal keys keep their
// order): a least-significant-digit radix sort, which orders a million keys in a few
// passes instead of twenty comparisons each. Digits are 16 bits for large inputs
// (fewer passes) and 8 bits for small ones (a smaller count table); a digit that is
// the same in every key costs one counting pass and no move.
func sortByKey(keys []uint64, vals []int32) {
	n := len(keys)
	if n < 2 {
		return
	}
	bits := uint(8)
	if n >= 1<<16 {
		bits = 16
	}
	mask := uint64(1)<<bits - 1
	count := make([]int, 1<<bits)
	tk, tv := make([]uint64, n), make([]int32, n)
	src, dst := keys, tk
	sv, dv := vals, tv
	for shift := uint(0); shift < 64; shift += bits {
		clear(count)
		for _, k := range src {
			count[k>>shift&mask]++
		}
		if count[src[0]>>shift&mask] == n {
			continue
		}
		pos := 0
		for i, c := range count {
			count[i] = pos
			pos += c
		}
		for i, k := range src {
			d := k >> shift & mask
			dst[count[d]], dv[count[d]] = k, sv[i]
			count[d]++
		}
		src, dst, sv, dv = dst, src, dv, sv
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		copy(vals, sv)
	}
}

// sorted reports whether keys are in ascending order.
func sorted(keys []uint64) bool {
	for i := 1; i < len(keys); i++ {
		if keys[i] < keys[i-1] {
			return false
		}
	}
	return true
}

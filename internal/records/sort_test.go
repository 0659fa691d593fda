package records

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortEntries(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Masks of the key bits that vary: low bits only, around the 64-bit boundary
	// between k1 and k0 (digits that straddle it), high bits only, everything.
	masks := []struct{ k0, k1 uint64 }{
		{0, 0xFFF},
		{0x7, 0xFFF0_0000_0000_0000},
		{0xFF, 1 << 63},
		{0xFFFF_0000_0000_0000, 0},
		{1, 1},
		{^uint64(0), ^uint64(0)},
		{0x0F0F_0000_0000_0F0F, 0x0F0F_0F0F_0000_0000},
	}
	for _, m := range masks {
		for _, n := range []int{0, 1, 2, 3, 100, 5000} {
			base := sortEntry{k0: rng.Uint64(), k1: rng.Uint64()}
			es := make([]sortEntry, n)
			for i := range es {
				// Few distinct keys, so that ties show whether the sort is stable.
				v := rng.Uint64N(max(uint64(n)/4, 1)) * 0x9E3779B97F4A7C15
				es[i] = sortEntry{k0: base.k0&^m.k0 | v&m.k0, k1: base.k1&^m.k1 | (v*31)&m.k1, row: uint32(i)}
			}
			want := slices.Clone(es)
			slices.SortStableFunc(want, func(a, b sortEntry) int {
				return cmp.Or(cmp.Compare(a.k0, b.k0), cmp.Compare(a.k1, b.k1))
			})
			sortEntries(es)
			if !slices.Equal(es, want) {
				t.Fatalf("mask %x n %d: sortEntries differs from a stable sort", m, n)
			}
		}
	}
}

func TestRadixSortHigh(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, rankBits := range []int{0, 1, 5, 11, 12, 22, 23, 32} {
		for _, n := range []int{0, 1, 2, 1000} {
			keys := make([]uint64, n)
			for i := range keys {
				rank := rng.Uint64() & (1<<rankBits - 1)
				keys[i] = rank<<32 | uint64(rng.Uint32())
			}
			want := slices.Clone(keys)
			slices.SortStableFunc(want, func(a, b uint64) int { return cmp.Compare(a>>32, b>>32) })
			radixSortHigh(keys, rankBits)
			if !slices.Equal(keys, want) {
				t.Fatalf("rankBits %d n %d: differs from a stable sort", rankBits, n)
			}
		}
	}
}

func TestRankCache(t *testing.T) {
	tbl := fixture(t, "basic.csv")
	v := NewView(tbl, nil)
	// Sorting by more columns than are kept evicts the oldest; sorting by it again
	// ranks it again, with the same result.
	order := []string{"callid", "timestart", "callfrom", "callto", "status", "type", "callid"}
	for _, c := range order {
		v.Apply(Filter{}, Sort{Column: c})
		if want := refSort(tbl, allRows(tbl.Len()), Sort{Column: c}); !slices.Equal(v.Rows(), want) {
			t.Fatalf("by %s: %v, want %v", c, v.Rows(), want)
		}
	}
	if len(v.ranks.cols) != keptRanks {
		t.Errorf("%d columns ranked, want %d kept", len(v.ranks.cols), keptRanks)
	}
	if last := v.ranks.cols[len(v.ranks.cols)-1]; last != tbl.Column("callid") {
		t.Errorf("most recent column %d, want callid", last)
	}
}

func TestTextRanksPrefixGuess(t *testing.T) {
	// Rows are sampled for the common prefix: here every sampled value starts with
	// "sampled-", but the others do not, so the guess must be corrected.
	csv := []byte("callfrom\n")
	n := 3000
	step := n / 1024
	for i := range n {
		if i%step == 0 {
			csv = fmt.Appendf(csv, "sampled-%06d\n", (i*7919)%n)
		} else {
			csv = fmt.Appendf(csv, "other-%06d\n", (i*7919)%n)
		}
	}
	tbl := parseTable(t, csv)
	v := NewView(tbl, nil)
	for _, desc := range []bool{false, true} {
		s := Sort{Column: "callfrom", Descending: desc}
		v.Apply(Filter{}, s)
		if want := refSort(tbl, allRows(n), s); !slices.Equal(v.Rows(), want) {
			t.Fatalf("desc %v: %v, want %v", desc, head(v.Rows()), head(want))
		}
	}
}

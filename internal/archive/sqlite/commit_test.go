package sqlite

import (
	"fmt"
	"hash/maphash"
	"slices"
	"testing"
)

// TestFreshRowsCompareBytes: rows are told apart by their bytes, not by their hash
// alone. With every hash equal (a collision on each row), a row is still dropped only
// when the same bytes are held, and kept when only its hash is.
func TestFreshRowsCompareBytes(t *testing.T) {
	row := func(i int) []byte { return fmt.Appendf(nil, "1709251200.%d,2024-03-01 00:00:00,1000,1001\r\n", i) }
	held := []storedBlock{{header: 1, rows: dayRows{secs: []int32{0, 0}, rows: [][]byte{row(1), row(2)}}}}
	in := []incoming{{row: row(2)}, {row: row(3)}, {row: row(1)}, {row: row(4)}, {row: row(3)}}
	seed := maphash.MakeSeed()
	for name, hash := range map[string]func([]byte) uint64{
		"colliding": func([]byte) uint64 { return 7 },
		"maphash":   func(b []byte) uint64 { return maphash.Bytes(seed, b) },
	} {
		var got [][]byte
		for _, r := range freshRows(hash, held, in) {
			got = append(got, r.row)
		}
		if want := [][]byte{row(3), row(4)}; !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: fresh rows %q, want %q", name, got, want)
		}
	}
}

package block

import (
	"fmt"
	"hash/maphash"
	"slices"
	"testing"
)

// TestFreshCompareBytes: rows are told apart by their bytes, not by their hash alone.
// With every hash equal (a collision on each row), a row is still dropped only when
// the same bytes are held, and kept when only its hash is.
func TestFreshCompareBytes(t *testing.T) {
	row := func(i int) []byte { return fmt.Appendf(nil, "1709251200.%d,2024-03-01 00:00:00,1000,1001\r\n", i) }
	held := []Day{{Secs: []int32{0, 0}, Rows: [][]byte{row(1), row(2)}, From: []string{"1000", "1000"}, To: []string{"1001", "1001"}}}
	in := []Row{{Bytes: row(2)}, {Bytes: row(3)}, {Bytes: row(1)}, {Bytes: row(4)}, {Bytes: row(3)}}
	seed := maphash.MakeSeed()
	for name, hash := range map[string]func([]byte) uint64{
		"colliding": func([]byte) uint64 { return 7 },
		"maphash":   func(b []byte) uint64 { return maphash.Bytes(seed, b) },
	} {
		var got [][]byte
		for _, r := range Fresh(hash, held, in) {
			got = append(got, r.Bytes)
		}
		if want := [][]byte{row(3), row(4)}; !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: fresh rows %q, want %q", name, got, want)
		}
	}
}

// TestMerge: fresh rows go after the rows held of the same second, with their columns.
func TestMerge(t *testing.T) {
	var held Day
	held.Add(5, []byte("a\n"), "1000", "1001")
	held.Add(9, []byte("b\n"), "1002", "1003")
	fresh := []Row{{Sec: 1, Bytes: []byte("c\n"), From: "1", To: "2"}, {Sec: 5, Bytes: []byte("d\n"), From: "3", To: "4"}, {Sec: 10, Bytes: []byte("e\n"), From: "5", To: "6"}}
	got := Merge(held, fresh)
	var rows []string
	for k := range got.Rows {
		rows = append(rows, fmt.Sprintf("%d %s %s %s", got.Secs[k], got.Rows[k][:1], got.From[k], got.To[k]))
	}
	want := []string{"1 c 1 2", "5 a 1000 1001", "5 d 3 4", "9 b 1002 1003", "10 e 5 6"}
	if !slices.Equal(rows, want) {
		t.Errorf("merged %q, want %q", rows, want)
	}
}

package block

import (
	"fmt"
	"hash/maphash"
	"slices"
	"testing"
)

// TestFreshCompareBytes: rows are told apart by their bytes, not by their hash alone.
// With every hash equal (a collision on each row), a row is still dropped only when
// the same bytes are held, in the block of its header or of another, and kept when
// only its hash is. A row sent twice in one batch is kept once.
func TestFreshCompareBytes(t *testing.T) {
	row := func(i int) []byte { return fmt.Appendf(nil, "1709251200.%d,2024-03-01 00:00:00,1000,1001\r\n", i) }
	held := Day{Secs: []int32{0, 0}, Rows: [][]byte{row(1), row(2)}, From: []string{"1000", "1000"}, To: []string{"1001", "1001"}}
	in := dayOf(Row{Bytes: row(2)}, Row{Bytes: row(3)}, Row{Bytes: row(1)}, Row{Bytes: row(4)}, Row{Bytes: row(3)})
	seed := maphash.MakeSeed()
	for name, hash := range map[string]func([]byte) uint64{
		"colliding": func([]byte) uint64 { return 7 },
		"maphash":   func(b []byte) uint64 { return maphash.Bytes(seed, b) },
	} {
		for where, fresh := range map[string]Day{
			"own block":        Fresh(hash, held, nil, in),
			"another header's": Fresh(hash, Day{}, []Day{held}, in),
			"both":             Fresh(hash, held, []Day{held}, in),
		} {
			got := fresh.Rows
			if want := [][]byte{row(3), row(4)}; !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s, held in the %s: fresh rows %q, want %q", name, where, got, want)
			}
		}
	}
}

// TestFreshBySecond: rows come out sorted by second, stable; a row held on another
// second of the own block (a different row) does not hide one of the same bytes.
func TestFreshBySecond(t *testing.T) {
	var own Day
	own.Add(3, []byte("a\n"), "", "")
	own.Add(5, []byte("b\n"), "", "")
	in := dayOf(Row{Sec: 5, Bytes: []byte("c\n")}, Row{Sec: 1, Bytes: []byte("d\n")}, Row{Sec: 5, Bytes: []byte("b\n")},
		Row{Sec: 4, Bytes: []byte("a\n")}, Row{Sec: 5, Bytes: []byte("e\n")}, Row{Sec: 1, Bytes: []byte("d\n")})
	var got []string
	fresh := Fresh(func([]byte) uint64 { return 0 }, own, nil, in)
	for k, r := range fresh.Rows {
		got = append(got, fmt.Sprintf("%d %s", fresh.Secs[k], r[:1]))
	}
	if want := []string{"1 d", "4 a", "5 c", "5 e"}; !slices.Equal(got, want) {
		t.Errorf("fresh %q, want %q", got, want)
	}
}

// TestMerge: fresh rows go after the rows held of the same second, with their columns.
func TestMerge(t *testing.T) {
	var held Day
	held.Add(5, []byte("a\n"), "1000", "1001")
	held.Add(9, []byte("b\n"), "1002", "1003")
	fresh := dayOf(Row{Sec: 1, Bytes: []byte("c\n"), From: "1", To: "2"}, Row{Sec: 5, Bytes: []byte("d\n"), From: "3", To: "4"}, Row{Sec: 10, Bytes: []byte("e\n"), From: "5", To: "6"})
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

// TestFreshManyOnOneSecond: a file whose rows all say the same second (10,000 here,
// some twice, some held) keeps each row once, in the order received, without
// comparing every pair.
func TestFreshManyOnOneSecond(t *testing.T) {
	row := func(i int) []byte { return fmt.Appendf(nil, "%d,2024-03-01 00:00:00,1000,1001\r\n", i) }
	var own Day
	for i := 0; i < 10000; i += 3 {
		own.Add(7, row(i), "1000", "1001")
	}
	var in Day
	for i := range 10000 {
		in.Add(7, row(i), "", "")
		if i%5 == 0 {
			in.Add(7, row(i), "", "")
		}
	}
	seed := maphash.MakeSeed()
	fresh := Fresh(func(b []byte) uint64 { return maphash.Bytes(seed, b) }, own, nil, in)
	var want [][]byte
	for i := range 10000 {
		if i%3 != 0 {
			want = append(want, row(i))
		}
	}
	got := fresh.Rows
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%d fresh rows, want %d", len(got), len(want))
	}
}

// A Row is a row of a test's Day, written as one value.
type Row struct {
	Sec      int32
	Bytes    []byte
	From, To string
}

func dayOf(rows ...Row) Day {
	var d Day
	for _, r := range rows {
		d.Add(r.Sec, r.Bytes, r.From, r.To)
	}
	return d
}

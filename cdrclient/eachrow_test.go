package cdrclient

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkEachRow says how eachRow's reading of data differs from a Table's, "" when it
// does not: the same header bytes, each record's bytes, the values of every column
// of the header and of one it lacks, and the same error.
func checkEachRow(data []byte) string {
	tab := NewTable()
	tab.Write(data)
	tabErr := tab.Close()
	names := append(tab.Columns(), "no such column")
	var want bytes.Buffer
	tab.WriteRowsTo(&want, nil)
	i := 0
	var problem string
	header, err := eachRow(data, names, func(row []byte, values [][]byte) {
		if problem != "" {
			return
		}
		if i >= tab.Len() {
			problem = fmt.Sprintf("record %d: the table has %d", i, tab.Len())
			return
		}
		if !bytes.Equal(row, tab.RawRow(i)) {
			problem = fmt.Sprintf("record %d: bytes %q, the table's %q", i, row, tab.RawRow(i))
		}
		for k, name := range names {
			w := ""
			if col := tab.Column(name); col >= 0 {
				w = tab.Field(i, col)
			}
			if string(values[k]) != w {
				problem = fmt.Sprintf("record %d, column %q: %q, the table's %q", i, name, values[k], w)
			}
		}
		i++
	})
	switch {
	case problem != "":
		return problem
	case !reflect.DeepEqual(err, tabErr):
		return fmt.Sprintf("error %v, the table's %v", err, tabErr)
	case tabErr == nil && i != tab.Len():
		return fmt.Sprintf("%d records, the table's %d", i, tab.Len())
	case !bytes.Equal(header, want.Bytes()):
		return fmt.Sprintf("header %q, the table's %q", header, want.Bytes())
	}
	return ""
}

// TestEachRowAsTable: on the fixtures, awkward inputs and 20,000 random ones (quotes,
// line breaks in fields, blank lines, short and long rows, byte order marks, GB18030),
// eachRow reads what a Table reads.
func TestEachRowAsTable(t *testing.T) {
	var inputs [][]byte
	addFuzzSeeds(t, func(b []byte) { inputs = append(inputs, b) })
	rnd := rand.New(rand.NewPCG(9, 9))
	for range 20000 {
		inputs = append(inputs, genCSV(rnd))
	}
	for _, data := range inputs {
		if p := checkEachRow(data); p != "" {
			t.Fatalf("%q: %s", data, p)
		}
	}
}

// FuzzEachRow: any input is read by eachRow as a Table reads it.
func FuzzEachRow(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, data []byte) {
		if p := checkEachRow(data); p != "" {
			t.Fatalf("%q: %s", data, p)
		}
	})
}

// spansOf writes data to a RowSpans in pieces cut by rnd (whole when rnd is nil).
func spansOf(data []byte, names []string, rnd *rand.Rand) (*RowSpans, error) {
	s := NewRowSpans(names, nil)
	if rnd == nil {
		s.Write(data)
	} else {
		writeSplit(s, data, rnd.IntN(3), rnd)
	}
	return s, s.Close()
}

// checkRowSpans says how a RowSpans' reading of data, written in pieces cut by rnd,
// differs from eachRow's (which reads as a Table does), "" when it does not.
func checkRowSpans(data []byte, rnd *rand.Rand) string {
	tab := NewTable()
	tab.Write(data)
	tab.Close()
	names := append(tab.Columns(), "no such column", "timestart")
	type rec struct {
		row    string
		values []string
	}
	read := func(each func(func([]byte, [][]byte)) []byte) ([]rec, []byte) {
		var out []rec
		header := each(func(row []byte, values [][]byte) {
			r := rec{row: string(row)}
			for _, v := range values {
				r.values = append(r.values, string(v))
			}
			out = append(out, r)
		})
		return out, header
	}
	var wantErr error
	want, wantHeader := read(func(f func([]byte, [][]byte)) []byte {
		h, err := eachRow(data, names, f)
		wantErr = err
		return h
	})
	s, err := spansOf(data, names, rnd)
	got, header := read(s.Each)
	switch {
	case !reflect.DeepEqual(err, wantErr):
		return fmt.Sprintf("error %v, eachRow's %v", err, wantErr)
	case err != nil:
		return ""
	case !bytes.Equal(header, wantHeader):
		return fmt.Sprintf("header %q, eachRow's %q", header, wantHeader)
	case !reflect.DeepEqual(got, want):
		return fmt.Sprintf("records %q, eachRow's %q", got, want)
	case s.Len() != len(want):
		return fmt.Sprintf("Len %d, %d records", s.Len(), len(want))
	}
	for k, name := range names {
		first := ""
		if len(want) > 0 {
			first = want[0].values[k]
		}
		if got := s.First(name); got != first {
			return fmt.Sprintf("First(%q) %q, the first record's %q", name, got, first)
		}
	}
	return ""
}

// TestRowSpansAsEachRow: on the fixtures, awkward inputs and 20,000 random ones, each
// written whole and in random pieces, a RowSpans reads what eachRow reads.
func TestRowSpansAsEachRow(t *testing.T) {
	var inputs [][]byte
	addFuzzSeeds(t, func(b []byte) { inputs = append(inputs, b) })
	rnd := rand.New(rand.NewPCG(7, 7))
	for range 20000 {
		inputs = append(inputs, genCSV(rnd))
	}
	for _, data := range inputs {
		for _, r := range []*rand.Rand{nil, rnd} {
			if p := checkRowSpans(data, r); p != "" {
				t.Fatalf("%q: %s", data, p)
			}
		}
	}
}

// FuzzRowSpans: any input, written in any pieces, is read by a RowSpans as eachRow
// reads it.
func FuzzRowSpans(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b, uint64(1)) })
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		if p := checkRowSpans(data, rand.New(rand.NewPCG(seed, 0))); p != "" {
			t.Fatalf("%q: %s", data, p)
		}
	})
}

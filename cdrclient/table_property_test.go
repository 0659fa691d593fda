package cdrclient

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// newSmallChunkTable returns a table whose chunks hold only n bytes, so that small
// inputs exercise moving unfinished rows to new chunks and growing a chunk in place.
func newSmallChunkTable(n int) *Table {
	t := NewTable()
	t.raw.chunkSize = n
	return t
}

// TestTableProperties feeds many generated inputs in several ways and checks that the
// model never depends on how the bytes arrive or how they are stored, that the raw
// bytes come back exactly, and that the fields agree with encoding/csv.
func TestTableProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	iterations := 2000
	if testing.Short() {
		iterations = 200
	}
	for i := range iterations {
		data := genCSV(rnd)
		var first tableModel
		var firstErr error
		for variant := range 4 {
			tab := NewTable()
			if variant == 3 {
				tab = newSmallChunkTable(1 + rnd.IntN(40))
			}
			if err := writeSplit(tab, data, variant%3, rnd); err != nil {
				t.Fatalf("input %d %q: Write: %v", i, data, err)
			}
			closeErr := tab.Close()
			var out bytes.Buffer
			tab.WriteTo(&out)
			if !bytes.Equal(out.Bytes(), data) {
				t.Fatalf("input %d %q (variant %d): WriteTo gave %q", i, data, variant, out.Bytes())
			}
			m := modelOf(tab)
			if variant == 0 {
				first, firstErr = m, closeErr
				compareTableWithCSV(t, tab, data, closeErr)
				continue
			}
			if !reflect.DeepEqual(m, first) || (closeErr == nil) != (firstErr == nil) {
				t.Fatalf("input %d %q: variant %d gives %+v (err %v), whole input %+v (err %v)",
					i, data, variant, m, closeErr, first, firstErr)
			}
		}
	}
}

// TestRowParserProperties checks the RowParser against a table of the same input.
func TestRowParserProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		data := genCSV(rnd)
		tab := NewTable()
		tab.Write(data)
		tabErr := tab.Close()
		wantHeader, wantRows := expectedRows(tab)
		for mode := range 3 {
			var h recordingHandler
			p := NewRowParser(&h)
			if err := writeSplit(p, data, mode, rnd); err != nil {
				t.Fatal(err)
			}
			err := p.Close()
			if (err == nil) != (tabErr == nil) {
				t.Fatalf("input %q: RowParser error %v, Table error %v", data, err, tabErr)
			}
			if err != nil {
				continue
			}
			if !reflect.DeepEqual(h.header, wantHeader) || !reflect.DeepEqual(h.rows, wantRows) {
				t.Fatalf("input %q (mode %d):\nrow parser %q %q\nwant       %q %q", data, mode, h.header, h.rows, wantHeader, wantRows)
			}
		}
	}
}

// TestTableChunks checks storage at the real chunk size: many rows across chunk
// boundaries, a row over 64 KiB (32-bit ends) and a row longer than a chunk.
func TestTableChunks(t *testing.T) {
	var in bytes.Buffer
	in.WriteString(refHeader + "\r\n")
	want := [][]string{}
	for i := range 40000 { // ~3.6 MB: several chunks
		if i == 1000 || i == 30000 {
			long := strings.Repeat("x", 70<<10)
			if i == 30000 {
				long = strings.Repeat("长", 1<<20) // 3 MiB: longer than a chunk
			}
			in.WriteString("1," + long + ",\"q,\"\"" + long + "\",end\r\n")
			want = append(want, []string{"1", long, `q,"` + long, "end"})
			continue
		}
		in.WriteString(refRow + "\r\n")
		want = append(want, refValues[:4])
	}
	data := in.Bytes()
	tab := parseTable(t, data)
	if tab.Len() != len(want) || len(tab.raw.chunks) < 4 {
		t.Fatalf("%d rows in %d chunks, want %d rows in several chunks", tab.Len(), len(tab.raw.chunks), len(want))
	}
	for r, row := range want {
		for c, v := range row {
			if got := tab.Field(r, c); got != v {
				t.Fatalf("row %d col %d: %d bytes, want %d", r, c, len(got), len(v))
			}
		}
	}
	var out bytes.Buffer
	tab.WriteTo(&out)
	if !bytes.Equal(out.Bytes(), data) {
		t.Error("chunks do not concatenate to the input")
	}
	for _, c := range tab.raw.chunks[:len(tab.raw.chunks)-1] {
		if len(c) > 0 && c[len(c)-1] != '\n' {
			t.Error("a chunk ends inside a row")
		}
	}
}

// TestTableLongHeader checks a header line over 64 KiB.
func TestTableLongHeader(t *testing.T) {
	name := strings.Repeat("n", 70<<10)
	tab := parseTable(t, []byte("callid,"+name+",sn\r\n1,2,3\r\n"))
	if tab.Column(name) != 1 || tab.Column(ColSN) != 2 || tab.Record(0).SN() != "3" {
		t.Errorf("columns %d/%d, sn %q", tab.Column(name), tab.Column(ColSN), tab.Record(0).SN())
	}
}

package cdrclient

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// addFuzzSeeds adds the fixtures and some awkward inputs to a fuzz corpus.
func addFuzzSeeds(f testing.TB, add func([]byte)) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(b)
	}
	for _, s := range []string{"", "\xef\xbb\xbf", "a\n", "a,b\r\n1,\"x\r\ny\"\r\n", "\"", "a\n\"x\"y,\"\r", "\r", "\r\n\r\na",
		"a,b\n1,2,3\n4\n", "a\n\"\"\"\"\n", "\xb5\xe7\n\xd0\xc5\n"} {
		add([]byte(s))
	}
}

// FuzzTable checks that any input is taken without panic, comes back byte for byte,
// reads the same whether written whole or in pieces, and agrees with encoding/csv.
func FuzzTable(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b, uint64(1)) })
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		whole := NewTable()
		whole.Write(data)
		err := whole.Close()
		var out bytes.Buffer
		if whole.WriteTo(&out); !bytes.Equal(out.Bytes(), data) {
			t.Fatalf("WriteTo gave %q", out.Bytes())
		}
		compareTableWithCSV(t, whole, data, err)
		rnd := rand.New(rand.NewPCG(seed, 0))
		// Tiny chunks, but not so many that the 4096 slots of virtual space run out.
		pieces := newSmallChunkTable(max(1+rnd.IntN(64), len(data)/1000))
		writeSplit(pieces, data, 2, rnd)
		err2 := pieces.Close()
		if (err == nil) != (err2 == nil) || !reflect.DeepEqual(modelOf(whole), modelOf(pieces)) {
			t.Fatalf("written in pieces: %+v (err %v); whole: %+v (err %v)", modelOf(pieces), err2, modelOf(whole), err)
		}
	})
}

// FuzzRowParser checks the streaming parser against a table of the same input.
func FuzzRowParser(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b, uint64(1)) })
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		tab := NewTable()
		tab.Write(data)
		tabErr := tab.Close()
		var h recordingHandler
		p := NewRowParser(&h)
		writeSplit(p, data, 2, rand.New(rand.NewPCG(seed, 0)))
		err := p.Close()
		if (err == nil) != (tabErr == nil) {
			t.Fatalf("row parser error %v, table error %v", err, tabErr)
		}
		if err != nil {
			return
		}
		header, rows := expectedRows(tab)
		if !reflect.DeepEqual(h.header, header) || !reflect.DeepEqual(h.rows, rows) {
			t.Fatalf("row parser %q %q, want %q %q", h.header, h.rows, header, rows)
		}
	})
}

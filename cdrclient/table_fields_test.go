package cdrclient

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestAppendFieldsEqualsAppendField reads generated tables (quotes, GB18030, short and
// long rows, small chunks) with AppendFields and compares every value with AppendField.
func TestAppendFieldsEqualsAppendField(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for i := range 500 {
		data := genCSV(rnd)
		if i%50 == 0 { // a row over 64 KiB, which the index keeps apart
			data = append(data, []byte("\n"+string(bytes.Repeat([]byte("x"), 70000))+",b,\"c\"\n")...)
		}
		tab := newSmallChunkTable(1 + rnd.IntN(200))
		tab.Write(data)
		if tab.Close() != nil {
			continue
		}
		ncol := len(tab.Columns())
		cols := []int{-1}
		for c := range ncol + 2 {
			cols = append(cols, c, ncol-1-c)
		}
		ends := make([]int, len(cols))
		for row := range tab.Len() {
			got := tab.AppendFields([]byte("prefix"), ends, row, cols)
			at := len("prefix")
			for k, col := range cols {
				want := tab.AppendField(nil, row, col)
				if !bytes.Equal(got[at:ends[k]], want) {
					t.Fatalf("input %d %q row %d col %d: AppendFields %q, AppendField %q", i, data, row, col, got[at:ends[k]], want)
				}
				at = ends[k]
			}
		}
	}
}

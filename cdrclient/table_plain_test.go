package cdrclient

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestPlainFieldsEqualsAppendField reads generated tables (quotes, GB18030, short and
// long rows, small chunks) with PlainFields: every row it answers must give the values
// AppendField gives, and it must answer the plain rows and decline the others often.
func TestPlainFieldsEqualsAppendField(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	answered, declined := 0, 0
	for i := range 500 {
		data := genCSV(rnd)
		if i%50 == 0 { // a row over 64 KiB, which the index keeps apart
			data = append(data, []byte("\n"+string(bytes.Repeat([]byte("x"), 70000))+",b,\"c\"\n")...)
		}
		if i%100 == 1 { // rows whose index entries straddle the index's pages
			for r := range 3000 {
				data = fmt.Appendf(data, "\n%d,\"q\",%d", r, r*7)
			}
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
		fields := make([][]byte, len(cols))
		for row := range tab.Len() {
			if !tab.PlainFields(fields, row, cols) {
				declined++
				continue
			}
			answered++
			for k, col := range cols {
				if want := tab.AppendField(nil, row, col); !bytes.Equal(fields[k], want) {
					t.Fatalf("input %d %q row %d col %d: PlainFields %q, AppendField %q", i, data, row, col, fields[k], want)
				}
			}
		}
	}
	if answered < 100 || declined < 100 {
		t.Errorf("%d rows answered, %d declined: the inputs do not exercise both", answered, declined)
	}
}

// TestPlainFieldsDeclines names the rows PlainFields must leave to AppendFields.
func TestPlainFieldsDeclines(t *testing.T) {
	long := string(bytes.Repeat([]byte("x"), 70000))
	cases := []struct {
		name, csv string
		plain     bool
	}{
		{"plain", "a,b,c\n1,2,3\n", true},
		{"short row", "a,b,c\n1\n", true},
		{"quoted", "a,b,c\n1,\"2\",3\n", false},
		{"quoted outside cols", "a,b,c,d\n1,2,3,\"4\"\n", true},
		{"GB18030 text", "a,b,c\n1,\xb5\xe7\xd0\xc5,3\n", false},
		{"long row", "a,b,c\n1," + long + ",3\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab := NewTable()
			tab.Write([]byte(tc.csv))
			if err := tab.Close(); err != nil {
				t.Fatal(err)
			}
			fields := make([][]byte, 4)
			if got := tab.PlainFields(fields, 0, []int{0, 1, 2, -1}); got != tc.plain {
				t.Errorf("PlainFields = %v, want %v", got, tc.plain)
			}
		})
	}
}

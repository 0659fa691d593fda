package cdrclient

import (
	"bytes"
	"errors"
	"testing"
)

func TestWriteRowsTo(t *testing.T) {
	cases := []struct {
		name string
		in   string
		rows []int
		want string
	}{
		{name: "subset in new order", in: "a,b\r\n1,2\r\n3,4\r\n5,6\r\n", rows: []int{2, 0},
			want: "a,b\r\n5,6\r\n1,2\r\n"},
		{name: "no rows", in: "a,b\r\n1,2\r\n", rows: nil, want: "a,b\r\n"},
		{name: "BOM and LF kept", in: "\xef\xbb\xbfa\n1\n2\n", rows: []int{1}, want: "\xef\xbb\xbfa\n2\n"},
		{name: "blank lines dropped", in: "\n\na\r\n\r\n1\r\n\r\n2\r\n", rows: []int{0, 1}, want: "a\r\n1\r\n2\r\n"},
		{name: "last row gets the header's CRLF", in: "a\r\n1\r\n2", rows: []int{1, 0}, want: "a\r\n2\r\n1\r\n"},
		{name: "last row gets the header's LF", in: "a\n1\n2", rows: []int{1, 0}, want: "a\n2\n1\n"},
		{name: "trailing CR completed", in: "a\n1\n2\r", rows: []int{1, 0}, want: "a\n2\r\n1\n"},
		{name: "quoted newlines kept raw", in: "a,b\r\n\"x\r\ny\",1\r\n2,\"q\"\"\"\r\n", rows: []int{1, 0},
			want: "a,b\r\n2,\"q\"\"\"\r\n\"x\r\ny\",1\r\n"},
		{name: "GB18030 bytes kept raw", in: "a\r\n\xb5\xe7\xd0\xc5\r\n", rows: []int{0}, want: "a\r\n\xb5\xe7\xd0\xc5\r\n"},
		{name: "header without line ending", in: "a,b", rows: nil, want: "a,b"},
		{name: "empty table", in: "", rows: nil, want: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab := parseTable(t, []byte(tc.in))
			var out bytes.Buffer
			n, err := tab.WriteRowsTo(&out, tc.rows)
			if err != nil || out.String() != tc.want || n != int64(out.Len()) {
				t.Fatalf("WriteRowsTo = %d, %v, %q; want %q", n, err, out.String(), tc.want)
			}
			// What was written must read back as the same records.
			back := parseTable(t, out.Bytes())
			for i, r := range tc.rows {
				for c := range tab.Columns() {
					if back.Field(i, c) != tab.Field(r, c) {
						t.Errorf("saved row %d col %d reads %q, want %q", i, c, back.Field(i, c), tab.Field(r, c))
					}
				}
			}
		})
	}
}

type failingWriter struct{ after int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.after {
		n := w.after
		w.after = 0
		return n, errDiskFull
	}
	w.after -= len(p)
	return len(p), nil
}

func TestWriteRowsToErrors(t *testing.T) {
	tab := parseTable(t, bytes.Repeat([]byte("1234567,abc\r\n"), 20000))
	all := make([]int, tab.Len())
	for i := range all {
		all[i] = i
	}
	n, err := tab.WriteRowsTo(&failingWriter{after: 100000}, all)
	if !errors.Is(err, errDiskFull) || n != 100000 {
		t.Errorf("WriteRowsTo = %d, %v; want 100000, disk full", n, err)
	}
	if n, err := tab.WriteTo(&failingWriter{after: 10}); !errors.Is(err, errDiskFull) || n != 10 {
		t.Errorf("WriteTo = %d, %v; want 10, disk full", n, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("a row out of range did not panic")
		}
	}()
	tab.WriteRowsTo(&bytes.Buffer{}, []int{tab.Len()})
}

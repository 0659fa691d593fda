package cdrclient

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// joinAll joins bodies (each written in pieces according to mode) and returns the
// output, the joiner and the first error.
func joinAll(bodies []string, mode int, rnd *rand.Rand) (string, *Joiner, error) {
	var out bytes.Buffer
	j := NewJoiner(&out)
	for _, b := range bodies {
		j.BeginWindow()
		if err := writeSplit(j, []byte(b), mode, rnd); err != nil {
			return out.String(), j, err
		}
	}
	err := j.Close()
	return out.String(), j, err
}

var stdHeaderCRLF = strings.Join(StandardColumns, ",") + "\r\n"

func TestJoiner(t *testing.T) {
	h := "a,b\r\n"
	cases := []struct {
		name    string
		bodies  []string
		want    string
		records int64
		errMsg  string // non-empty: a *CSVError with this message
		cut     string // non-empty: a *TruncatedError with this message
	}{
		{name: "one body unchanged", bodies: []string{"\xef\xbb\xbf\r\n" + h + "1,2\r\n\r\n3,4"},
			want: "\xef\xbb\xbf\r\n" + h + "1,2\r\n\r\n3,4", records: 2},
		{name: "later BOM and header dropped", bodies: []string{"\xef\xbb\xbf" + h + "1,2\r\n", "\xef\xbb\xbf" + h + "3,4\r\n", h + "5,6\r\n"},
			want: "\xef\xbb\xbf" + h + "1,2\r\n3,4\r\n5,6\r\n", records: 3},
		{name: "blank lines before a later header dropped", bodies: []string{h + "1,2\r\n", "\r\n\n" + h + "3,4\r\n"},
			want: h + "1,2\r\n3,4\r\n", records: 2},
		{name: "same names in another spelling", bodies: []string{"x,dsttrunkname\n1,2\n", " X ,DestTrunkName\r\n3,4\r\n"},
			want: "x,dsttrunkname\n1,2\n3,4\r\n", records: 2},
		{name: "missing newline gets CRLF", bodies: []string{h + "1,2", h + "3,4"},
			want: h + "1,2\r\n3,4", records: 2},
		{name: "missing newline gets LF", bodies: []string{"a,b\n1,2", "a,b\n3,4\n"},
			want: "a,b\n1,2\n3,4\n", records: 2},
		{name: "trailing CR completed", bodies: []string{"a,b\n1,2\r", "a,b\n3,4\n"},
			want: "a,b\n1,2\r\n3,4\n", records: 2},
		{name: "header-only first body without newline", bodies: []string{"a,b", "a,b\r\n3,4\r\n"},
			want: "a,b\r\n3,4\r\n", records: 1},
		{name: "empty and header-only windows add nothing", bodies: []string{"", h + "1,2", "", h, "a,b", "\r\n", h + "3,4\r\n"},
			want: h + "1,2\r\n3,4\r\n", records: 2},
		{name: "first header from the first body that has one", bodies: []string{"", "\r\n", "\xef\xbb\xbf" + h + "1,2\r\n"},
			want: "\xef\xbb\xbf" + h + "1,2\r\n", records: 1},
		{name: "quoted newlines are not rows", bodies: []string{h + "\"x\r\ny\",1\r\n", h + "2,\"a\nb\nc\"\n"},
			want: h + "\"x\r\ny\",1\r\n2,\"a\nb\nc\"\n", records: 2},
		{name: "quoted header", bodies: []string{"\"a\",\"b\r\nc\"\r\n1,2\r\n", "a,\"b\r\nc\"\r\n3,4\r\n"},
			want: "\"a\",\"b\r\nc\"\r\n1,2\r\n3,4\r\n", records: 2},
		{name: "zero windows", bodies: nil, want: stdHeaderCRLF},
		{name: "only empty windows", bodies: []string{"", "\xef\xbb\xbf", "\r\n"}, want: stdHeaderCRLF},
		{name: "columns changed", bodies: []string{h + "1,2\r\n", "a,c\r\n3,4\r\n"},
			want: h + "1,2\r\n", records: 1, errMsg: msgColumnsChanged},
		{name: "column added", bodies: []string{h + "1,2\r\n", "a,b,c\r\n3,4,5\r\n"},
			want: h + "1,2\r\n", records: 1, errMsg: msgColumnsChanged},
		{name: "GBK header compared by its bytes", bodies: []string{"\xcc\xab\xd4\xad,\xb5\xe7\n1,2\n", "\xcc\xab\xd4\xad,\xb5\xe7\n3,4\n"},
			want: "\xcc\xab\xd4\xad,\xb5\xe7\n1,2\n3,4\n", records: 2},
		{name: "same names in another encoding", bodies: []string{"a,\xb5\xe7\n1,2\n", "a,电\n3,4\n"},
			want: "a,\xb5\xe7\n1,2\n", records: 1, errMsg: msgColumnsChanged},
		{name: "header-only window with other columns", bodies: []string{h + "1,2\r\n", "a,c"},
			want: h + "1,2\r\n", records: 1, errMsg: msgColumnsChanged},
		{name: "cut in a later header", bodies: []string{h + "1,2\r\n", "a"},
			want: h + "1,2\r\n", records: 1, cut: msgCutShortRow},
		{name: "cut inside a quoted header", bodies: []string{"a,\"b"},
			want: "", cut: msgCutInQuote},
		{name: "open quote at the end of a window", bodies: []string{h + "1,\"2\r\n", h + "3,4\r\n"},
			want: h, cut: msgCutInQuote},
		{name: "last row short", bodies: []string{h + "1,2\r\n3", h + "5,6\r\n"},
			want: h + "1,2\r\n", records: 1, cut: msgCutShortRow},
		{name: "last row short after a quoted field", bodies: []string{h + "1,2\r\n\"3\"\r"},
			want: h + "1,2\r\n", records: 1, cut: msgCutShortRow},
		{name: "last row complete after a quoted field", bodies: []string{h + "1,2\r\n3,\"4\"", h + "5,6\r\n"},
			want: h + "1,2\r\n3,\"4\"\r\n5,6\r\n", records: 3},
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, tc := range cases {
		for mode := range 3 {
			got, j, err := joinAll(tc.bodies, mode, rnd)
			var ce *CSVError
			var te *TruncatedError
			switch {
			case tc.errMsg != "" || tc.cut != "":
				if (tc.errMsg == "" || !errors.As(err, &ce) || ce.Msg != tc.errMsg) &&
					(tc.cut == "" || !errors.As(err, &te) || te.Msg != tc.cut) {
					t.Errorf("%s (mode %d): error %v, want %q", tc.name, mode, err, tc.errMsg+tc.cut)
				}
				if err2 := j.Close(); err2 != err {
					t.Errorf("%s: Close after an error = %v, want the same error", tc.name, err2)
				}
			case err != nil:
				t.Errorf("%s (mode %d): %v", tc.name, mode, err)
			}
			if got != tc.want || j.Bytes() != int64(len(got)) || j.Records() != tc.records {
				t.Errorf("%s (mode %d): got %q, %d bytes, %d records; want %q, %d records",
					tc.name, mode, got, j.Bytes(), j.Records(), tc.want, tc.records)
			}
		}
	}
}

func TestJoinerErrorLine(t *testing.T) {
	_, _, err := joinAll([]string{"a\r\n1\r\n", "\r\n\r\nb\r\n2\r\n"}, 0, nil)
	var ce *CSVError
	if !errors.As(err, &ce) || ce.Line != 3 || ce.Error() != "CSV line 3: "+msgColumnsChanged {
		t.Errorf("error %v, want line 3 of the window", err)
	}
}

func TestJoinerWriteErrors(t *testing.T) {
	j := NewJoiner(&failingWriter{after: 5})
	if _, err := j.Write([]byte("a,b\r\n1,2\r\n")); !errors.Is(err, errDiskFull) {
		t.Fatalf("Write = %v, want the destination's error", err)
	}
	if _, err := j.Write([]byte("3,4\r\n")); !errors.Is(err, errDiskFull) {
		t.Errorf("second Write = %v, want the same error", err)
	}
	if err := j.Close(); !errors.Is(err, errDiskFull) {
		t.Errorf("Close = %v, want the same error", err)
	}
	j = NewJoiner(&bytes.Buffer{})
	j.Close()
	if _, err := j.Write([]byte("a")); err == nil {
		t.Error("Write after Close succeeded")
	}
}

// TestJoinerProperties joins random bodies sharing a header and checks the output
// against tables of each body: the same rows, field for field, and the same count.
func TestJoinerProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		var bodies []string
		for range rnd.IntN(4) {
			bodies = append(bodies, string(genCSV(rnd)))
		}
		checkJoin(t, bodies, rnd)
	}
}

// checkJoin joins bodies and checks the result against tables of the bodies.
func checkJoin(t *testing.T, bodies []string, rnd *rand.Rand) {
	t.Helper()
	var tables []*Table
	var bodyErr error
	for _, b := range bodies {
		tab := NewTable()
		tab.Write([]byte(b))
		if err := tab.Close(); err != nil && bodyErr == nil {
			bodyErr = err
		}
		tables = append(tables, tab)
	}
	got, j, err := joinAll(bodies, rnd.IntN(3), rnd)
	var ce *CSVError
	var te *TruncatedError
	switch {
	case err != nil && errors.As(err, &ce) && ce.Msg == msgColumnsChanged:
		return // genCSV gives each body its own header; matching ones are checked below
	case errors.As(err, &te) != cutBody(tables):
		t.Fatalf("bodies %q: joiner error %v, want a cut-off body: %v", bodies, err, cutBody(tables))
	case (err != nil) != (bodyErr != nil || te != nil):
		t.Fatalf("bodies %q: joiner error %v, table error %v", bodies, err, bodyErr)
	case err != nil:
		return
	}
	out := parseTable(t, []byte(got))
	var want [][]string
	for _, tab := range tables {
		for r := 1; r < tab.rowStart.n; r++ {
			want = append(want, rawFields(tab, r))
		}
	}
	if out.Len() != len(want) || j.Records() != int64(len(want)) || j.Bytes() != int64(len(got)) {
		t.Fatalf("bodies %q: output %q has %d rows, Records %d, Bytes %d; want %d rows",
			bodies, got, out.Len(), j.Records(), j.Bytes(), len(want))
	}
	for r, w := range want {
		if g := rawFields(out, r+1); strings.Join(g, "\x00") != strings.Join(w, "\x00") {
			t.Fatalf("bodies %q: output row %d = %q, want %q", bodies, r, g, w)
		}
	}
}

// cutBody reports whether the Joiner must find one of the bodies (as tables) cut off:
// a quoted field open at its end, or a last row without a line ending that has fewer
// fields than the first header.
func cutBody(tables []*Table) bool {
	width := -1
	for _, tab := range tables {
		if tab.err != nil {
			return true // the one error a Table reports: a quoted field still open
		}
		if tab.rowStart.n == 0 {
			continue
		}
		if width < 0 {
			width = tab.fieldCount(0)
		}
		last := tab.rowStart.n - 1
		if raw := tab.rawRow(last); raw[len(raw)-1] != '\n' && tab.fieldCount(last) < width {
			return true
		}
	}
	return false
}

// rawFields returns the raw bytes of every field of internal row r.
func rawFields(tab *Table, r int) []string {
	var f []string
	for c := range tab.fieldCount(r) {
		f = append(f, string(tab.fieldBytes(r, c)))
	}
	return f
}

// TestJoinerSameHeaderProperties gives all bodies one header so that rows really join.
func TestJoinerSameHeaderProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for range 500 {
		header := []string{"a,b\r\n", "a,b\n", "\xef\xbb\xbfa,b\r\n", "\r\nA , B\n"}
		var bodies []string
		for range 1 + rnd.IntN(4) {
			body := genCSV(rnd)
			if i := bytes.IndexByte(body, '\n'); i >= 0 && !bytes.Contains(body[:i], []byte{'"'}) {
				body = body[i+1:] // drop the generated header (when it is one line)
			}
			bodies = append(bodies, header[rnd.IntN(len(header))]+string(body))
		}
		checkJoin(t, bodies, rnd)
	}
}

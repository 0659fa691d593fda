package cdrclient

import (
	"errors"
	"reflect"
	"testing"
)

func TestRowParserCases(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		header  []string
		rows    [][]string
		wantErr bool
	}{
		{name: "reference", in: refHeader + "\r\n" + refRow + "\r\n", header: StandardColumns, rows: [][]string{refValues}},
		{name: "BOM, trimmed names, no final newline", in: "\xef\xbb\xbf a ,b\n1,2", header: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "short padded, long cut", in: "a,b\n1\n1,2,3\n", header: []string{"a", "b"}, rows: [][]string{{"1", ""}, {"1", "2"}}},
		{name: "quotes", in: "a,b\r\n\"x,\"\"y\"\"\",\"l1\r\nl2\"\r\n", header: []string{"a", "b"}, rows: [][]string{{`x,"y"`, "l1\nl2"}}},
		{name: "one encoding for the whole input", in: "a\n\xb5\xe7\xd0\xc5\n电信\n", header: []string{"a"}, rows: [][]string{{"电信"}, {"鐢典俊"}}},
		{name: "GBK that is valid UTF-8 read as GBK", in: "a\n1\n\xcc\xab\xd4\xad\n2\n\xb5\xe7\xd0\xc5\n", header: []string{"a"},
			rows: [][]string{{"1"}, {"太原"}, {"2"}, {"电信"}}},
		{name: "GBK header waits for the decision", in: "\xcc\xab\xd4\xad\n\xb5\xe7\xd0\xc5", header: []string{"太原"}, rows: [][]string{{"电信"}}},
		{name: "UTF-8", in: "a\n电信\n\r\n太原", header: []string{"a"}, rows: [][]string{{"电信"}, {"太原"}}},
		{name: "BOM means UTF-8", in: "\xef\xbb\xbfa\n\xb5\xe7\n", header: []string{"a"}, rows: [][]string{{"\xb5\xe7"}}},
		{name: "empty input"},
		{name: "blank lines only", in: "\r\n\n"},
		{name: "header only", in: "a,b\r\n", header: []string{"a", "b"}},
		{name: "open quote", in: "a\n\"x\n", header: []string{"a"}, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var h recordingHandler
			p := NewRowParser(&h)
			if _, err := p.Write([]byte(tc.in)); err != nil {
				t.Fatal(err)
			}
			err := p.Close()
			var ce *CSVError
			if tc.wantErr != errors.As(err, &ce) {
				t.Fatalf("Close() = %v, want error %v", err, tc.wantErr)
			}
			if !reflect.DeepEqual(h.header, tc.header) || !reflect.DeepEqual(h.rows, tc.rows) {
				t.Errorf("got %q %q, want %q %q", h.header, h.rows, tc.header, tc.rows)
			}
			if err2 := p.Close(); err2 != err {
				t.Errorf("second Close() = %v, want %v", err2, err)
			}
		})
	}
}

// failingHandler fails at a given row (-1: in Header).
type failingHandler struct {
	failAt int
	rows   int
}

var errHandler = errors.New("handler failed")

func (h *failingHandler) Header([]string) error {
	if h.failAt < 0 {
		return errHandler
	}
	return nil
}

func (h *failingHandler) Row([]string) error {
	if h.rows == h.failAt {
		return errHandler
	}
	h.rows++
	return nil
}

func TestRowParserHandlerErrors(t *testing.T) {
	for _, failAt := range []int{-1, 0, 2} {
		h := &failingHandler{failAt: failAt}
		p := NewRowParser(h)
		_, err := p.Write([]byte("a\n1\n2\n3\n4\n"))
		if !errors.Is(err, errHandler) {
			t.Errorf("failAt %d: Write = %v, want the handler's error", failAt, err)
		}
		if _, err := p.Write([]byte("5\n")); !errors.Is(err, errHandler) {
			t.Errorf("failAt %d: later Write = %v, want the same error", failAt, err)
		}
		if err := p.Close(); !errors.Is(err, errHandler) {
			t.Errorf("failAt %d: Close = %v, want the same error", failAt, err)
		}
		if h.rows != max(failAt, 0) {
			t.Errorf("failAt %d: %d rows handled after the failure", failAt, h.rows)
		}
	}
	p := NewRowParser(&recordingHandler{})
	p.Close()
	if _, err := p.Write([]byte("a")); err == nil {
		t.Error("Write after Close succeeded")
	}
}

// TestRowParserFixtures checks the parser against a table on the fixtures.
func TestRowParserFixtures(t *testing.T) {
	for _, name := range []string{"cdr_utf8_crlf.csv", "cdr_bom_lf.csv", "cdr_gb18030.csv"} {
		data := readFixture(t, name)
		m := modelOf(parseTable(t, data))
		var h recordingHandler
		p := NewRowParser(&h)
		writeSplit(p, data, 1, nil)
		if err := p.Close(); err != nil || !reflect.DeepEqual(h.header, m.Columns) || !reflect.DeepEqual(h.rows, m.Rows) {
			t.Errorf("%s: row parser %q %q (err %v), table %q %q", name, h.header, h.rows, err, m.Columns, m.Rows)
		}
	}
}

package cdrclient

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

const refHeader = "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn"
const refRow = "1589299528.4,2020-05-12 17:05:28,966024422,110,42,34,MEO,,ANSWERED,Inbound,,,,369392534749"

// refValues is refRow split by hand.
var refValues = []string{"1589299528.4", "2020-05-12 17:05:28", "966024422", "110", "42", "34", "MEO", "", "ANSWERED", "Inbound", "", "", "", "369392534749"}

// tableModel is everything a reader can see of a Table, for comparisons.
type tableModel struct {
	Columns  []string
	Rows     [][]string // Field of every header column
	Raw      []string   // RawRow of every record
	Width    []int      // fields actually present in every record (extras included)
	Encoding string
}

func modelOf(t *Table) tableModel {
	m := tableModel{Columns: t.Columns(), Encoding: t.Encoding()}
	for r := range t.Len() {
		row := make([]string, len(m.Columns))
		for c := range row {
			row[c] = t.Field(r, c)
			if got := string(t.AppendField([]byte("x"), r, c)); got != "x"+row[c] {
				panic("AppendField differs from Field: " + got)
			}
		}
		m.Rows = append(m.Rows, row)
		m.Raw = append(m.Raw, string(t.RawRow(r)))
		m.Width = append(m.Width, t.fieldCount(r+1))
	}
	return m
}

func TestTableCases(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		cols    []string
		rows    [][]string
		raw     []string // nil: not checked
		wantErr bool
	}{
		{name: "reference CRLF", in: refHeader + "\r\n" + refRow + "\r\n",
			cols: StandardColumns, rows: [][]string{refValues}, raw: []string{refRow + "\r\n"}},
		{name: "reference LF no final newline", in: refHeader + "\n" + refRow,
			cols: StandardColumns, rows: [][]string{refValues}, raw: []string{refRow}},
		{name: "BOM", in: "\xef\xbb\xbfa,b\r\n1,2\r\n",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "BOM then quoted header", in: "\xef\xbb\xbf\"a\",b\n1,2\n",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "BOM only", in: "\xef\xbb\xbf"},
		{name: "half a BOM is data (and not UTF-8)", in: "\xef\xbbx,b\n1,2\n",
			cols: []string{"锘x", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "mixed line endings", in: "a,b\r\n1,2\n3,4\r\n5,6",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}, {"3", "4"}, {"5", "6"}},
			raw: []string{"1,2\n", "3,4\r\n", "5,6"}},
		{name: "blank lines skipped", in: "\r\n\na,b\n\n1,2\r\n\r\n\n3,4\n\r\n",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}, {"3", "4"}},
			raw: []string{"1,2\r\n", "3,4\n"}},
		{name: "quotes with commas, quotes and newlines", in: "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"l1\r\nl2\nl3\"\n",
			cols: []string{"a", "b", "c"}, rows: [][]string{{"x,y", `say "hi"`, "l1\nl2\nl3"}}},
		{name: "empty quoted and unquoted", in: "a,b,c\n\"\",,\"\"\n",
			cols: []string{"a", "b", "c"}, rows: [][]string{{"", "", ""}}},
		{name: "lazy quotes", in: "a,b,c\nx\"y,\"p\"q\",\"\"\"\"\n",
			cols: []string{"a", "b", "c"}, rows: [][]string{{`x"y`, `p"q`, `"`}}},
		{name: "short row padded", in: "a,b,c\n1\n1,2\n",
			cols: []string{"a", "b", "c"}, rows: [][]string{{"1", "", ""}, {"1", "2", ""}}},
		{name: "long row keeps extras raw", in: "a,b\n1,2,3,4\n",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}}, raw: []string{"1,2,3,4\n"}},
		{name: "trailing comma is an empty field", in: "a,b\n1,\n",
			cols: []string{"a", "b"}, rows: [][]string{{"1", ""}}},
		{name: "numbers stay text", in: "callfrom,callto\n+8613912345678,007\n0085291234567,0\n",
			cols: []string{"callfrom", "callto"}, rows: [][]string{{"+8613912345678", "007"}, {"0085291234567", "0"}}},
		{name: "header names trimmed", in: " callid ,\tsn\r\n1,2\r\n",
			cols: []string{"callid", "sn"}, rows: [][]string{{"1", "2"}}},
		{name: "CR inside fields is data", in: "a,b\nx\ry,z\r\r\n",
			cols: []string{"a", "b"}, rows: [][]string{{"x\ry", "z\r"}}},
		{name: "CR at end of input dropped", in: "a,b\n1,2\r",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}}, raw: []string{"1,2\r"}},
		{name: "lone CR line at end", in: "a,b\n1,2\n\r",
			cols: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "quote then CR at end", in: "a\n\"x\"\r",
			cols: []string{"a"}, rows: [][]string{{"x"}}},
		{name: "empty"},
		{name: "only blank lines", in: "\r\n\n\r\n"},
		{name: "header only", in: refHeader + "\r\n", cols: StandardColumns},
		{name: "header only without newline", in: refHeader, cols: StandardColumns},
		{name: "unterminated quote", in: "a,b\n1,\"open\n", cols: []string{"a", "b"}, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab := NewTable()
			if _, err := tab.Write([]byte(tc.in)); err != nil {
				t.Fatal(err)
			}
			err := tab.Close()
			if (err != nil) != tc.wantErr {
				t.Fatalf("Close() = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				var ce *CSVError
				if !errors.As(err, &ce) || ce.Line != 2 || !strings.HasPrefix(err.Error(), "CSV line 2: ") {
					t.Errorf("error %#v, want a *CSVError on line 2", err)
				}
				if err2 := tab.Close(); err2 != err {
					t.Errorf("second Close() = %v, want the same error", err2)
				}
			}
			m := modelOf(tab)
			if len(tc.cols) == 0 {
				tc.cols = nil
			}
			if !reflect.DeepEqual(m.Columns, tc.cols) || !reflect.DeepEqual(m.Rows, tc.rows) {
				t.Errorf("got columns %q rows %q\nwant columns %q rows %q", m.Columns, m.Rows, tc.cols, tc.rows)
			}
			if tc.raw != nil && !reflect.DeepEqual(m.Raw, tc.raw) {
				t.Errorf("raw rows %q, want %q", m.Raw, tc.raw)
			}
			var out bytes.Buffer
			if n, err := tab.WriteTo(&out); err != nil || n != int64(len(tc.in)) || out.String() != tc.in || tab.Size() != n {
				t.Errorf("WriteTo wrote %d bytes %q (err %v, Size %d), want the input", n, out.String(), err, tab.Size())
			}
		})
	}
}

func TestTableColumnLookup(t *testing.T) {
	for _, spelling := range []string{"dsttrunkname", "desttrunkname", "dstrunkname", "DstTrunkName"} {
		t.Run(spelling, func(t *testing.T) {
			tab := parseTable(t, []byte("callid,"+spelling+",Queue\r\n1,MEO,6400\r\n"))
			if got := tab.Column(ColDstTrunk); got != 1 {
				t.Errorf("Column(dsttrunkname) = %d, want 1", got)
			}
			for _, alias := range []string{"desttrunkname", "dstrunkname", " DSTTRUNKNAME "} {
				if got := tab.Column(alias); got != 1 {
					t.Errorf("Column(%q) = %d, want 1", alias, got)
				}
			}
			rec := tab.Record(0)
			if rec.DstTrunk() != "MEO" || rec.CallID() != "1" || rec.Get("queue") != "6400" || rec.Get("Queue") != "6400" {
				t.Errorf("record: dst %q callid %q queue %q", rec.DstTrunk(), rec.CallID(), rec.Get("queue"))
			}
			if tab.Column("status") != -1 || rec.Status() != "" || rec.Get("nope") != "" {
				t.Error("a missing column must read as -1 and \"\"")
			}
			if cols := tab.Columns(); cols[1] != spelling || cols[2] != "Queue" {
				t.Errorf("Columns() = %q, want the names as sent", cols)
			}
		})
	}
}

func TestRecordAccessors(t *testing.T) {
	tab := parseTable(t, []byte(refHeader+"\r\n"+refRow+"\r\n"))
	r := tab.Record(0)
	got := []string{r.CallID(), r.TimeStart(), r.CallFrom(), r.CallTo(), r.CallDuration(), r.TalkDuration(),
		r.SrcTrunk(), r.DstTrunk(), r.Status(), r.Type(), r.PinCode(), r.Recording(), r.DIDNumber(), r.SN()}
	if !reflect.DeepEqual(got, refValues) || r.Row() != 0 {
		t.Errorf("accessors = %q, want %q", got, refValues)
	}
	for i, name := range StandardColumns {
		if r.Get(name) != refValues[i] {
			t.Errorf("Get(%q) = %q, want %q", name, r.Get(name), refValues[i])
		}
	}
}

func TestTableRowOutOfRangePanics(t *testing.T) {
	tab := parseTable(t, []byte("a\n1\n"))
	for _, row := range []int{-1, 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Field(%d, 0) did not panic", row)
				}
			}()
			tab.Field(row, 0)
		}()
	}
	if tab.Field(0, 5) != "" || tab.Field(0, -1) != "" {
		t.Error("a column outside the header must read as \"\"")
	}
}

func TestTableWriteAfterClose(t *testing.T) {
	tab := NewTable()
	tab.Close()
	if _, err := tab.Write([]byte("a\n")); err == nil {
		t.Error("Write after Close succeeded")
	}
	if err := tab.Close(); err != nil {
		t.Errorf("second Close() = %v", err)
	}
}

package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const fixtureHeader = "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn,note\r\n"

func TestExcelCSV(t *testing.T) {
	header, rows := readFixture(t, "fixture.csv")
	tests := []struct {
		name   string
		opt    Options
		header []string
		rows   [][]string
		want   string
	}{
		{
			name: "fixture, durations as h:mm:ss", header: header, rows: rows,
			want: "\ufeff" + fixtureHeader +
				"1589299528.4,2020-05-12 17:05:28,+8613800138000,0755123456,0:00:42,0:00:34,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,ANSWERED,Inbound,,,,369392534749,\r\n" +
				"1589299600.5,2020-05-12 17:06:40,1000,-,1:02:03,0:00:00,中国电信,\"深圳,南山\",NO ANSWER,Outbound,0012,20200512-170640-1000.wav,075588886666,369392534749,'@SUM(A1)\r\n" +
				"1589299700.6,2020-05-12 17:08:20,+1 (555) 123-4567,1001,n/a,,\"Trunk \"\"A\"\"\",'-2+3,BUSY,Internal,,,,369392534749,\"line1\nline2\"\r\n",
		},
		{
			name: "fixture, durations as seconds", opt: Options{DurationsAsSeconds: true}, header: header, rows: rows,
			want: "\ufeff" + fixtureHeader +
				"1589299528.4,2020-05-12 17:05:28,+8613800138000,0755123456,42,34,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,ANSWERED,Inbound,,,,369392534749,\r\n" +
				"1589299600.5,2020-05-12 17:06:40,1000,-,3723,0,中国电信,\"深圳,南山\",NO ANSWER,Outbound,0012,20200512-170640-1000.wav,075588886666,369392534749,'@SUM(A1)\r\n" +
				"1589299700.6,2020-05-12 17:08:20,+1 (555) 123-4567,1001,n/a,,\"Trunk \"\"A\"\"\",'-2+3,BUSY,Internal,,,,369392534749,\"line1\nline2\"\r\n",
		},
		{
			name:   "translated header labels, neutralised too",
			opt:    Options{HeaderLabels: map[string]string{"callfrom": "主叫", "talkduraction": "通话时长", "x": "=bad"}},
			header: []string{"callfrom", "talkduraction", "x", "unlabelled"},
			rows:   [][]string{{"1000", "5", "", ""}},
			want:   "\ufeff主叫,通话时长,'=bad,unlabelled\r\n1000,0:00:05,,\r\n",
		},
		{
			name:   "control characters kept byte for byte",
			header: []string{"a", "b", "c"},
			rows:   [][]string{{"\tx", "\ry", "p\rq"}, {"lf\nonly", "crlf\r\nkept", "nul\x00"}},
			want:   "\ufeffa,b,c\r\n'\tx,\"'\ry\",\"p\rq\"\r\n\"lf\nonly\",\"crlf\r\nkept\",nul\x00\r\n",
		},
		{
			name:   "rows shorter and longer than the header",
			header: []string{"callduraction", "b"},
			rows:   [][]string{{"61"}, {"61", "x", "=extra", "62"}},
			want:   "\ufeffcallduraction,b\r\n0:01:01\r\n0:01:01,x,'=extra,62\r\n",
		},
		{
			name: "header only", header: header,
			want: "\ufeff" + fixtureHeader,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := feed(NewExcelCSV(&out, tt.opt), tt.header, tt.rows); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestExcelCSVNoHeader(t *testing.T) {
	var out bytes.Buffer
	if err := NewExcelCSV(&out, Options{}).Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != utf8BOM {
		t.Errorf("empty report = %q, want just the BOM", out.String())
	}
}

func TestExcelCSVMisuse(t *testing.T) {
	tests := []struct {
		name string
		run  func(w Writer) error
		want error
	}{
		{"row before header", func(w Writer) error { return w.Row([]string{"x"}) }, errNoHeader},
		{"header twice", func(w Writer) error { _ = w.Header([]string{"a"}); return w.Header([]string{"a"}) }, errHeaderTwice},
		{"row after close", func(w Writer) error { _ = w.Header([]string{"a"}); _ = w.Close(); return w.Row([]string{"x"}) }, errClosed},
		{"close twice", func(w Writer) error { _ = w.Close(); return w.Close() }, errClosed},
		{"error sticks", func(w Writer) error { _ = w.Row(nil); _ = w.Header([]string{"a"}); return w.Close() }, errNoHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(NewExcelCSV(new(bytes.Buffer), Options{})); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// failingWriter refuses every write.
type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

func TestExcelCSVWriteError(t *testing.T) {
	diskFull := errors.New("disk full")
	w := NewExcelCSV(failingWriter{diskFull}, Options{})
	if err := w.Header([]string{"a"}); err != nil {
		t.Fatal(err) // still in the buffer
	}
	if err := w.Close(); !errors.Is(err, diskFull) {
		t.Errorf("Close = %v, want %v", err, diskFull)
	}
}

func TestExcelCSVRowReportsWriteError(t *testing.T) {
	diskFull := errors.New("disk full")
	w := NewExcelCSV(failingWriter{diskFull}, Options{})
	if err := w.Header([]string{"recording"}); err != nil {
		t.Fatal(err)
	}
	row := []string{strings.Repeat("r", 1000)}
	var err error
	for i := 0; i < 1000 && err == nil; i++ { // 1 MB: far past the buffer
		err = w.Row(row)
	}
	if !errors.Is(err, diskFull) {
		t.Fatalf("Row = %v, want %v once the buffer is full", err, diskFull)
	}
	if err := w.Row(row); !errors.Is(err, diskFull) {
		t.Errorf("Row after the error = %v, want it again", err)
	}
	if err := w.Close(); !errors.Is(err, diskFull) {
		t.Errorf("Close = %v, want %v", err, diskFull)
	}
}

package cdrclient

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTableFixtures(t *testing.T) {
	cases := []struct {
		file     string
		encoding string
		rows     int
		cols     int
		check    map[[2]int]string // (row, column index) → value
		byName   map[string]string // row 0 by column name
	}{
		{file: "cdr_utf8_crlf.csv", encoding: EncodingUTF8, rows: 5, cols: 14,
			check: map[[2]int]string{
				{1, 7}: "Office, Shanghai", {1, 3}: "0085291234567", {1, 10}: "8827",
				{2, 6}: `Trunk "B"`, {2, 2}: "+8613912345678", {4, 6}: "电信SIP",
			},
			byName: map[string]string{ColCallID: "1589299528.4", ColTimeStart: "2020-05-12 17:05:28",
				ColCallFrom: "966024422", ColCallTo: "110", ColCallDuration: "42", ColTalkDuration: "34",
				ColSrcTrunk: "MEO", ColDstTrunk: "", ColStatus: "ANSWERED", ColType: "Inbound", ColSN: "369392534749"}},
		{file: "cdr_bom_lf.csv", encoding: EncodingUTF8, rows: 2, cols: 15,
			check:  map[[2]int]string{{0, 14}: "6400", {1, 3}: "007", {1, 7}: "MEO", {1, 14}: ""},
			byName: map[string]string{ColCallID: "1589299528.4", "queue": "6400", ColDstTrunk: ""}},
		{file: "cdr_gb18030.csv", encoding: EncodingGB18030, rows: 3, cols: 14,
			check:  map[[2]int]string{{0, 6}: "电信线路", {1, 7}: "联通,上海", {1, 11}: "录音-801.wav", {1, 3}: "013912345678"},
			byName: map[string]string{ColCallFrom: "13812345678", ColSrcTrunk: "电信线路", ColStatus: "ANSWERED"}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data := readFixture(t, tc.file)
			tab := parseTable(t, data)
			if tab.Encoding() != tc.encoding || tab.Len() != tc.rows || len(tab.Columns()) != tc.cols {
				t.Fatalf("encoding %s, %d rows, %d columns; want %s, %d, %d",
					tab.Encoding(), tab.Len(), len(tab.Columns()), tc.encoding, tc.rows, tc.cols)
			}
			if tab.Columns()[0] != ColCallID {
				t.Errorf("first column %q: BOM not stripped?", tab.Columns()[0])
			}
			for at, want := range tc.check {
				if got := tab.Field(at[0], at[1]); got != want {
					t.Errorf("Field(%d, %d) = %q, want %q", at[0], at[1], got, want)
				}
			}
			for name, want := range tc.byName {
				if got := tab.Record(0).Get(name); got != want {
					t.Errorf("Get(%q) = %q, want %q", name, got, want)
				}
			}
			var out bytes.Buffer
			tab.WriteTo(&out)
			if !bytes.Equal(out.Bytes(), data) {
				t.Error("WriteTo does not reproduce the fixture")
			}
		})
	}
}

// TestTableGB18030Encoded encodes UTF-8 text with the real encoder and expects the
// table to give the text back.
func TestTableGB18030Encoded(t *testing.T) {
	utf := readFixture(t, "cdr_utf8_crlf.csv")
	utf = append(utf, []byte("1589300000.9,2020-05-12 17:13:20,801,802,1,1,,\"上海,浦东 \"\"总部\"\"\",ANSWERED,Internal,,,,369392534749\r\n")...)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(gb, utf) {
		t.Fatal("the fixture has no Chinese to encode")
	}
	want := modelOf(parseTable(t, utf))
	got := modelOf(parseTable(t, gb))
	if got.Encoding != EncodingGB18030 || !reflect.DeepEqual(got.Rows, want.Rows) || !reflect.DeepEqual(got.Columns, want.Columns) {
		t.Errorf("GB18030 table reads %q (%s), want %q", got.Rows, got.Encoding, want.Rows)
	}
	if got.Rows[5][7] != `上海,浦东 "总部"` {
		t.Errorf("quoted Chinese field = %q", got.Rows[5][7])
	}
}

// TestTableBOMKeepsUTF8 checks that a BOM decides UTF-8 even when bytes are invalid.
func TestTableBOMKeepsUTF8(t *testing.T) {
	tab := parseTable(t, []byte("\xef\xbb\xbfa\n\xff\xfe\n"))
	if tab.Encoding() != EncodingUTF8 || tab.Field(0, 0) != "\xff\xfe" {
		t.Errorf("encoding %s, field %q; want UTF-8 and the bytes unchanged", tab.Encoding(), tab.Field(0, 0))
	}
}

// TestTableReadersShareNothing reads a GB18030 table from several goroutines (run with
// -race) and checks that AppendField does not allocate once warmed up.
func TestTableReadersShareNothing(t *testing.T) {
	tab := parseTable(t, readFixture(t, "cdr_gb18030.csv"))
	want := tab.Field(1, 7)
	done := make(chan string)
	for range 4 {
		go func() {
			var got string
			for range 200 {
				got = string(tab.AppendField(nil, 1, 7))
			}
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent AppendField = %q, want %q", got, want)
		}
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = tab.AppendField(buf[:0], 0, 6) }); n != 0 && !raceEnabled {
		t.Errorf("AppendField allocates %.1f times per call", n)
	}
}

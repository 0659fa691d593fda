package records

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
)

// trickyGB18030 is a GB18030 CSV whose raw bytes hold ASCII where the text has
// none: 丄乤 is 81 41 81 61 ("A", "a" as trail bytes), 😀 is 94 39 FC 36 ("9",
// "6"), and "abc\x81" ends with a byte that decodes to U+FFFD.
var trickyGB18030 = []byte("callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\r\n" +
	"1.1,2025-01-02 08:10:51,1000,1001,3,2,\x81\x41\x81\x61,,BUSY,Outbound,,,,1\r\n" +
	"1.2,2025-01-02 08:10:52,1000,1001,3,2,,\x94\x39\xfc\x36,BUSY,Outbound,,,,1\r\n" +
	"1.3,2025-01-02 08:10:53,1000,1001,3,2,abc\x81,,BUSY,Outbound,,,,1\r\n" +
	"1.4,2025-01-02 08:10:54,1000,1006,3,2,Alpha,,BUSY,Outbound,,,,1\r\n")

func TestFilterGB18030RawBytes(t *testing.T) {
	tbl := parseTable(t, trickyGB18030)
	if tbl.Encoding() != cdrclient.EncodingGB18030 {
		t.Fatalf("encoding %s", tbl.Encoding())
	}
	tests := []struct {
		text string
		want []int
	}{
		{"a", []int{2, 3}},         // not the trail byte of 乤 (row 0)
		{"A", []int{2, 3}},         // nor of 丄
		{"6", []int{3}},            // 1006, not the last byte of 😀 (row 1)
		{"9", []int{}},             // nor its second byte
		{"\uFFFD", []int{2}},       // what the undecodable byte reads as
		{"丄乤", []int{0}},           // the text itself
		{"😀", []int{1}},            // a four-byte character
		{"c\uFFFD", []int{2}},      // across the undecodable byte
		{"alpha,", []int{}},        // no field holds a comma
		{"\x81", []int{}},          // a raw byte is not text
		{"abc\x81", []int{}},       // invalid UTF-8 in the search text
		{"张", []int{}},             // encodable, absent
		{"1.", []int{0, 1, 2, 3}},  // callid
		{"1.4", []int{3}},          // callid
		{"08:10", []int{}},         // timestart is not searched
		{"bus", []int{}},           // status is not searched
		{"ALPHA", []int{3}},        // any case
		{"alphA", []int{3}},        // any case
		{"\x81\x41", []int{}},      // raw bytes again
		{"\u4e04\u4e64", []int{0}}, // 丄乤 by code point
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			v := NewView(tbl, nil)
			v.Apply(Filter{Text: tc.text}, Sort{})
			if !slices.Equal(v.Rows(), tc.want) {
				t.Errorf("Rows() = %v, want %v", v.Rows(), tc.want)
			}
			if ref := refFilter(tbl, nil, Filter{Text: tc.text}); !slices.Equal(ref, tc.want) {
				t.Errorf("model: %v, want %v", ref, tc.want)
			}
		})
	}
	checkModel(t, tbl, map[string]string{"1006": "Reception"})
}

// FuzzFilterGB18030Field puts arbitrary bytes in a trunk name of a GB18030 table
// and searches for a piece of the text they decode to: the raw-row shortcuts must
// find it (any GB18030 byte sequence, valid or not, that decodes to some text).
func FuzzFilterGB18030Field(f *testing.F) {
	f.Add([]byte("\xb5\xe7\xd0\xc5\xd6\xd0\xbc\xcc"), 0, 2) // 电信中继
	f.Add([]byte("\x94\x39\xfc\x36ab"), 1, 3)
	f.Add([]byte("a\x81b\x81\x30"), 0, 4)
	f.Add([]byte("\x84\x31\xa4\x37"), 0, 1)
	f.Add([]byte("\x81\x30\x81\x30\xfe\x39\xfe\x39"), 0, 2)     // four-byte, BMP and beyond
	f.Add([]byte("\x90\x30\x81\x30\xe3\x32\x9a\x35\xff"), 0, 3) // supplementary planes, 0xFF
	f.Add([]byte("\x80\xa2\xe3\xa6\xd9"), 0, 3)                 // € two ways, a once-private code
	f.Fuzz(func(t *testing.T, field []byte, from, to int) {
		field = bytes.Map(func(r rune) rune { // keep the row one unquoted field
			if r == ',' || r == '"' || r == '\r' || r == '\n' {
				return 'x'
			}
			return r
		}, field)
		csv := slices.Concat([]byte("callid,srctrunkname,status\n1.1,\x81\x41,BUSY\n2.2,"), field, []byte(",BUSY\n"))
		tbl := parseTable(t, csv)
		if tbl.Encoding() != cdrclient.EncodingGB18030 || tbl.Len() != 2 {
			t.Skip()
		}
		text := []rune(tbl.Field(1, 1))
		from, to = max(from, 0)%(len(text)+1), max(to, 0)%(len(text)+1)
		needle := strings.TrimSpace(string(text[min(from, to):max(from, to)]))
		if needle == "" {
			return
		}
		v := NewView(tbl, nil)
		v.Apply(Filter{Text: needle}, Sort{})
		if want := refFilter(tbl, nil, Filter{Text: needle}); !slices.Equal(v.Rows(), want) || !slices.Contains(want, 1) {
			t.Fatalf("field % x, text %q: rows %v, want %v (with 1)", field, needle, v.Rows(), want)
		}
	})
}

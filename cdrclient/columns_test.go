package cdrclient

import (
	"math"
	"testing"
	"time"
)

func TestCanonicalColumn(t *testing.T) {
	cases := map[string]string{
		"callid": "callid", " CallID ": "callid", "\ufeffcallid": "callid", "\tSTATUS\r": "status",
		"dsttrunkname": "dsttrunkname", "desttrunkname": "dsttrunkname", "dstrunkname": "dsttrunkname",
		"DestTrunkName": "dsttrunkname", "callduraction": "callduraction",
		" Queue ": "Queue", "": "", "call id": "call id", "callduration": "callduration",
	}
	for in, want := range cases {
		if got := CanonicalColumn(in); got != want {
			t.Errorf("CanonicalColumn(%q) = %q, want %q", in, got, want)
		}
	}
	if len(StandardColumns) != 14 || StandardColumns[4] != "callduraction" || StandardColumns[13] != "sn" {
		t.Errorf("StandardColumns = %q", StandardColumns)
	}
	var tab Table
	if len(tab.std) != len(StandardColumns) {
		t.Error("Table.std must have one entry per standard column")
	}
}

func TestParseSeconds(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"42", 42, true}, {"0", 0, true}, {" 7 ", 7, true}, {"007", 7, true}, {"86400", 86400, true},
		{"", 0, false}, {"-1", 0, false}, {"+1", 0, false}, {"1.5", 0, false}, {"1:00", 0, false},
		{"abc", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tc := range cases {
		if got, ok := ParseSeconds(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("ParseSeconds(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	cases := map[int]string{
		0: "0:00:00", 42: "0:00:42", 60: "0:01:00", 599: "0:09:59", 3723: "1:02:03",
		36000: "10:00:00", 97200: "27:00:00", -5: "-0:00:05",
		math.MinInt: "-2562047788015215:30:08",
	}
	for in, want := range cases {
		if got := FormatDuration(in); got != want {
			t.Errorf("FormatDuration(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePBXTime(t *testing.T) {
	got, ok := ParsePBXTime(" 2020-05-12 17:05:28 ")
	want := time.Date(2020, 5, 12, 17, 5, 28, 0, time.UTC)
	if !ok || !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("ParsePBXTime = %v, %v; want %v", got, ok, want)
	}
	for _, bad := range []string{"", "2020-05-12", "2020-05-12T17:05:28", "2020-13-01 00:00:00", "12/05/2020 17:05:28", "2020-05-12 7:05:28"} {
		if _, ok := ParsePBXTime(bad); ok {
			t.Errorf("ParsePBXTime(%q) accepted", bad)
		}
	}
}

package records

import (
	"testing"

	"cdrdesk/cdrclient"
)

func TestParseCallID(t *testing.T) {
	tests := []struct {
		in        string
		secs, seq int64
		ok        bool
	}{
		{"1589299528.4", 1589299528, 4, true},
		{"1735774586.324", 1735774586, 324, true},
		{" 1.5\t", 1, 5, true},
		{"01.05", 1, 5, true},
		{"9223372036854775807.9223372036854775807", 1<<63 - 1, 1<<63 - 1, true},
		{"9223372036854775808.1", 0, 0, false},
		{"1.9223372036854775808", 0, 0, false},
		{"1589299528", 0, 0, false},
		{"1589299528.", 0, 0, false},
		{".4", 0, 0, false},
		{"1.2.3", 0, 0, false},
		{"-1.2", 0, 0, false},
		{"+1.2", 0, 0, false},
		{"1 .2", 0, 0, false},
		{"", 0, 0, false},
		{"garbage", 0, 0, false},
	}
	for _, tc := range tests {
		secs, seq, ok := parseCallID([]byte(tc.in))
		if secs != tc.secs || seq != tc.seq || ok != tc.ok {
			t.Errorf("parseCallID(%q) = %d, %d, %v; want %d, %d, %v", tc.in, secs, seq, ok, tc.secs, tc.seq, tc.ok)
		}
	}
}

func FuzzParseSeconds(f *testing.F) {
	for _, s := range []string{"42", " 42 ", "0042", "", "-1", "+1", "n/a", "9223372036854775807", "9223372036854775808", "\u00a042\u3000", "1_000", "4e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseSeconds([]byte(s))
		want, wantOK := cdrclient.ParseSeconds(s)
		if ok != wantOK || ok && got != int64(want) {
			t.Fatalf("parseSeconds(%q) = %d, %v; ParseSeconds: %d, %v", s, got, ok, want, wantOK)
		}
	})
}

func FuzzParseCallID(f *testing.F) {
	for _, s := range []string{"1589299528.4", " 1.5 ", "1.", ".1", "1.2.3", "-1.2", "99999999999999999999.1", "garbage"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		secs, seq, ok := parseCallID([]byte(s))
		want := refCallIDNumbers(s)
		if ok != (want != nil) || ok && (secs != want[0] || seq != want[1]) {
			t.Fatalf("parseCallID(%q) = %d, %d, %v; want %v", s, secs, seq, ok, want)
		}
	})
}

package records

import (
	"bytes"
	"cmp"
	"regexp"
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

func TestPackTime(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"2025-01-02 08:30:00", 20250102083000, true},
		{"0001-01-01 00:00:00", 10101000000, true},
		{"2024-02-29 23:59:59", 20240229235959, true},
		{"2000-02-29 00:00:00", 20000229000000, true},
		{"2025-02-29 00:00:00", 0, false},
		{"1900-02-29 00:00:00", 0, false},
		{"2025-04-31 00:00:00", 0, false},
		{"2025-13-01 00:00:00", 0, false},
		{"2025-00-01 00:00:00", 0, false},
		{"2025-01-00 00:00:00", 0, false},
		{"2025-01-01 24:00:00", 0, false},
		{"2025-01-01 00:60:00", 0, false},
		{"2025-01-01 00:00:60", 0, false},
		{"2025-01-01T00:00:00", 0, false},
		{"2025-01-01 00:00:0", 0, false},
		{" 2025-01-01 00:00:00", 0, false}, // callers trim
		{"2025-1-01 000:00:00", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		got, ok := packTime([]byte(tc.in))
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("packTime(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
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

var strictTime = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`)

func FuzzPackTime(f *testing.F) {
	f.Add("2025-01-02 08:30:00", "2025-01-02 08:29:59")
	f.Add("2024-02-29 23:59:59", "2025-02-29 00:00:00")
	f.Add("9999-12-31 23:59:59", "0000-01-01 00:00:00")
	f.Fuzz(func(t *testing.T, a, b string) {
		pa, okA := packTime([]byte(a))
		pb, okB := packTime([]byte(b))
		for _, c := range []struct {
			s  string
			ok bool
		}{{a, okA}, {b, okB}} {
			// ParsePBXTime also takes surrounding space, runs of spaces and a
			// one-digit hour: packTime only the strict form.
			_, want := cdrclient.ParsePBXTime(c.s)
			want = want && strictTime.MatchString(c.s)
			if c.ok != want {
				t.Fatalf("packTime(%q) ok = %v, ParsePBXTime: %v", c.s, c.ok, want)
			}
		}
		if okA && okB && cmp.Compare(pa, pb) != bytes.Compare([]byte(a), []byte(b)) {
			t.Fatalf("packTime orders %q, %q unlike their texts", a, b)
		}
	})
}

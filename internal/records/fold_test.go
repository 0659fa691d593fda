package records

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
)

func TestPattern(t *testing.T) {
	tests := []struct {
		hay, needle string
		want        int
	}{
		{"", "", 0},
		{"abc", "", 0},
		{"", "a", -1},
		{"ANSWERED", "answ", 0},
		{"no answer", "ANSWER", 3},
		{"1735776651.335,2025", "335", 11},
		{"13808006816", "138", 0},
		{"013808006816", "138", 1},
		{"aaaaaaaaaaaaaaaaab", "ab", 16},               // a candidate at every position
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxab", "ab", 30}, // in the tail after the last full word
		{"xxxxxxxxAB", "ab", 8},
		{"x", "x", 0},
		{"X", "x", 0},
		{"@", "`", -1},    // '@'|0x20 is '`': only letters fold
		{"[", "{", -1},    // nor do other punctuation pairs
		{"电信中继", "中继", 6}, // multi-byte text matches exactly
		{"电信中继", "中", 6},
		{"Main \"Office\"", "\"office\"", 5},
		{"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "\x00\x00", 1},
		{"a\x01bcdefghij", "\x00b", -1}, // a flagged byte that is not a match
		{"ab", "abc", -1},
		{"ÀB", "àb", -1}, // only ASCII folds
	}
	for _, tc := range tests {
		p := newPattern([]byte(tc.needle))
		if got := p.index([]byte(tc.hay)); got != tc.want {
			t.Errorf("index(%q, %q) = %d, want %d", tc.hay, tc.needle, got, tc.want)
		}
		if got := p.in([]byte(tc.hay)); got != (tc.want >= 0) {
			t.Errorf("in(%q, %q) = %v", tc.hay, tc.needle, got)
		}
	}
}

func FuzzPattern(f *testing.F) {
	f.Add("1735776651.335,2025-01-02 08:10:51,1001,01076291373", "1001")
	f.Add("China Telecom SIP,NO ANSWER,Outbound", "no ans")
	f.Add("电信中继,ANSWERED", "中继,a")
	f.Add("aAaAaAaAaAaAaAaAb", "AB")
	f.Add("xyz", "")
	f.Fuzz(func(t *testing.T, hay, needle string) {
		p := newPattern([]byte(needle))
		want := strings.Index(refLower(hay), refLower(needle))
		if got := p.index([]byte(hay)); got != want {
			t.Fatalf("index(%q, %q) = %d, want %d", hay, needle, got, want)
		}
		if !bytes.Equal(p.s, []byte(refLower(needle))) {
			t.Fatalf("pattern %q of %q", p.s, needle)
		}
	})
}

// FuzzFilterText compares the View's text search with the model on the fixtures in
// each encoding and on the tricky GB18030 table: the raw-row shortcuts must never
// lose a row nor keep one.
func FuzzFilterText(f *testing.F) {
	for _, s := range []string{"张伟", "unicom, b", `"office"`, "8001", "\uFFFD", "丄", "6", "answ", ",", `""`, "a"} {
		f.Add(s)
	}
	var tables []*cdrclient.Table
	for _, e := range encodings {
		tables = append(tables, encodedFixture(f, "basic.csv", e))
	}
	tables = append(tables, parseTable(f, trickyGB18030), parseTable(f, []byte(edgeCSV)))
	names := fixtureNames(f)
	f.Fuzz(func(t *testing.T, text string) {
		for i, tbl := range tables {
			v := NewView(tbl, names)
			v.Apply(Filter{Text: text}, Sort{})
			if want := refFilter(tbl, names, Filter{Text: text}); !slices.Equal(v.Rows(), want) {
				t.Fatalf("table %d, text %q: rows %v, want %v", i, text, v.Rows(), want)
			}
		}
	})
}

package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestXMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"中国电信", "中国电信"},
		{"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
		{"nul\x00", "nul\ufffd"},
		{"\x01\x1f", "\ufffd\ufffd"},
		{"\ufffe\uffff\ufffd", "\ufffd\ufffd\ufffd"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"\ufeffbom", "\ufeffbom"},
		{"😀", "😀"},
	}
	for _, tt := range tests {
		if got := xmlText(tt.in); got != tt.want {
			t.Errorf("xmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzXMLText(f *testing.F) {
	for _, s := range []string{"", "a\x00b", "\ufffe", "\xef\xbf", "中", "\t\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := xmlText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("xmlText(%q) = %q is not UTF-8", s, out)
		}
		for _, r := range out {
			if r < 0x20 && !strings.ContainsRune("\t\n\r", r) || r == 0xFFFE || r == 0xFFFF {
				t.Fatalf("xmlText(%q) = %q keeps %U", s, out, r)
			}
		}
		if xmlClean(s) != (out == s) {
			t.Fatalf("xmlText(%q) = %q, but xmlClean says %v", s, out, xmlClean(s))
		}
		if utf8.RuneCountInString(out) != utf8.RuneCountInString(s) {
			t.Fatalf("xmlText(%q) = %q changes the number of characters", s, out)
		}
	})
}

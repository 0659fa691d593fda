package cdrclient

import "testing"

func TestAppendFieldValue(t *testing.T) {
	cases := map[string]string{
		``: ``, `abc`: `abc`, `a"b`: `a"b`, `""`: ``, `"x"`: `x`, `"a,b"`: `a,b`,
		`"say ""hi"""`: `say "hi"`, `"p"q"`: `p"q`, "\"l1\r\nl2\"": "l1\nl2", "\"a\rb\"": "a\rb",
		"\"a\r\"": "a\r", "\"\r\r\n\"": "\r\n", `""""`: `"`, `"a"""b"`: `a""b`, `"`: `"`,
	}
	for raw, want := range cases {
		if got := string(appendFieldValue([]byte("<"), []byte(raw))); got != "<"+want {
			t.Errorf("appendFieldValue(%q) = %q, want %q", raw, got[1:], want)
		}
	}
}

func TestAppendDecoded(t *testing.T) {
	cases := []struct {
		raw  string
		gb   bool
		want string
	}{
		{"\xb5\xe7\xd0\xc5", true, "电信"},
		{"\"\xc1\xaa\xcd\xa8,\xc9\xcf\xba\xa3\"", true, "联通,上海"},
		{"\x81\x30\x81\x30", true, "\u0080"}, // a four-byte GB18030 sequence
		{"abc", true, "abc"},
		{"\xff", true, "\ufffd"},
		{"\xb5\xe7", false, "\xb5\xe7"},
	}
	for _, tc := range cases {
		var dec gbDecoder
		if tc.gb {
			dec = newGB18030()
		}
		if got := string(appendDecoded([]byte("<"), []byte(tc.raw), dec)); got != "<"+tc.want {
			t.Errorf("appendDecoded(%q, %v) = %q, want %q", tc.raw, tc.gb, got[1:], tc.want)
		}
	}
}

func TestIsASCII(t *testing.T) {
	for s, want := range map[string]bool{"": true, "abc": true, "0123456789abcdef": true,
		"0123456789abcde\x80": false, "\x80": false, "01234567\xff": false, "é": false} {
		if isASCII([]byte(s)) != want {
			t.Errorf("isASCII(%q) != %v", s, want)
		}
	}
}

func TestCheckBOM(t *testing.T) {
	cases := []struct {
		head  string
		atEOF bool
		want  bomCheck
	}{
		{"", false, bomUndecided}, {"\xef", false, bomUndecided}, {"\xef\xbb", false, bomUndecided},
		{"\xef\xbb\xbf", false, bomPresent}, {"\xef\xbb\xbfa", true, bomPresent},
		{"\xef\xbb", true, bomAbsent}, {"", true, bomAbsent}, {"a", false, bomAbsent}, {"\xefa", false, bomAbsent},
	}
	for _, tc := range cases {
		if got := checkBOM([]byte(tc.head), tc.atEOF); got != tc.want {
			t.Errorf("checkBOM(%q, %v) = %d, want %d", tc.head, tc.atEOF, got, tc.want)
		}
	}
}

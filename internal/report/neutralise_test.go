package report

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
)

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ANSWERED", "ANSWERED"},
		{"=SUM(1,2)", "'=SUM(1,2)"},
		{"=", "'="},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcalc", "'\tcalc"},
		{"\rcalc", "'\rcalc"},
		{"+8613800138000", "+8613800138000"},
		{"+1 (555) 123-4567", "+1 (555) 123-4567"},
		{"-42", "-42"},
		{"-", "-"},
		{"+", "+"},
		{"--", "--"},
		{"-2+3", "'-2+3"},
		{"+A1", "'+A1"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"+86.138", "'+86.138"},
		{"0755123456", "0755123456"},
		{"中国电信", "中国电信"},
		{"＝SUM(A1)", "'＝SUM(A1)"},
		{"＠A1", "'＠A1"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"\ufeffx", "\ufeffx"}, // another 0xEF lead byte, harmless
		{" =1", " =1"},
		{"a=1", "a=1"},
		{"'=1", "'=1"},
	}
	for _, tt := range tests {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// safeSigned is an independent statement of the phone-number exception.
var safeSigned = regexp.MustCompile(`^[+-][0-9 ()-]*$`)

func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"", "=1+1", "@A1", "+8613800138000", "-", "-2+3", "\t", "\r\n", "＝1", "中", "\xef\xbc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := neutralise(s)
		dangerous := strings.HasPrefix(s, "=") || strings.HasPrefix(s, "@") ||
			strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "\r") ||
			(strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-")) && !safeSigned.MatchString(s)
		for _, p := range fullWidthFormulaStarts {
			dangerous = dangerous || strings.HasPrefix(s, p)
		}
		switch {
		case dangerous && out != "'"+s:
			t.Fatalf("neutralise(%q) = %q, want the apostrophe prefix", s, out)
		case !dangerous && out != s:
			t.Fatalf("neutralise(%q) = %q, want it unchanged", s, out)
		}
		if strings.ContainsAny(out[:min(1, len(out))], "=@\t\r") {
			t.Fatalf("neutralise(%q) = %q starts with a formula character", s, out)
		}
	})
}

// FuzzExcelCSVField checks that any cell comes back from a standard CSV reader as
// neutralise made it: quoting is right whatever the bytes.
func FuzzExcelCSVField(f *testing.F) {
	for _, s := range []string{"", `a"b`, "a,b", "a\nb", "a\rb", "\"", "=1", "中,文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		w := NewExcelCSV(&buf, Options{})
		if err := w.Header([]string{"note", "end"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Row([]string{s, "end"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), utf8BOM)))
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		// encoding/csv drops the CR of a CRLF even inside quotes; nothing else changes.
		want := strings.ReplaceAll(neutralise(s), "\r\n", "\n")
		if len(recs) != 2 || len(recs[1]) != 2 || recs[1][0] != want {
			t.Fatalf("cell %q came back as %q, want %q", s, recs, want)
		}
	})
}

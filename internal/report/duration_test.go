package report

import "testing"

func TestDurations(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string
	}{
		{"0", true, "0:00:00"},
		{"42", true, "0:00:42"},
		{"042", true, "0:00:42"},
		{"60", true, "0:01:00"},
		{"3599", true, "0:59:59"},
		{"3723", true, "1:02:03"},
		{"97200", true, "27:00:00"},
		{"9007199254740992", true, "2501999792983:36:32"}, // 2^53, the largest exact
		{"9007199254740993", false, ""},
		{"99999999999999999999", false, ""},
		{"", false, ""},
		{"-5", false, ""},
		{"+5", false, ""},
		{" 42", false, ""},
		{"4.5", false, ""},
		{"n/a", false, ""},
		{"0x10", false, ""},
		{"1_000", false, ""},
	}
	for _, tt := range tests {
		secs, ok := parseSeconds(tt.in)
		if ok != tt.ok {
			t.Errorf("parseSeconds(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok {
			if got := formatHMS(secs); got != tt.want {
				t.Errorf("formatHMS(parseSeconds(%q)) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

package records

import "testing"

func TestDisplayDuration(t *testing.T) {
	tests := []struct {
		raw       string
		asSeconds bool
		want      string
	}{
		{"3723", false, "1:02:03"},
		{"3723", true, "3723"},
		{"42", false, "0:00:42"},
		{"0", false, "0:00:00"},
		{"0", true, "0"},
		{"97200", false, "27:00:00"}, // hours do not wrap at a day
		{" 0042 ", true, "42"},
		{" 0042 ", false, "0:00:42"},
		{"", false, ""},
		{"", true, ""},
		{"n/a", false, "n/a"},
		{"-5", false, "-5"},
		{"+5", true, "+5"},
		{"1.5", false, "1.5"},
		{"99999999999999999999", false, "99999999999999999999"},
	}
	for _, tc := range tests {
		if got := DisplayDuration(tc.raw, tc.asSeconds); got != tc.want {
			t.Errorf("DisplayDuration(%q, %v) = %q, want %q", tc.raw, tc.asSeconds, got, tc.want)
		}
	}
}

func TestParty(t *testing.T) {
	names := map[string]string{"1000": "张伟", "1012": "1012", "1013": "", "0": "Zero"}
	tests := []struct {
		number string
		names  map[string]string
		want   string
	}{
		{"1000", names, "1000 张伟"},
		{"1012", names, "1012"}, // the name is the number
		{"1013", names, "1013"}, // no name
		{"1014", names, "1014"}, // not an extension
		{"01000", names, "01000"},
		{"+861000", names, "+861000"},
		{"", names, ""},
		{"0", names, "0 Zero"},
		{"1000", nil, "1000"},
	}
	for _, tc := range tests {
		if got := Party(tc.number, tc.names); got != tc.want {
			t.Errorf("Party(%q) = %q, want %q", tc.number, got, tc.want)
		}
	}
}

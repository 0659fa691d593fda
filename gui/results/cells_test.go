package results

import (
	"testing"

	"cdrdesk/internal/records"
)

func TestAppendDuration(t *testing.T) {
	for _, tc := range []struct{ raw, clock, seconds string }{
		{"0", "0:00:00", "0"},
		{"42", "0:00:42", "42"},
		{"3723", "1:02:03", "3723"},
		{"97200", "27:00:00", "97200"},
		{" 7 ", "0:00:07", "7"},
		{"007", "0:00:07", "7"},
		{"", "", ""},
		{"n/a", "n/a", "n/a"},
		{"-5", "-5", "-5"},
		{"+5", "+5", "+5"},
		{"1.5", "1.5", "1.5"},
		{"9223372036854775807", "2562047788015215:30:07", "9223372036854775807"},
		{"9223372036854775808", "9223372036854775808", "9223372036854775808"},
		{"99999999999999999999", "99999999999999999999", "99999999999999999999"},
	} {
		if got := string(appendDuration(nil, []byte(tc.raw), false)); got != tc.clock {
			t.Errorf("%q as h:mm:ss: %q, want %q", tc.raw, got, tc.clock)
		}
		if got := string(appendDuration(nil, []byte(tc.raw), true)); got != tc.seconds {
			t.Errorf("%q as seconds: %q, want %q", tc.raw, got, tc.seconds)
		}
	}
}

// FuzzAppendDuration: the grid's allocation-free durations read exactly as
// records.DisplayDuration shows them everywhere else.
func FuzzAppendDuration(f *testing.F) {
	for _, s := range []string{"0", "59", "3600", " 12\t", "1e3", "٣", "\u00a05", "18446744073709551616"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, seconds := range []bool{false, true} {
			got := string(appendDuration([]byte("x"), []byte(raw), seconds))
			if want := "x" + records.DisplayDuration(raw, seconds); got != want {
				t.Fatalf("%q (seconds %v): %q, want %q", raw, seconds, got, want)
			}
		}
	})
}

package query

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // yyyy-mm-dd, "" = an error
	}{
		{"2026-05-18", "2026-05-18"},
		{" 2026-05-18 ", "2026-05-18"},
		{"2026-5-8", "2026-05-08"},
		{"2026/05/18", "2026-05-18"},
		{"2026.05.18", "2026-05-18"},
		{"２０２６－０５－１８", "2026-05-18"},
		{"2024-02-29", "2024-02-29"},
		{"2026-02-29", ""},
		{"2026-13-01", ""},
		{"2026-00-10", ""},
		{"18/05/2026", ""},
		{"05/18/2026", ""},
		{"20260518", ""},
		{"2026-05-18 08:30:00", ""},
		{"2026-05-18x", ""},
		{"26-05-18", ""},
		{"", ""},
		{"2026-05", ""},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, time.UTC)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
		case tt.want != "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case tt.want != "" && got.Format(dateLayout) != tt.want:
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got.Format(dateLayout), tt.want)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want string // HH:MM:SS, "" = an error
	}{
		{"08:30:00", "08:30:00"},
		{"8:30:00", "08:30:00"},
		{"08:30", "08:30:00"},
		{"23:59:59", "23:59:59"},
		{"00:00:00", "00:00:00"},
		{"０８：３０：０５", "08:30:05"},
		{" 17:00 ", "17:00:00"},
		{"24:00:00", ""},
		{"12:60:00", ""},
		{"12:00:60", ""},
		{"8.30", ""},
		{"830", ""},
		{"8:3", ""},
		{"08:30:00 PM", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := parseClock(tt.in)
		text := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(got).Format(clockLayout)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("parseClock(%q) = %s, want an error", tt.in, text)
		case tt.want != "" && err != nil:
			t.Errorf("parseClock(%q): %v", tt.in, err)
		case tt.want != "" && text != tt.want:
			t.Errorf("parseClock(%q) = %s, want %s", tt.in, text, tt.want)
		}
	}
}

// FuzzParseDate: no panic, and whatever is accepted is a real day that reads back the
// same when written as yyyy-mm-dd.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-05-18", "2026/5/8", "２０２６－０５－１８", "2024-02-29", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s, time.UTC)
		if err != nil {
			return
		}
		again, err := ParseDate(d.Format(dateLayout), time.UTC)
		if err != nil || !again.Equal(d) || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 {
			t.Errorf("%q → %v → %v, %v", s, d, again, err)
		}
	})
}

// FuzzParseClock: no panic, and whatever is accepted is a time of day that reads back.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"08:30:00", "8:30", "０８：３０", "23:59:59", "24:00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseClock(s)
		if err != nil {
			return
		}
		if d < 0 || d >= 24*time.Hour || d%time.Second != 0 {
			t.Fatalf("%q → %v", s, d)
		}
		text := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(d).Format(clockLayout)
		if again, err := parseClock(text); err != nil || again != d {
			t.Errorf("%q → %s → %v, %v", s, text, again, err)
		}
	})
}

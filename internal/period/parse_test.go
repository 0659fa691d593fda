package period

import (
	"testing"
	"time"
	_ "time/tzdata" // a zone with summer time on every machine
)

// TestParseFromTo: the command line's --from/--to and the window's fields read times
// the same way: the contract's forms exactly, plus what people type in a hurry.
func TestParseFromTo(t *testing.T) {
	tests := []struct {
		in   string
		to   bool
		want string // yyyy-mm-dd HH:MM:SS, "" = an error
	}{
		// The forms design.md §2 promises.
		{"2026-05-18", false, "2026-05-18 00:00:00"},
		{"2026-05-18", true, "2026-05-18 23:59:59"},
		{"2026-05-18 08:30:00", true, "2026-05-18 08:30:00"},
		{"2026-05-18 08:30:00", false, "2026-05-18 08:30:00"},
		{"  2026-05-18   08:30:00 ", false, "2026-05-18 08:30:00"},
		// Friendly forms, the same in the window and on the command line.
		{"2026-5-8", false, "2026-05-08 00:00:00"},
		{"2026/05/18", true, "2026-05-18 23:59:59"},
		{"2026.05.18 8:30", false, "2026-05-18 08:30:00"},
		{"２０２６－０５－１８　０８：３０：００", false, "2026-05-18 08:30:00"},
		// Refused.
		{"2026-02-30", false, ""},
		{"18/05/2026", false, ""},
		{"05/18/2026", false, ""},
		{"2026-05-18 25:00:00", false, ""},
		{"2026-05-18 08:30:00 PM", false, ""},
		{"2026-05-18T08:30:00", false, ""},
		{"20260518", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		parse := ParseFrom
		if tt.to {
			parse = ParseTo
		}
		got, err := parse(tt.in, time.UTC)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%q (to %v) = %s, want an error", tt.in, tt.to, got.Format(DateTimeLayout))
		case tt.want != "" && err != nil:
			t.Errorf("%q (to %v): %v", tt.in, tt.to, err)
		case tt.want != "" && got.Format(DateTimeLayout) != tt.want:
			t.Errorf("%q (to %v) = %s, want %s", tt.in, tt.to, got.Format(DateTimeLayout), tt.want)
		}
	}
}

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
		case tt.want != "" && got.Format(DateLayout) != tt.want:
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got.Format(DateLayout), tt.want)
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
		got, err := ParseClock(tt.in)
		text := At(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), got).Format(ClockLayout)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ParseClock(%q) = %s, want an error", tt.in, text)
		case tt.want != "" && err != nil:
			t.Errorf("ParseClock(%q): %v", tt.in, err)
		case tt.want != "" && text != tt.want:
			t.Errorf("ParseClock(%q) = %s, want %s", tt.in, text, tt.want)
		}
	}
}

// TestAtKeepsTheWallClock: on the day summer time starts, 08:30 is 08:30, not 09:30.
func TestAtKeepsTheWallClock(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 29, 0, 0, 0, 0, berlin)
	if got := At(day, 8*time.Hour+30*time.Minute).Format(ClockLayout); got != "08:30:00" {
		t.Errorf("08:30 on the day of the change reads %s", got)
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
		again, err := ParseDate(d.Format(DateLayout), time.UTC)
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
		d, err := ParseClock(s)
		if err != nil {
			return
		}
		if d < 0 || d >= 24*time.Hour || d%time.Second != 0 {
			t.Fatalf("%q → %v", s, d)
		}
		text := At(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), d).Format(ClockLayout)
		if again, err := ParseClock(text); err != nil || again != d {
			t.Errorf("%q → %s → %v, %v", s, text, again, err)
		}
	})
}

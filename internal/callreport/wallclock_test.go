package callreport

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// refTimeForm is the PBX's form of a timestart; time.Parse alone also takes " 8" for
// an hour, which no PBX writes.
var refTimeForm = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$`)

// FuzzParseStart compares parseStart with time.Parse of the PBX's form, and so does
// the fold's reader, which remembers the date of the input before (fuzzDays).
func FuzzParseStart(f *testing.F) {
	var fuzzDays dayCache
	for _, s := range []string{"2025-01-02 08:30:00", "2025-01-02 08:31:07", "2025-01-02 24:00:00", "2025-01-02 8:30:00", " 2024-02-29 23:59:59 ", "2025-02-29 00:00:00", "2025-3-03 10:23:20", "0000-01-01 00:00:00", "9999-12-31 23:59:59", "2025-01-02T08:30:00", "n/a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := parseStart([]byte(s))
		want := noTime
		if trimmed := strings.TrimSpace(s); refTimeForm.MatchString(trimmed) {
			if tm, err := time.Parse(time.DateTime, trimmed); err == nil {
				want = tm.Unix()
			}
		}
		if got != want {
			t.Fatalf("parseStart(%q) = %d, want %d", s, got, want)
		}
		if again := fuzzDays.parseStart([]byte(s)); again != want {
			t.Fatalf("parseStart(%q) after %q = %d, want %d", s, fuzzDays.date, again, want)
		}
		if got != noTime {
			tm := wallTime(got)
			if weekdayOf(got) != tm.Weekday() || int(secondOfDay(got)) != tm.Hour()*3600+tm.Minute()*60+tm.Second() {
				t.Fatalf("%q: weekday %v, second %d; time says %v", s, weekdayOf(got), secondOfDay(got), tm)
			}
		}
	})
}

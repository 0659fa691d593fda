package period

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Layouts in which times are written: year first and a 24-hour clock, as the PBX, the
// command line and Chinese offices write them.
const (
	DateLayout     = "2006-01-02"
	ClockLayout    = "15:04:05"
	DateTimeLayout = DateLayout + " " + ClockLayout
)

// Errors of the parsers. The window words the problem itself, in the user's language;
// the command line wraps them with the flag's name.
var (
	errDate  = errors.New("not a date like 2026-05-18")
	errClock = errors.New("not a time like 08:30:00")
)

// ParseDate reads a date written 2026-05-18. It also takes what people type in a
// hurry: single-digit months and days (2026-5-8), slashes or dots (2026/05/18), and the
// full-width digits and punctuation of a Chinese input method (２０２６－０５－１８).
// Day-first and month-first forms (18/05/2026) are refused: they are ambiguous. The
// result is midnight of that day in loc.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.NewReplacer("/", "-", ".", "-").Replace(narrow(s))
	if strings.Count(s, "-") != 2 || len(s) > len(DateLayout) {
		return time.Time{}, errDate
	}
	t, err := time.ParseInLocation("2006-1-2", s, loc)
	if err != nil {
		return time.Time{}, errDate
	}
	return t, nil
}

// ParseClock reads a time of day, 08:30:00, and also 8:30 (seconds 00) and full-width
// digits. It returns the offset from midnight.
func ParseClock(s string) (time.Duration, error) {
	s = narrow(s)
	layout := ClockLayout
	if strings.Count(s, ":") == 1 {
		layout = "15:04"
	}
	if len(s) > len(ClockLayout) {
		return 0, errClock
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, errClock
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
		time.Duration(t.Second())*time.Second, nil
}

// At is day (any time on it) at the clock offset, built from the calendar fields
// rather than by adding to the instant, so that on a day the clock changes (summer
// time) the result still reads as typed.
func At(day time.Time, offset time.Duration) time.Time {
	h, m, s := int(offset/time.Hour), int(offset/time.Minute%60), int(offset/time.Second%60)
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, s, 0, day.Location())
}

// ParseFrom reads a start time: "2026-05-18" (midnight) or "2026-05-18 08:30:00", in
// the forms ParseDate and ParseClock take.
func ParseFrom(s string, loc *time.Location) (time.Time, error) { return parse(s, false, loc) }

// ParseTo reads an end time: a bare date means the end of that day, 23:59:59.
func ParseTo(s string, loc *time.Location) (time.Time, error) { return parse(s, true, loc) }

func parse(s string, endOfDay bool, loc *time.Location) (time.Time, error) {
	fields := strings.Fields(narrow(s))
	bad := fmt.Errorf("%q is not a date like 2026-05-18 or a time like 2026-05-18 08:30:00", strings.TrimSpace(s))
	if len(fields) == 0 || len(fields) > 2 {
		return time.Time{}, bad
	}
	day, err := ParseDate(fields[0], loc)
	if err != nil {
		return time.Time{}, bad
	}
	if len(fields) == 1 {
		if endOfDay {
			return At(day, 24*time.Hour-time.Second), nil
		}
		return day, nil
	}
	offset, err := ParseClock(fields[1])
	if err != nil {
		return time.Time{}, bad
	}
	return At(day, offset), nil
}

// narrow trims s and turns full-width characters (２０２６－０５－１８, ０８：３０, the
// ideographic space) into their ASCII forms.
func narrow(s string) string {
	return strings.TrimSpace(width.Narrow.String(strings.TrimSpace(s)))
}

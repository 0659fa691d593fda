package query

import (
	"errors"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Layouts the fields show. The PBX, the command line and Chinese offices all write
// dates year first; times are 24-hour.
const (
	dateLayout  = "2006-01-02"
	clockLayout = "15:04:05"
)

var (
	errDate  = errors.New("not a date like 2026-05-18")
	errClock = errors.New("not a time like 08:30:00")
)

// ParseDate reads a date typed as 2026-05-18. It also takes what people type in a
// hurry: single-digit months and days (2026-5-8), slashes or dots (2026/05/18), and the
// full-width digits and punctuation of a Chinese input method. The result is midnight
// of that day in loc.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	s = narrow(s)
	s = strings.NewReplacer("/", "-", ".", "-").Replace(s)
	if strings.Count(s, "-") != 2 || len(s) > len("2006-01-02") {
		return time.Time{}, errDate
	}
	t, err := time.ParseInLocation("2006-1-2", s, loc)
	if err != nil {
		return time.Time{}, errDate
	}
	return t, nil
}

// parseClock reads a time of day, 08:30:00, and also 8:30 (seconds 00). It returns the
// offset from midnight.
func parseClock(s string) (time.Duration, error) {
	s = narrow(s)
	layout := clockLayout
	if strings.Count(s, ":") == 1 {
		layout = "15:04"
	}
	if len(s) > len(clockLayout) {
		return 0, errClock
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, errClock
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
		time.Duration(t.Second())*time.Second, nil
}

// narrow trims s and turns full-width characters (２０２６－０５－１８, ０８：３０) into
// their ASCII forms.
func narrow(s string) string {
	return strings.TrimSpace(width.Narrow.String(strings.TrimSpace(s)))
}

// Package period turns the date ranges people ask for ("yesterday", "last month", a
// from/to pair typed as text) into the wall-clock start and end times the PBX expects.
package period

import (
	"fmt"
	"strings"
	"time"
)

// Preset names, as the command line spells them. The window shows them translated.
const (
	Today      = "today"
	Yesterday  = "yesterday"
	ThisWeek   = "this-week"
	LastWeek   = "last-week"
	ThisMonth  = "this-month"
	LastMonth  = "last-month"
	Last7Days  = "last-7-days"
	Last30Days = "last-30-days"
)

// Presets lists the preset names in the order they are offered.
var Presets = []string{Today, Yesterday, ThisWeek, LastWeek, ThisMonth, LastMonth, Last7Days, Last30Days}

// Range is a span of PBX wall-clock time, both ends included, to the second.
type Range struct{ From, To time.Time }

// Preset returns the range a preset name means on the day of now. Weeks start on Monday,
// as in China and most of Europe; ranges that include today end at 23:59:59 today.
func Preset(name string, now time.Time) (Range, error) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	endOf := func(d time.Time) time.Time { return d.AddDate(0, 0, 1).Add(-time.Second) }
	monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	first := day.AddDate(0, 0, 1-day.Day())
	switch name {
	case Today:
		return Range{day, endOf(day)}, nil
	case Yesterday:
		y := day.AddDate(0, 0, -1)
		return Range{y, endOf(y)}, nil
	case ThisWeek:
		return Range{monday, endOf(day)}, nil
	case LastWeek:
		return Range{monday.AddDate(0, 0, -7), monday.Add(-time.Second)}, nil
	case ThisMonth:
		return Range{first, endOf(day)}, nil
	case LastMonth:
		return Range{first.AddDate(0, -1, 0), first.Add(-time.Second)}, nil
	case Last7Days:
		return Range{day.AddDate(0, 0, -6), endOf(day)}, nil
	case Last30Days:
		return Range{day.AddDate(0, 0, -29), endOf(day)}, nil
	}
	return Range{}, fmt.Errorf("unknown range %q: use one of %s", name, strings.Join(Presets, ", "))
}

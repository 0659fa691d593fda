package callreport

import (
	"fmt"
	"strings"
	"time"

	"cdrdesk/cdrclient"
)

// Week is the days of the week in the order an office reads them, Monday first: the
// order of every weekday table, chart and setting.
var Week = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// BusinessHours are the days and the time of day an office is open, in PBX time. A
// call is in hours when its day is open and Open <= its time of day < Close: a call
// at 09:00:00 is in hours, one at 18:00:00 after hours.
type BusinessHours struct {
	Days        [7]bool       // open days, indexed by time.Weekday (Sunday = 0)
	Open, Close time.Duration // from midnight; Open < Close <= 24h, whole minutes
}

func defaultBusinessHours() BusinessHours {
	h := BusinessHours{Open: 9 * time.Hour, Close: 18 * time.Hour}
	for d := time.Monday; d <= time.Friday; d++ {
		h.Days[d] = true
	}
	return h
}

// Fixed English sentences of ParseBusinessHours' errors; internal/explain translates them.
const (
	MsgHoursForm  = "write business hours like Mon-Fri 09:00-18:00"
	MsgHoursDays  = "write the days as Mon, Tue, Wed, Thu, Fri, Sat or Sun, like Mon-Fri or Mon,Wed,Fri"
	MsgHoursTime  = "write the times on a 24-hour clock from 00:00 to 24:00, like 09:00-18:00"
	MsgHoursOrder = "the closing time must be after the opening time, like 09:00-18:00"
)

// hoursField is the command line's flag, named in the errors.
const hoursField = "business-hours"

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// ParseBusinessHours reads business hours as the command line writes them:
// "Mon-Fri 09:00-18:00", "Mon-Sat 08:30-17:30", "Mon,Wed,Fri 9:00-12:00", "Sat 09:00-12:00".
// Day names are English, three letters or whole ("Monday"), in any letter case; a
// range runs forward through the week and may wrap ("Sun-Thu", "Fri-Mon"); spaces
// around "-" and "," do not matter. The close may be 24:00. Anything else is a
// *cdrclient.InputError whose Msg is one of the Msg* sentences above.
func ParseBusinessHours(s string) (BusinessHours, error) {
	fail := func(msg string) (BusinessHours, error) {
		return BusinessHours{}, &cdrclient.InputError{Field: hoursField, Msg: msg, Value: s}
	}
	norm := strings.Join(strings.Fields(s), " ")
	for _, sep := range []string{"-", ","} {
		norm = strings.ReplaceAll(norm, " "+sep, sep)
		norm = strings.ReplaceAll(norm, sep+" ", sep)
	}
	days, clock, ok := strings.Cut(norm, " ")
	if !ok || strings.Contains(clock, " ") {
		return fail(MsgHoursForm)
	}
	var h BusinessHours
	for item := range strings.SplitSeq(days, ",") {
		first, last, isRange := strings.Cut(item, "-")
		a, okA := parseDay(first)
		b, okB := a, okA
		if isRange {
			b, okB = parseDay(last)
		}
		if !okA || !okB {
			return fail(MsgHoursDays)
		}
		for d := a; ; d = (d + 1) % 7 {
			h.Days[d] = true
			if d == b {
				break
			}
		}
	}
	open, closing, ok := strings.Cut(clock, "-")
	var okO, okC bool
	h.Open, okO = parseClock(open)
	h.Close, okC = parseClock(closing)
	if !ok || !okO || !okC {
		return fail(MsgHoursTime)
	}
	if h.Close <= h.Open {
		return fail(MsgHoursOrder)
	}
	return h, nil
}

// parseDay reads an English day name, three letters or whole, any letter case.
func parseDay(s string) (time.Weekday, bool) {
	for d, name := range dayNames {
		whole := time.Weekday(d).String()
		if strings.EqualFold(s, name) || strings.EqualFold(s, whole) {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// parseClock reads h:mm or hh:mm, 00:00 to 24:00, as the offset from midnight.
func parseClock(s string) (time.Duration, bool) {
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(hh) < 1 || len(hh) > 2 || len(mm) != 2 {
		return 0, false
	}
	h, okH := smallNumber(hh)
	m, okM := smallNumber(mm)
	if !okH || !okM || m > 59 || h > 24 || h == 24 && m != 0 {
		return 0, false
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, true
}

// smallNumber reads one or two ASCII digits.
func smallNumber(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// String writes the hours in the form ParseBusinessHours reads, with days as ranges
// in week order from Monday: "Mon-Fri 09:00-18:00", "Mon,Wed,Fri 09:00-12:00".
func (h BusinessHours) String() string {
	var items []string
	order := Week
	for i := 0; i < 7; {
		if !h.Days[order[i]] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && h.Days[order[j+1]] {
			j++
		}
		item := dayNames[order[i]]
		if j > i {
			item += "-" + dayNames[order[j]]
		}
		items = append(items, item)
		i = j + 1
	}
	if len(items) == 0 {
		items = append(items, "none")
	}
	return fmt.Sprintf("%s %s-%s", strings.Join(items, ","), clockText(h.Open), clockText(h.Close))
}

func clockText(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// In reports whether a PBX wall-clock time (as cdrclient.ParsePBXTime gives it) is in
// business hours.
func (h BusinessHours) In(t time.Time) bool {
	sod := t.Hour()*3600 + t.Minute()*60 + t.Second()
	return h.in(t.Weekday(), int32(sod))
}

func (h BusinessHours) in(day time.Weekday, secondOfDay int32) bool {
	return h.Days[day] && int64(secondOfDay) >= int64(h.Open/time.Second) && int64(secondOfDay) < int64(h.Close/time.Second)
}

// validate checks hours built by hand rather than parsed.
func (h BusinessHours) validate() error {
	if h.Open < 0 || h.Close > 24*time.Hour || h.Close <= h.Open || h.Open%time.Minute != 0 || h.Close%time.Minute != 0 {
		return &cdrclient.InputError{Field: hoursField, Msg: MsgHoursOrder, Value: h.String()}
	}
	return nil
}

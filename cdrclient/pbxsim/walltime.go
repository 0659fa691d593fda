package pbxsim

import "time"

// TimeLayout is the API's time format (24 h, PBX local time, no zone).
const TimeLayout = "2006-01-02 15:04:05"

// wallTime is a PBX-local wall-clock time as seconds since 1970-01-01
// 00:00:00 of the same wall clock. It is independent of the zone's offset,
// so ranges compare as the PBX compares its timestart strings.
type wallTime int64

const secondsPerDay = 24 * 60 * 60

// wallOf reads the wall clock of t in t's own location.
func wallOf(t time.Time) wallTime {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return wallTime(time.Date(y, m, d, h, mi, s, 0, time.UTC).Unix())
}

// day is the wall-clock day number (days since 1970-01-01).
func (w wallTime) day() int64 {
	d := int64(w) / secondsPerDay
	if int64(w) < 0 && int64(w)%secondsPerDay != 0 {
		d--
	}
	return d
}

// parseWallTime parses "yyyy-mm-dd hh:mm:ss" strictly: exactly that shape,
// two-digit fields, a real calendar date and a 24-hour time. The PBX
// answers 20019 to anything else.
func parseWallTime(s string) (wallTime, bool) {
	if len(s) != len(TimeLayout) {
		return 0, false
	}
	for i := range len(s) {
		want := TimeLayout[i]
		isDigit := '0' <= s[i] && s[i] <= '9'
		if '0' <= want && want <= '9' {
			if !isDigit {
				return 0, false
			}
		} else if s[i] != want {
			return 0, false
		}
	}
	t, err := time.Parse(TimeLayout, s)
	if err != nil || t.Format(TimeLayout) != s {
		return 0, false
	}
	return wallTime(t.Unix()), true
}

// appendWall appends w as "yyyy-mm-dd hh:mm:ss" or, with compact, as
// "yyyymmddhhmmss" (the recording file name's form). It is pure integer
// arithmetic because it runs for every CSV row.
func appendWall(b []byte, w wallTime, compact bool) []byte {
	day := w.day()
	sod := int(int64(w) - day*secondsPerDay)
	y, m, d := civilFromDays(day)
	if compact {
		b = append4(b, y)
		b = append2(b, m)
		b = append2(b, d)
		b = append2(b, sod/3600)
		b = append2(b, sod/60%60)
		return append2(b, sod%60)
	}
	b = append(append4(b, y), '-')
	b = append(append2(b, m), '-')
	b = append(append2(b, d), ' ')
	b = append(append2(b, sod/3600), ':')
	b = append(append2(b, sod/60%60), ':')
	return append2(b, sod%60)
}

// civilFromDays converts days since 1970-01-01 to a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func civilFromDays(z int64) (year, month, day int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}

func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

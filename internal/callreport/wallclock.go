package callreport

import (
	"bytes"
	"time"
)

// Times are PBX wall-clock times (the PBX writes timestart in its local time, without
// a zone) counted in seconds from 1970-01-01 00:00:00 of that wall clock, as if it
// were UTC: the same reading as cdrclient.ParsePBXTime. A call-back window of 24 hours
// is therefore 24 hours of the PBX's clock.
const noTime = int64(-1 << 63) // timestart missing or not a time

// timeLayout is the shape of a timestart: 'd' is a digit, other bytes must match.
const timeLayout = "dddd-dd-dd dd:dd:dd"

// parseStart reads a timestart, "2025-01-02 08:30:00" (surrounding white space
// allowed), as wall-clock seconds; noTime when it is not a real time in exactly that
// form, every field with all its digits, as the PBX writes it.
func parseStart(b []byte) int64 {
	var dc dayCache
	return dc.parseStart(b)
}

// dayCache is parseStart with a memory of the last date read: a PBX writes its records
// in time order, so most rows repeat the date of the row before, and only their clock
// needs reading.
type dayCache struct {
	date [10]byte // "yyyy-mm-dd" of the last valid time read
	days int64    // its days from 1970-01-01
	ok   bool     // date and days are set
}

func (dc *dayCache) parseStart(b []byte) int64 {
	if len(b) != len(timeLayout) {
		b = bytes.TrimSpace(b)
		if len(b) != len(timeLayout) {
			return noTime
		}
	}
	// Fixed places, checked in one expression: this runs a million times.
	if b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':' {
		return noTime
	}
	var bad byte
	num := func(i, n int) int64 {
		var v int64
		for _, c := range b[i : i+n] {
			d := c - '0'
			bad |= d / 10 // a byte that is no digit makes d at least 10
			v = v*10 + int64(d)
		}
		return v
	}
	hour, minute, second := num(11, 2), num(14, 2), num(17, 2)
	if bad != 0 || hour > 23 || minute > 59 || second > 59 {
		return noTime
	}
	clock := hour*3600 + minute*60 + second
	if dc.ok && string(b[:10]) == string(dc.date[:]) {
		return dc.days*86400 + clock
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	if bad != 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return noTime
	}
	copy(dc.date[:], b[:10])
	dc.days, dc.ok = daysFromCivil(year, month, day), true
	return dc.days*86400 + clock
}

func daysIn(year, month int64) int64 {
	days := [13]int64{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return days
}

// daysFromCivil counts days from 1970-01-01 to a date of the proleptic Gregorian
// calendar (H. Hinnant's algorithm), without going through time.Time per row.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// wallTime returns seconds as a time.Time in UTC (the zero Time for noTime).
func wallTime(s int64) time.Time {
	if s == noTime {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

// dayOf, weekdayOf and secondOfDay split wall-clock seconds.
func dayOf(s int64) int64 {
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

func weekdayOf(s int64) time.Weekday { return weekdayOfDay(dayOf(s)) }

// weekdayOfDay is the weekday of a day counted from 1970-01-01, a Thursday.
func weekdayOfDay(d int64) time.Weekday { return time.Weekday(((d+4)%7 + 7) % 7) }

func secondOfDay(s int64) int32 { return int32(s - dayOf(s)*86400) }

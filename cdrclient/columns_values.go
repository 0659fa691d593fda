package cdrclient

import (
	"strconv"
	"strings"
	"time"
)

// ParseSeconds parses a duration column (callduraction, talkduraction): a whole,
// non-negative number of seconds, surrounding space allowed. It reports false for
// anything else, including an empty value.
func ParseSeconds(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < '0' || s[0] > '9' { // no sign: durations are never negative
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	return n, true
}

// FormatDuration formats seconds as "h:mm:ss" (0:00:42, 1:02:03, 27:00:00): hours are
// not wrapped at 24, so totals over a day still read right.
func FormatDuration(sec int) string {
	b := make([]byte, 0, 24)
	u := uint64(sec)
	if sec < 0 {
		b = append(b, '-')
		u = -u // two's complement: right even for math.MinInt
	}
	b = strconv.AppendUint(b, u/3600, 10)
	b = append(b, ':', byte('0'+u/600%6), byte('0'+u/60%10), ':', byte('0'+u%60/10), byte('0'+u%10))
	return string(b)
}

// ParsePBXTime parses a timestart value, "2006-01-02 15:04:05", every field with all
// its digits as the PBX writes it (time.Parse alone would also take "8:00:00"). The PBX
// writes its local wall clock without a zone, so the result carries the wall-clock
// fields in time.UTC: compare and format it as PBX time, and do not convert it to
// another zone (the real offset can be estimated from callid, whose seconds are UTC).
func ParsePBXTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) != len(TimeLayout) {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(TimeLayout, s, time.UTC)
	return t, err == nil
}

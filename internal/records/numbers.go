package records

import (
	"bytes"
	"math"
)

// parseSeconds reads a duration as cdrclient.ParseSeconds does (surrounding white
// space allowed, digits only, no sign, fits an int64) but from bytes, so that a pass
// over a million rows converts no field to a string.
func parseSeconds(b []byte) (int64, bool) {
	return parseDigits(bytes.TrimSpace(b))
}

// parseDigits reads a non-empty run of ASCII digits that fits an int64.
func parseDigits(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		d := int64(c) - '0'
		if d < 0 || d > 9 || n > (math.MaxInt64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// parseCallID reads a callid, "<unix seconds>.<sequence>" (surrounding white space
// allowed), as two numbers so that it sorts by time, then by sequence ("….33"
// before "….324"). Anything else (no dot, a sign, an overflow) is not a callid.
func parseCallID(b []byte) (secs, seq int64, ok bool) {
	b = bytes.TrimSpace(b)
	dot := bytes.IndexByte(b, '.')
	if dot < 0 {
		return 0, 0, false
	}
	secs, ok1 := parseDigits(b[:dot])
	seq, ok2 := parseDigits(b[dot+1:])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	return secs, seq, true
}

// timeLayout is the shape of a timestart: 'd' is a digit, other bytes must match.
const timeLayout = "dddd-dd-dd dd:dd:dd"

// packTime reads a timestart ("2025-01-02 08:30:00") as the number its digits spell
// (20250102083000). It accepts the times cdrclient.ParsePBXTime accepts that are in
// the strict form (no surrounding or doubled space, two-digit hours): those have
// their separators in the same places, so the numbers order exactly as the texts.
func packTime(b []byte) (uint64, bool) {
	if len(b) != len(timeLayout) {
		return 0, false
	}
	var n uint64
	for i, c := range b {
		if timeLayout[i] != 'd' {
			if c != timeLayout[i] {
				return 0, false
			}
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, validDate(n)
}

// validDate checks the fields of a packed time as time.Parse does: a real day of
// a real month, hours below 24, minutes and seconds below 60.
func validDate(n uint64) bool {
	year, month, day := n/1e10, n/1e8%100, n/1e6%100
	hour, minute, second := n/1e4%100, n/100%100, n%100
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 {
		return false
	}
	days := [13]uint64{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

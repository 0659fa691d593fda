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

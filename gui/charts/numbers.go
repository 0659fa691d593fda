package charts

import (
	"strconv"
	"strings"
)

// formatNumber prints v with decimals digits after the point and its whole part in
// groups of three ("12,345"), as both English and Chinese readers write numbers.
func formatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// valueDecimals is how many decimals a single value (not a tick) is printed with:
// none when whole, else about three significant digits.
func valueDecimals(v float64, whole bool) int {
	switch {
	case whole || v >= 100:
		return 0
	case v >= 10:
		return 1
	}
	return 2
}

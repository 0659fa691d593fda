package i18n

import "strconv"

// Count writes n with its digits in groups of three, 1234567 as "1,234,567": how both
// English and Chinese readers of the window write counts of records and calls.
func Count(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > start && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

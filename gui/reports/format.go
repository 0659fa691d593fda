package reports

import (
	"strconv"
	"time"

	"cdrdesk/cdrclient"
)

// formatCount writes n with thousands separators: 1,234,567.
func formatCount(n int) string {
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

// formatDuration writes a number of seconds as h:mm:ss, or as whole seconds (with
// thousands separators) when seconds is set, as the grid's durations choice says.
func formatDuration(sec int64, seconds bool) string {
	if seconds {
		return formatCount(int(sec))
	}
	return cdrclient.FormatDuration(int(sec))
}

// formatTime writes a PBX wall-clock time as yyyy-mm-dd HH:MM:SS; "" when unknown.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateTime)
}

// formatDate writes a PBX date as yyyy-mm-dd.
func formatDate(t time.Time) string { return t.Format(time.DateOnly) }

package reports

import (
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// formatDuration writes a number of seconds as h:mm:ss, or as whole seconds (with
// thousands separators) when seconds is set, as the grid's durations choice says.
func formatDuration(sec int64, seconds bool) string {
	if seconds {
		return i18n.Count(int(sec))
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

package pbxsim

import "time"

// BusyYear returns the options and the range (all of 2025) of a year of a busy office:
// just over a million records. Every benchmark of cdrdesk measures this year, so the
// figures of the parser, the exports, the window and the call reports are of the same
// records.
func BusyYear() (o Options, from, to time.Time) {
	o = DefaultOptions()
	o.CallsPerDay = 2740
	return o, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)
}

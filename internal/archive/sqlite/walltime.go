package sqlite

import (
	"time"

	"cdrdesk/internal/archive"
)

// wallSeconds is t's wall clock (its date and clock in its own location) as Unix
// seconds of the same wall clock in UTC: how timestart is kept. Like the PBX, the
// archive knows no time zone: a Range's fields are its wall clock.
func wallSeconds(t time.Time) int64 {
	return archive.Wall(t).Unix()
}

// wallTime is the time of wallSeconds' seconds, in UTC as cdrclient.ParsePBXTime gives.
func wallTime(s int64) time.Time { return time.Unix(s, 0).UTC() }

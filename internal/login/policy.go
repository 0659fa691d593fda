package login

import (
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

// TokenReuse is how old a saved token may be and still be tried: the PBX forgets a
// token after 30 idle minutes.
const TokenReuse = 25 * time.Minute

// LockoutAfter is the number of failed logins in a row after which the PBX locks a
// computer out for 10 minutes.
const LockoutAfter = 5

// WarnFrom is the failed-login count from which a person is warned before trying again.
const WarnFrom = 3

// Warn reports whether failed logins in a row are enough to warn about the lockout.
func Warn(failed int) bool { return failed >= WarnFrom }

// Reusable reports whether a saved token is recent enough (saved less than TokenReuse
// ago, and not in the future of a clock set back) and of the API version asked for.
func Reusable(t profile.Token, version string, now time.Time) bool {
	age := now.Sub(t.Saved)
	fits := version == cdrclient.VersionAuto || version == "" || t.Version == version
	return t.Value != "" && age >= 0 && age < TokenReuse && fits
}

// Unattended returns an error when a login nobody asked for (the window reconnecting at
// start) must not use p's saved password: the PBX refused the last login with p, and
// trying the same password again at every start would walk into the lockout.
func Unattended(p profile.Profile) error {
	if p.FailedLogins > 0 {
		return &RefusedBeforeError{Profile: p.Name, Failed: p.FailedLogins}
	}
	return nil
}

// SameAddress compares two PBX addresses as the client would use them.
func SameAddress(a, b string) bool {
	na, errA := cdrclient.ParseAddress(a)
	nb, errB := cdrclient.ParseAddress(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return na == nb
}

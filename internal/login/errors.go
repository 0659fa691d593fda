package login

import (
	"errors"
	"fmt"

	"cdrdesk/cdrclient"
)

// ErrNoPassword means no password was given and none is saved for the connection.
var ErrNoPassword = errors.New("no password given and none saved")

// RefusedBeforeError means the saved password was not tried because the PBX refused
// the last login of the saved connection Profile (Failed logins in a row); no request
// was sent. A person must give the password again.
type RefusedBeforeError struct {
	Profile string
	Failed  int
}

func (e *RefusedBeforeError) Error() string {
	return cdrclient.Redact(fmt.Sprintf("the saved password of %q was not tried: the last %d login(s) with it were refused", e.Profile, e.Failed))
}

// DisconnectedError means a running session of the saved connection Profile ended
// because the PBX refused its login (Cause: *cdrclient.AuthError, *cdrclient.LockedOutError,
// or *cdrclient.LoginStoppedError wrapping one); it will not log in again by itself.
type DisconnectedError struct {
	Profile string
	Cause   error
}

func (e *DisconnectedError) Error() string {
	return cdrclient.Redact(fmt.Sprintf("disconnected from %q: %v", e.Profile, e.Cause))
}

func (e *DisconnectedError) Unwrap() error { return e.Cause }

// Locked reports whether the PBX refused because it locked this computer out.
func (e *DisconnectedError) Locked() bool {
	var locked *cdrclient.LockedOutError
	return errors.As(e.Cause, &locked)
}

// Ended returns a *DisconnectedError when err, from a running session of the saved
// connection profile, is the PBX refusing its login; otherwise nil.
func Ended(profile string, err error) error {
	var auth *cdrclient.AuthError
	var locked *cdrclient.LockedOutError
	if errors.As(err, &auth) || errors.As(err, &locked) {
		return &DisconnectedError{Profile: profile, Cause: err}
	}
	return nil
}

// FingerprintConflictError means a certificate fingerprint given for this use differs
// from the one trusted for the saved connection Profile. Nothing was sent: trusting a
// changed certificate is a deliberate step of its own.
type FingerprintConflictError struct {
	Profile, Given, Trusted string
}

func (e *FingerprintConflictError) Error() string {
	return cdrclient.Redact(fmt.Sprintf("the fingerprint given (%s) differs from the certificate trusted for %q (%s)", e.Given, e.Profile, e.Trusted))
}

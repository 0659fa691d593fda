package profile

import (
	"errors"
	"fmt"
)

// SecretStore is the OS keyring, or a stand-in in tests. Keys are looked up
// by service and key; values are short strings.
type SecretStore interface {
	// Get returns the value, or an error wrapping ErrNotFound.
	Get(service, key string) (string, error)
	// Set stores value, replacing any previous one.
	Set(service, key, value string) error
	// Delete removes the value, or returns an error wrapping ErrNotFound.
	Delete(service, key string) error
}

var (
	// ErrNotFound is returned by SecretStore.Get and Delete when the
	// keyring has no such entry.
	ErrNotFound = errors.New("secret not found in keyring")
	// ErrKeyringUnavailable wraps every other keyring failure, including a
	// call that did not answer in time. The caller should then ask for the
	// password each time rather than keep it anywhere else.
	ErrKeyringUnavailable = errors.New("keyring unavailable")
	// ErrNoSecret is returned by Store.PasswordMD5 and Store.Token when
	// nothing usable is saved for the profile.
	ErrNoSecret = errors.New("no saved secret for this profile")
)

// service is the keyring service name of every cdrdesk secret.
const service = "cdrdesk"

// Keyring keys of a profile's secrets. The suffixes are fixed, so keys of
// different profiles never collide even when a name contains "/".
func passwordKey(name string) string { return name + "/password-md5" }
func tokenKey(name string) string    { return name + "/token" }

// unavailable makes sure a keyring failure other than "not found" wraps
// ErrKeyringUnavailable, whatever SecretStore produced it.
func unavailable(err error) error {
	if err == nil || errors.Is(err, ErrNotFound) || errors.Is(err, ErrKeyringUnavailable) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrKeyringUnavailable, err)
}

package profile

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// errTimeout is the cause of ErrKeyringUnavailable when a call does not
// answer in time, typically because the keyring waits for an unlock prompt
// that nobody sees.
var errTimeout = errors.New("no answer in time")

// keyringBackend is the system keyring's API, replaceable in tests.
type keyringBackend interface {
	Get(service, key string) (string, error)
	Set(service, key, value string) error
	Delete(service, key string) error
}

// goKeyring calls the system keyring through go-keyring: the Secret Service
// on Linux, the Keychain on macOS, the Credential Manager on Windows.
type goKeyring struct{}

func (goKeyring) Get(service, key string) (string, error) { return keyring.Get(service, key) }
func (goKeyring) Set(service, key, value string) error    { return keyring.Set(service, key, value) }
func (goKeyring) Delete(service, key string) error        { return keyring.Delete(service, key) }

// timedKeyring bounds every call to backend by timeout.
type timedKeyring struct {
	backend keyringBackend
	timeout time.Duration
}

// NewKeyring returns the OS keyring as a SecretStore. go-keyring calls have
// no timeout and hang on an unanswered unlock prompt, so each call runs in a
// goroutine and gives up after timeout with ErrKeyringUnavailable; the
// abandoned call may finish later, harmlessly. "Not found" becomes
// ErrNotFound and every other failure ErrKeyringUnavailable.
func NewKeyring(timeout time.Duration) SecretStore {
	return &timedKeyring{backend: goKeyring{}, timeout: timeout}
}

// Get returns the secret stored under service and key.
func (k *timedKeyring) Get(service, key string) (string, error) {
	var v string
	err := k.call(func() (err error) {
		v, err = k.backend.Get(service, key)
		return err
	})
	if err != nil {
		return "", err
	}
	return v, nil
}

// Set stores value under service and key.
func (k *timedKeyring) Set(service, key, value string) error {
	return k.call(func() error { return k.backend.Set(service, key, value) })
}

// Delete removes the secret under service and key.
func (k *timedKeyring) Delete(service, key string) error {
	return k.call(func() error { return k.backend.Delete(service, key) })
}

// call runs fn with the timeout and maps its error. The result of fn is
// only read after it has signalled completion on done, so an abandoned call
// cannot race with the caller.
func (k *timedKeyring) call(fn func() error) error {
	done := make(chan error, 1) // buffered: an abandoned fn must not block
	go func() { done <- fn() }()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return mapKeyringError(err)
	case <-timer.C:
		return fmt.Errorf("%w: %w (%v)", ErrKeyringUnavailable, errTimeout, k.timeout)
	}
}

// mapKeyringError translates go-keyring's errors into this package's.
func mapKeyringError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	default:
		return fmt.Errorf("%w: %w", ErrKeyringUnavailable, err)
	}
}

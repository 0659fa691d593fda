package login

import (
	"errors"
	"sync"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

// Counter counts the logins of one saved connection in its profile's FailedLogins: a
// login the PBX accepted resets it, a refused one (*cdrclient.AuthError) adds one.
// Other outcomes (network, certificate, lockout) say nothing about the password and
// leave it. Its Observe is a session's cdrclient.Config.OnLogin, so every login counts,
// whatever sent it. It is safe for concurrent use.
type Counter struct {
	store *profile.Store
	mu    sync.Mutex
	name  string
}

// NewCounter returns the counter of the saved connection name.
func NewCounter(store *profile.Store, name string) *Counter {
	return &Counter{store: store, name: name}
}

// Observe records the outcome of one login.
func (c *Counter) Observe(err error) {
	var auth *cdrclient.AuthError
	refused := errors.As(err, &auth)
	if err != nil && !refused {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Best effort: a count that cannot be saved (the file is gone or read-only) must not
	// turn a working login into a failure; the PBX still counts on its side.
	_, _ = c.store.Update(c.name, func(p *profile.Profile) {
		if refused {
			p.FailedLogins++
		} else {
			p.FailedLogins = 0
		}
	})
}

// Rename follows a rename of the saved connection while its session runs.
func (c *Counter) Rename(to string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.name = to
}

// Failed returns the saved count of failed logins in a row.
func (c *Counter) Failed() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, _ := c.store.Get(c.name)
	return p.FailedLogins
}

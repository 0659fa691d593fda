package login

import (
	"errors"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

// Logins applies the policy to the saved connections of one store.
type Logins struct {
	Store    *profile.Store
	Now      func() time.Time   // the clock; time.Now when nil
	Timeouts cdrclient.Timeouts // passed to sessions
}

// Target is a saved connection about to be used. Profile.Name says whose password,
// token and failed-login count; the other fields of Profile are what to use this time
// (the dialog's form, or the saved profile with the command line's flags over it).
type Target struct {
	Profile     profile.Profile
	PasswordMD5 string // given for this use; "" = the one saved in the keyring
}

func (l Logins) now() time.Time {
	if l.Now == nil {
		return time.Now()
	}
	return l.Now()
}

// Config returns the settings of a session for t: its address, user, API version and
// pinned certificate; the password given, else the one saved; and the saved token when
// it is worth trying (see Reusable), only with the saved password and for the saved
// PBX and user. When the session is for the saved PBX and user, its logins go through
// the returned Counter (as Config.OnLogin); for another PBX the counter is nil, as
// failed logins there say nothing about this one.
//
// Without a password it returns ErrNoPassword, or an error wrapping
// profile.ErrKeyringUnavailable. It may wait for the keyring's timeout: call it off
// the UI goroutine.
func (l Logins) Config(t Target) (cdrclient.Config, *Counter, error) {
	p := t.Profile
	stored, exists := l.Store.Get(p.Name)
	own := exists && SameAddress(stored.URL, p.URL) && stored.User == p.User
	cfg := cdrclient.Config{BaseURL: p.URL, User: p.User, PasswordMD5: t.PasswordMD5, APIVersion: p.APIVersion,
		Fingerprint: p.Fingerprint, Timeouts: l.Timeouts, Now: l.Now}
	if cfg.PasswordMD5 == "" {
		if !exists {
			return cdrclient.Config{}, nil, ErrNoPassword
		}
		md5, err := l.Store.PasswordMD5(p.Name)
		switch {
		case errors.Is(err, profile.ErrKeyringUnavailable):
			return cdrclient.Config{}, nil, err
		case err != nil:
			return cdrclient.Config{}, nil, ErrNoPassword
		}
		cfg.PasswordMD5 = md5
		if tok, err := l.Store.Token(p.Name); err == nil && own && Reusable(tok, p.APIVersion, l.now()) {
			cfg.Token, cfg.TokenVersion = tok.Value, tok.Version
		}
	}
	if !own {
		return cfg, nil, nil
	}
	c := NewCounter(l.Store, p.Name)
	cfg.OnLogin = c.Observe
	return cfg, c, nil
}

// SaveToken keeps the session's token for the saved connection name, so that the next
// start or command within TokenReuse needs no login.
func (l Logins) SaveToken(name string, sess *cdrclient.Session) error {
	return l.Store.SetToken(name, profile.Token{Value: sess.Token(), Saved: l.now(), Version: sess.Version()})
}

// Pin returns the certificate to pin for the saved connection p when a fingerprint was
// given for this use: the trusted one when they agree; the given one when p trusts none
// yet (save reports that it should then be saved, once it worked); and a
// *FingerprintConflictError when they differ.
func Pin(p profile.Profile, given string) (pin string, save bool, err error) {
	g := cdrclient.NormalizeFingerprint(given)
	switch {
	case given == "":
		return p.Fingerprint, false, nil
	case g == "":
		return given, false, nil // malformed: NewSession says so
	case p.Fingerprint == "":
		return g, true, nil
	case cdrclient.NormalizeFingerprint(p.Fingerprint) != g:
		return "", false, &FingerprintConflictError{Profile: p.Name, Given: g, Trusted: p.Fingerprint}
	}
	return p.Fingerprint, false, nil
}

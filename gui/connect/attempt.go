package connect

import (
	"context"
	"errors"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

// tokenReuse is how old a saved token may be and still be tried: the PBX forgets a token
// after 30 idle minutes.
const tokenReuse = 25 * time.Minute

// settings are the connection to try, as read from the form or from a saved profile.
type settings struct {
	name     string // profile name
	url      string // base URL, already checked
	user     string // API user
	version  string // cdrclient.VersionAuto or a version path
	password string // typed just now; "" = the one saved in the keyring
	trust    string // a certificate fingerprint the person has just chosen to trust
}

// outcome is what one attempt did.
type outcome struct {
	res           Result          // the connection, when err is nil
	err           error           // why there is none
	prof          profile.Profile // the profile as it is now saved
	saved         bool            // prof was saved (the attempt got that far)
	passwordSaved bool            // the keyring holds the password's MD5
	tokenSaved    bool            // the keyring holds the session's token
	keyring       error           // the keyring failed on the way; the connection may still work
}

// dial tries s: it logs in (or reuses a fresh saved token), lists the extensions, and
// saves what it learnt: the settings, the failed-login count, and on success the trusted
// certificate, the password's MD5 and the token. It never retries a refused login.
// It blocks on the network and the keyring: call it off the UI goroutine.
func dial(ctx context.Context, deps Deps, s settings) outcome {
	deps = deps.withDefaults()
	stored, exists := deps.Store.Get(s.name)
	o := outcome{prof: s.profile(stored, exists)}
	md5, tok, err := s.secrets(deps, stored, exists)
	if err != nil {
		o.err = err
		return o
	}
	sess, err := cdrclient.NewSession(cdrclient.Config{
		BaseURL: o.prof.URL, User: o.prof.User, PasswordMD5: md5, APIVersion: o.prof.APIVersion,
		Fingerprint: o.prof.Fingerprint, Token: tok.Value, TokenVersion: tok.Version,
		Timeouts: deps.Timeouts, Now: deps.Now,
	})
	if err != nil {
		o.err = err
		return o
	}
	exts, err := sess.Extensions(ctx)
	o.err = err
	o.count(err)
	if serr := deps.Store.Save(o.prof); serr != nil {
		if o.err == nil {
			o.err = serr
			logout(sess)
		}
		return o
	}
	o.saved = true
	if p, ok := deps.Store.Get(s.name); ok {
		o.prof = p // as the store normalised it
	}
	if o.err == nil {
		o.res = Result{Profile: o.prof, Session: sess, Extensions: exts}
		o.remember(deps, s, md5, sess)
	}
	return o
}

// profile is the profile s describes, keeping from the stored one what the form does
// not show: the failed-login count, and the trusted certificate unless the address
// changed (a pin belongs to one PBX; keeping it would cry "changed certificate" at
// another).
func (s settings) profile(stored profile.Profile, exists bool) profile.Profile {
	p := profile.Profile{Name: s.name, URL: s.url, User: s.user, APIVersion: s.version}
	if exists {
		p.FailedLogins = stored.FailedLogins
		if sameAddress(stored.URL, s.url) {
			p.Fingerprint = stored.Fingerprint
		}
	}
	if s.trust != "" {
		p.Fingerprint = s.trust
	}
	return p
}

// secrets returns the password's MD5 (typed, else saved) and a saved token still worth
// trying. A token is only reused with the saved password and for the same PBX and user;
// when those changed, the stale token is forgotten.
func (s settings) secrets(deps Deps, stored profile.Profile, exists bool) (string, profile.Token, error) {
	moved := exists && (!sameAddress(stored.URL, s.url) || stored.User != s.user)
	if moved {
		_ = deps.Store.ClearToken(s.name) // best effort: a stale token only costs a re-login
	}
	if s.password != "" {
		return cdrclient.HashPassword(s.password), profile.Token{}, nil
	}
	if !exists {
		return "", profile.Token{}, inputError("password", msgNoPassword)
	}
	md5, err := deps.Store.PasswordMD5(s.name)
	switch {
	case errors.Is(err, profile.ErrKeyringUnavailable):
		return "", profile.Token{}, err
	case err != nil:
		return "", profile.Token{}, inputError("password", msgNoPassword)
	}
	var tok profile.Token
	if t, err := deps.Store.Token(s.name); err == nil && !moved && reusable(t, s.version, deps.Now()) {
		tok = t
	}
	return md5, tok, nil
}

// reusable reports whether a saved token is recent enough and of the chosen API version.
func reusable(t profile.Token, version string, now time.Time) bool {
	age := now.Sub(t.Saved)
	fits := version == cdrclient.VersionAuto || version == "" || t.Version == version
	return age >= 0 && age < tokenReuse && fits
}

// count updates the failed-login count: reset by a success, raised by a refused login.
// Other failures (network, certificate, lockout) say nothing about the password.
func (o *outcome) count(err error) {
	var auth *cdrclient.AuthError
	switch {
	case err == nil:
		o.prof.FailedLogins = 0
	case errors.As(err, &auth):
		o.prof.FailedLogins++
	}
}

// remember saves, after a success, the typed password's MD5 and the token in the
// keyring and marks the profile as the last used. A keyring failure is noted, not
// fatal: the person is then asked for the password each time.
func (o *outcome) remember(deps Deps, s settings, md5 string, sess *cdrclient.Session) {
	o.passwordSaved = s.password == ""
	if s.password != "" {
		o.passwordSaved = o.keep(deps.Store.SetPasswordMD5(s.name, md5))
	}
	if o.keyring == nil { // else it would only wait for the same timeout again
		tok := profile.Token{Value: sess.Token(), Saved: deps.Now(), Version: sess.Version()}
		o.tokenSaved = o.keep(deps.Store.SetToken(s.name, tok))
	}
	_ = deps.Store.SetLast(s.name) // a convenience for the next start; the root sets it too
}

// keep records a keyring failure and reports whether the secret was saved.
func (o *outcome) keep(err error) bool {
	if errors.Is(err, profile.ErrKeyringUnavailable) {
		o.keyring = err
	}
	return err == nil
}

// sameAddress compares two base URLs as the client would use them.
func sameAddress(a, b string) bool {
	na, errA := cdrclient.ParseAddress(a)
	nb, errB := cdrclient.ParseAddress(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return na == nb
}

// logout ends a session nobody will use, best effort: the token expires by itself anyway.
func logout(sess *cdrclient.Session) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = sess.Logout(ctx)
}

package connect

import (
	"context"
	"errors"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/login"
	"cdrdesk/internal/profile"
)

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

// dial saves the settings of s, then tries them: it logs in (or reuses a fresh saved
// token) and lists the extensions; on success it keeps the password's MD5 and the token
// in the keyring. Which secrets it starts with and how the login is counted is
// internal/login's; it never retries a refused login. It blocks on the network and the
// keyring: call it off the UI goroutine.
func dial(ctx context.Context, deps Deps, s settings) outcome {
	deps = deps.withDefaults()
	stored, exists := deps.Store.Get(s.name)
	o := outcome{prof: s.profile(stored, exists)}
	if s.password == "" && !exists {
		o.err = inputError("password", msgNoPassword)
		return o
	}
	// Saved first, so that the login is counted in it like any other.
	if o.err = deps.Store.Save(o.prof); o.err != nil {
		return o
	}
	o.saved = true
	if exists && (!login.SameAddress(stored.URL, s.url) || stored.User != s.user) {
		_ = deps.Store.ClearToken(s.name) // best effort: a stale token only costs a re-login
	}
	o.reread(deps)
	md5 := ""
	if s.password != "" {
		md5 = cdrclient.HashPassword(s.password)
	}
	logins := deps.logins()
	cfg, counter, err := logins.Config(login.Target{Profile: o.prof, PasswordMD5: md5})
	if errors.Is(err, login.ErrNoPassword) {
		err = inputError("password", msgNoPassword)
	}
	if err != nil {
		o.err = err
		return o
	}
	sess, err := cdrclient.NewSession(cfg)
	if err != nil {
		o.err = err
		return o
	}
	exts, err := sess.Extensions(ctx)
	o.err = err
	o.reread(deps) // with the login counted
	if o.err == nil {
		o.res = Result{Profile: o.prof, Session: sess, Extensions: exts, Logins: counter}
		o.remember(deps, s, md5, sess)
	}
	return o
}

// reread takes the profile as the store holds it now (normalised, login counted).
func (o *outcome) reread(deps Deps) {
	if p, ok := deps.Store.Get(o.prof.Name); ok {
		o.prof = p
	}
}

// profile is the profile s describes, keeping from the stored one what the form does
// not show: the failed-login count, and, unless the address changed, the trusted
// certificate, serial number and extensions (a pin belongs to one PBX; keeping it
// would cry "changed certificate" at another).
func (s settings) profile(stored profile.Profile, exists bool) profile.Profile {
	p := profile.Profile{Name: s.name, URL: s.url, User: s.user, APIVersion: s.version}
	if exists {
		p.FailedLogins = stored.FailedLogins
		if login.SameAddress(stored.URL, s.url) {
			// What was learned of this PBX stays with it: its serial number (the
			// archive's key for it) and its extensions (the picker offline).
			p.Fingerprint, p.SN, p.Extensions = stored.Fingerprint, stored.SN, stored.Extensions
		}
	}
	if s.trust != "" {
		p.Fingerprint = s.trust
	}
	return p
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
		o.tokenSaved = o.keep(deps.logins().SaveToken(s.name, sess))
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

// logout ends a session nobody will use, best effort: the token expires by itself anyway.
func logout(sess *cdrclient.Session) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = sess.Logout(ctx)
}

package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/login"
	"cdrdesk/internal/profile"
)

// connFlags are the flags of every command that talks to a PBX.
type connFlags struct {
	pbx, user, api, fingerprint, profile string
	passwordStdin, trustNewCert          bool
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.pbx, "pbx", "", "PBX address, e.g. https://192.168.1.150:8088 (https and port 8088 by default)")
	fs.StringVar(&c.user, "user", "", "API user name")
	fs.BoolVar(&c.passwordStdin, "password-stdin", false, "read the API password from the first line of standard input (else $CDRDESK_PASSWORD)")
	fs.StringVar(&c.api, "api", "", "API version: auto, v2.0.0, v1.1.0 or v0.0.1 (default auto)")
	fs.StringVar(&c.fingerprint, "fingerprint", "", "SHA-256 fingerprint of the PBX certificate to accept")
	fs.BoolVar(&c.trustNewCert, "trust-new-cert", false, "accept an unknown certificate once and print its fingerprint")
	fs.StringVar(&c.profile, "profile", "", "use a connection saved in the window")
}

// connection is a session and what it came from.
type connection struct {
	sess    *cdrclient.Session
	store   *profile.Store  // nil without --profile
	prof    profile.Profile // the profile used, if any
	logins  *login.Counter  // counts the session's logins in the profile; nil without one
	name    string          // a name for reports: the profile or the PBX host
	trusted bool            // the certificate the session meets is to be trusted (and saved)
}

// connect builds a session from the flags, a saved profile and the password source.
func (c *connFlags) connect(env Env) (*connection, error) {
	md5, err := c.password(env)
	if err != nil {
		return nil, err
	}
	conn := &connection{trusted: c.trustNewCert}
	cfg := cdrclient.Config{BaseURL: c.pbx, User: c.user, PasswordMD5: md5, APIVersion: c.api, Fingerprint: c.fingerprint, Now: env.Now}
	if c.profile != "" {
		if cfg, err = conn.loadProfile(env, c, md5); err != nil {
			return nil, err
		}
	}
	cfg.TrustNewCert = c.trustNewCert
	if cfg.BaseURL == "" || cfg.User == "" {
		return nil, usagef("say which PBX and API user: --pbx ADDRESS --user NAME, or --profile NAME")
	}
	if cfg.PasswordMD5 == "" {
		return nil, noPassword()
	}
	sess, err := cdrclient.NewSession(cfg)
	if err != nil {
		return nil, err
	}
	conn.sess = sess
	if conn.name == "" {
		conn.name = hostOf(sess.BaseURL())
	}
	return conn, nil
}

func noPassword() error {
	return usagef("no password: pipe it to --password-stdin or set CDRDESK_PASSWORD")
}

// password reads the password's MD5 from standard input or the environment, never a
// flag; "" when neither gives one.
func (c *connFlags) password(env Env) (string, error) {
	if c.passwordStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", usagef("--password-stdin: no password on standard input (%v)", err)
		}
		return cdrclient.HashPassword(line), nil
	}
	if p := env.Getenv("CDRDESK_PASSWORD"); p != "" {
		return cdrclient.HashPassword(p), nil
	}
	return "", nil
}

// loadProfile returns the session settings of a saved profile with the flags over it,
// as internal/login decides them for the window too: the password given (md5) or the
// saved one, a recent token, the trusted certificate, and the counter every login goes
// through. A --fingerprint that differs from the trusted certificate stops here; one
// given for a profile that trusts none yet is saved once it worked.
func (conn *connection) loadProfile(env Env, c *connFlags, md5 string) (cdrclient.Config, error) {
	store, err := env.Profiles()
	if err != nil {
		return cdrclient.Config{}, err
	}
	p, ok := store.Get(c.profile)
	if !ok {
		return cdrclient.Config{}, usagef("no saved connection is called %q", c.profile)
	}
	conn.store, conn.prof, conn.name = store, p, p.Name
	target := p
	if c.pbx != "" {
		target.URL = c.pbx
	}
	if c.user != "" {
		target.User = c.user
	}
	if c.api != "" {
		target.APIVersion = c.api
	}
	target.Fingerprint = c.fingerprint
	if login.SameAddress(p.URL, target.URL) { // a pin belongs to the saved PBX only
		pin, save, err := login.Pin(p, c.fingerprint)
		if err != nil {
			return cdrclient.Config{}, err
		}
		target.Fingerprint, conn.trusted = pin, conn.trusted || save
	}
	cfg, counter, err := login.Logins{Store: store, Now: env.Now}.Config(login.Target{Profile: target, PasswordMD5: md5})
	switch {
	case errors.Is(err, profile.ErrKeyringUnavailable):
		fmt.Fprintln(env.Stderr, "cdrdesk: the system keyring is not available; give the password with --password-stdin or CDRDESK_PASSWORD.")
		return cdrclient.Config{}, noPassword()
	case errors.Is(err, login.ErrNoPassword):
		return cdrclient.Config{}, noPassword()
	case err != nil:
		return cdrclient.Config{}, err
	}
	conn.logins = counter
	if login.Warn(p.FailedLogins) {
		fmt.Fprintf(env.Stderr, "cdrdesk: warning: the last %d logins failed; at %d the PBX locks this computer out for 10 minutes.\n", p.FailedLogins, login.LockoutAfter)
	}
	return cfg, nil
}

// finish reports the outcome: with a profile, the failed-login count (counted by the
// session's logins) after a refusal, and after a success the token and a newly trusted
// certificate are saved; without one, it logs out.
func (conn *connection) finish(env Env, err error) {
	fp := conn.sess.Fingerprint()
	if conn.trusted && fp != "" && err == nil {
		fmt.Fprintf(env.Stderr, "cdrdesk: trusted the PBX certificate, SHA-256 fingerprint %s\n", fp)
	}
	if conn.store == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = conn.sess.Logout(ctx) // best effort: the token expires by itself anyway
		return
	}
	var auth *cdrclient.AuthError
	if errors.As(err, &auth) && conn.logins != nil {
		if n := conn.logins.Failed(); n < login.LockoutAfter {
			fmt.Fprintf(env.Stderr, "cdrdesk: that was failed login %d of %d; at %d the PBX locks this computer out for 10 minutes.\n", n, login.LockoutAfter, login.LockoutAfter)
		}
	}
	if conn.sess.Token() == "" {
		return
	}
	_ = login.Logins{Store: conn.store, Now: env.Now}.SaveToken(conn.prof.Name, conn.sess)
	if conn.trusted && fp != "" && fp != conn.prof.Fingerprint {
		if _, err := conn.store.Update(conn.prof.Name, func(p *profile.Profile) { p.Fingerprint = fp }); err != nil {
			fmt.Fprintln(env.Stderr, "cdrdesk: could not update the saved connection:", err)
		}
	}
}

func hostOf(base string) string {
	_, rest, _ := strings.Cut(base, "://")
	host, _, _ := strings.Cut(rest, ":")
	if strings.HasPrefix(rest, "[") {
		host, _, _ = strings.Cut(strings.TrimPrefix(rest, "["), "]")
	}
	return host
}

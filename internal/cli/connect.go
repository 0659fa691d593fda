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
	"cdrdesk/internal/profile"
)

// tokenReuse is how old a saved token may be and still be tried: the PBX forgets a token
// after 30 idle minutes.
const tokenReuse = 25 * time.Minute

// lockoutAfter is the number of failed logins after which the PBX locks a computer out.
const lockoutAfter = 5

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
	name    string          // a name for reports: the profile or the PBX host
	trusted bool            // --trust-new-cert was given
}

// connect builds a session from the flags, a saved profile and the password source.
func (c *connFlags) connect(env Env) (*connection, error) {
	cfg := cdrclient.Config{APIVersion: c.api, Fingerprint: c.fingerprint, TrustNewCert: c.trustNewCert, Now: env.Now}
	conn := &connection{trusted: c.trustNewCert}
	if c.profile != "" {
		if err := conn.loadProfile(env, c.profile, &cfg); err != nil {
			return nil, err
		}
	}
	if c.pbx != "" {
		cfg.BaseURL = c.pbx
	}
	if c.user != "" {
		cfg.User = c.user
	}
	if cfg.BaseURL == "" || cfg.User == "" {
		return nil, usagef("say which PBX and API user: --pbx ADDRESS --user NAME, or --profile NAME")
	}
	if md5, ok, err := c.password(env); err != nil {
		return nil, err
	} else if ok {
		cfg.PasswordMD5, cfg.Token = md5, ""
	}
	if cfg.PasswordMD5 == "" {
		return nil, usagef("no password: pipe it to --password-stdin or set CDRDESK_PASSWORD")
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

// password reads the password from standard input or the environment, never a flag.
func (c *connFlags) password(env Env) (md5 string, ok bool, err error) {
	if c.passwordStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", false, usagef("--password-stdin: no password on standard input (%v)", err)
		}
		return cdrclient.HashPassword(line), true, nil
	}
	if p := env.Getenv("CDRDESK_PASSWORD"); p != "" {
		return cdrclient.HashPassword(p), true, nil
	}
	return "", false, nil
}

// loadProfile fills cfg from a saved profile: address, user, API version, trusted
// certificate, and from the keyring the password's MD5 and a recent token.
func (conn *connection) loadProfile(env Env, name string, cfg *cdrclient.Config) error {
	store, err := env.Profiles()
	if err != nil {
		return err
	}
	p, ok := store.Get(name)
	if !ok {
		return usagef("no saved connection is called %q", name)
	}
	conn.store, conn.prof, conn.name = store, p, p.Name
	cfg.BaseURL, cfg.User = p.URL, p.User
	if cfg.APIVersion == "" {
		cfg.APIVersion = p.APIVersion
	}
	if cfg.Fingerprint == "" {
		cfg.Fingerprint = p.Fingerprint
	}
	md5, err := store.PasswordMD5(name)
	switch {
	case errors.Is(err, profile.ErrKeyringUnavailable):
		fmt.Fprintln(env.Stderr, "cdrdesk: the system keyring is not available; give the password with --password-stdin or CDRDESK_PASSWORD.")
	case err == nil:
		cfg.PasswordMD5 = md5
	}
	if tok, err := store.Token(name); err == nil && env.Now().Sub(tok.Saved) < tokenReuse {
		cfg.Token, cfg.TokenVersion = tok.Value, tok.Version
	}
	if p.FailedLogins >= lockoutAfter-2 {
		fmt.Fprintf(env.Stderr, "cdrdesk: warning: the last %d logins failed; at %d the PBX locks this computer out for 10 minutes.\n", p.FailedLogins, lockoutAfter)
	}
	return nil
}

// finish records the outcome in the profile (failed logins, token, trusted certificate)
// or, without a profile, logs out.
func (conn *connection) finish(env Env, err error) {
	if conn.trusted && conn.sess.Fingerprint() != "" && err == nil {
		fmt.Fprintf(env.Stderr, "cdrdesk: trusted the PBX certificate, SHA-256 fingerprint %s\n", conn.sess.Fingerprint())
	}
	if conn.store == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = conn.sess.Logout(ctx) // best effort: the token expires by itself anyway
		return
	}
	p := conn.prof
	var auth *cdrclient.AuthError
	switch {
	case errors.As(err, &auth):
		p.FailedLogins++
		if p.FailedLogins < lockoutAfter {
			fmt.Fprintf(env.Stderr, "cdrdesk: that was failed login %d of %d; at %d the PBX locks this computer out for 10 minutes.\n", p.FailedLogins, lockoutAfter, lockoutAfter)
		}
	case conn.sess.Token() != "":
		p.FailedLogins = 0
		_ = conn.store.SetToken(p.Name, profile.Token{Value: conn.sess.Token(), Saved: env.Now(), Version: conn.sess.Version()})
		if conn.trusted && conn.sess.Fingerprint() != "" {
			p.Fingerprint = conn.sess.Fingerprint()
		}
	}
	if p != conn.prof {
		if err := conn.store.Save(p); err != nil {
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

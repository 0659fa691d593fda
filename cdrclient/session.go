package cdrclient

import (
	"crypto/md5"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"
)

// API version paths, newest first. VersionAuto probes them in this order.
const (
	VersionAuto = "auto"
	VersionV2   = "v2.0.0"
	VersionV1   = "v1.1.0"
	VersionOEM  = "v0.0.1" // the v1 dialect as OEM editions of the firmware name it
)

// Versions lists the API version paths in the order auto-detection tries them.
var Versions = []string{VersionV2, VersionV1, VersionOEM}

// DefaultReportPort is sent as the login's "port" (where the PBX would push events). The
// v1 API requires one even from a client that only pulls.
const DefaultReportPort = "8260"

// Config says how to reach and log in to one PBX.
type Config struct {
	BaseURL      string   // scheme://host:port, see ParseAddress
	User         string   // API user name
	PasswordMD5  string   // lowercase hex MD5 of the API password, see HashPassword
	APIVersion   string   // VersionAuto (or "") or one of Versions
	Fingerprint  string   // pinned SHA-256 of the PBX certificate, "" if none yet
	TrustNewCert bool     // accept and pin an untrusted certificate on first sight
	Token        string   // a token saved from an earlier session, tried before logging in
	TokenVersion string   // the API version Token belongs to (needed when APIVersion is auto)
	ReportPort   string   // login "port"; DefaultReportPort when empty
	Timeouts     Timeouts // zero = defaults
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// OnLogin, when set, is told the outcome of every login the session sends (nil for
	// success), whatever asked for it: a request, a re-login after the PBX forgot the
	// token, a heartbeat. A user interface counts failed logins with it. It runs while
	// other requests wait for the login: keep it short.
	OnLogin func(err error)
}

// HashPassword returns what the PBX's login expects: the lowercase hex MD5 of the password.
func HashPassword(password string) string {
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

// Session is a logged-in connection to one PBX. It is safe for concurrent use: requests
// share one token, and when the PBX forgets it a single re-login serves them all.
type Session struct {
	cfg      Config
	baseURL  string
	client   *http.Client
	pin      *certPin
	timeouts Timeouts
	now      func() time.Time

	loginMu sync.Mutex // one login at a time

	mu       sync.Mutex // guards the fields below
	token    string
	version  string
	lastUsed time.Time
	localIP  string
	refused  error // the PBX refused a login: no more logins by themselves
}

// NewSession checks cfg and prepares a session; nothing is sent until the first request
// (or Login).
func NewSession(cfg Config) (*Session, error) {
	base, err := ParseAddress(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	v := cfg.APIVersion
	if v == "" {
		v = VersionAuto
	}
	if v != VersionAuto && !knownVersion(v) {
		return nil, &InputError{Field: "api", Msg: "the API version must be auto, v2.0.0, v1.1.0 or v0.0.1", Value: v}
	}
	if cfg.Fingerprint != "" && NormalizeFingerprint(cfg.Fingerprint) == "" {
		return nil, &InputError{Field: "fingerprint", Msg: "a certificate fingerprint is 64 hexadecimal digits"}
	}
	if cfg.ReportPort == "" {
		cfg.ReportPort = DefaultReportPort
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Session{
		cfg:      cfg,
		baseURL:  base,
		pin:      &certPin{pinned: NormalizeFingerprint(cfg.Fingerprint), trustNew: cfg.TrustNewCert},
		timeouts: cfg.Timeouts.withDefaults(),
		now:      cfg.Now,
	}
	s.client = newHTTPClient(strings.SplitN(base, "://", 2)[1], s.pin, s.timeouts)
	switch {
	case v != VersionAuto:
		s.version, s.token = v, cfg.Token
	case knownVersion(cfg.TokenVersion) && cfg.Token != "":
		s.version, s.token = cfg.TokenVersion, cfg.Token
	}
	return s, nil
}

func knownVersion(v string) bool {
	for _, k := range Versions {
		if k == v {
			return true
		}
	}
	return false
}

// BaseURL returns the PBX address the session talks to.
func (s *Session) BaseURL() string { return s.baseURL }

// Version returns the API version path in use ("" until detected).
func (s *Session) Version() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Token returns the current session token ("" when logged out), for saving in the OS
// keyring so the next start need not log in again. Never show or log it.
func (s *Session) Token() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

// Fingerprint returns the SHA-256 of the certificate the PBX presented last ("" over
// plain HTTP or before connecting): the value to pin after the user chose to trust it.
func (s *Session) Fingerprint() string { return s.pin.fingerprint() }

// isV2 reports whether the session speaks the v2 dialect (number instead of extid).
func (s *Session) isV2() bool { return s.Version() == VersionV2 }

// Close releases idle connections. It does not log out; see Logout.
func (s *Session) Close() { s.client.CloseIdleConnections() }

package pbxsim

import (
	"crypto/rand"
	"encoding/hex"
	"net/netip"
	"time"
)

// Lifetimes and limits of the PBX.
const (
	TokenLifetime  = 30 * time.Minute // a token unused this long is erased
	RandomLifetime = 30 * time.Second // a CDR random is valid this long
	LockoutAfter   = 5                // failed logins in a row that lock an IP out
	LockoutFor     = 10 * time.Minute // how long the lockout lasts
)

// session is a live token.
type session struct {
	user     string
	ip       netip.Addr // the host that logged in may download
	lastUsed time.Time
}

// failures are an IP's failed logins in a row and its lockout.
type failures struct {
	count       int
	lockedUntil time.Time
}

// newHex returns 32 random lowercase hex digits (tokens and randoms).
func newHex() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// useToken checks a token and renews it: any request that uses a token
// counts as activity. It returns the session or the errno to answer.
func (s *Server) useToken(token string, now time.Time) (*session, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if token == "" {
		return nil, ErrnoBlankToken
	}
	sess, ok := s.sessions[token]
	if !ok {
		if s.expired[token] {
			return nil, ErrnoTokenTimeout
		}
		return nil, ErrnoNoToken
	}
	if now.Sub(sess.lastUsed) >= TokenLifetime {
		delete(s.sessions, token)
		s.expired[token] = true
		return nil, ErrnoTokenTimeout
	}
	sess.lastUsed = now
	return sess, ""
}

// lockedOut reports whether ip is in a lockout; an ended lockout is cleared
// together with the failure count.
func (s *Server) lockedOut(ip netip.Addr, now time.Time) bool {
	f := s.failures[ip]
	if f == nil || f.lockedUntil.IsZero() {
		return false
	}
	if now.Before(f.lockedUntil) {
		return true
	}
	delete(s.failures, ip)
	return false
}

// loginFailed counts a wrong password; the fifth in a row locks ip out.
func (s *Server) loginFailed(ip netip.Addr, now time.Time) {
	f := s.failures[ip]
	if f == nil {
		f = &failures{}
		s.failures[ip] = f
	}
	f.count++
	if f.count >= LockoutAfter {
		f.lockedUntil = now.Add(LockoutFor)
	}
}

// openSession registers a new token for user at ip. With SingleSession the
// user's earlier tokens stop working (20004).
func (s *Server) openSession(user string, ip netip.Addr, now time.Time, single bool) string {
	delete(s.failures, ip)
	for token, sess := range s.sessions {
		switch {
		case now.Sub(sess.lastUsed) >= TokenLifetime:
			// Forget idle sessions so a long-running demo PBX stays small.
			delete(s.sessions, token)
			s.expired[token] = true
		case single && sess.user == user:
			delete(s.sessions, token)
		}
	}
	token := newHex()
	s.sessions[token] = &session{user: user, ip: ip, lastUsed: now}
	return token
}

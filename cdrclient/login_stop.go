package cdrclient

import "errors"

// LoginStoppedError is returned instead of logging in when the PBX refused an earlier
// login of this session: the session sends no login by itself after a refusal, because
// every retry with the same password brings the PBX's lockout closer. Cause is that
// refusal (*AuthError or *LockedOutError). Session.Login, a person's deliberate try,
// starts logging in again.
type LoginStoppedError struct{ Cause error }

func (e *LoginStoppedError) Error() string {
	return "not logging in again after the PBX refused this session's login: " + e.Cause.Error()
}

func (e *LoginStoppedError) Unwrap() error { return e.Cause }

// refusal reports whether err is the PBX refusing a login (as opposed to a network or
// certificate problem, which says nothing about the password).
func refusal(err error) bool {
	var auth *AuthError
	var locked *LockedOutError
	return errors.As(err, &auth) || errors.As(err, &locked)
}

// loginGate runs before a login the session makes: after a refusal it answers
// *LoginStoppedError and no request is sent. The caller holds loginMu.
func (s *Session) loginGate() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused != nil {
		return &LoginStoppedError{Cause: s.refused}
	}
	return nil
}

// loginDone records the outcome of a login that was attempted and tells Config.OnLogin.
// The caller holds loginMu, so OnLogin sees the attempts of one session in order.
func (s *Session) loginDone(err error) {
	if refusal(err) {
		s.mu.Lock()
		s.refused = err
		s.mu.Unlock()
	}
	if s.cfg.OnLogin != nil {
		s.cfg.OnLogin(err)
	}
}

// resumeLogins lets a deliberate Login try again after a refusal.
func (s *Session) resumeLogins() {
	s.mu.Lock()
	s.refused = nil
	s.mu.Unlock()
}

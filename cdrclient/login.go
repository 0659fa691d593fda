package cdrclient

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"time"
)

// errIdle is the cause given when a response body stalls longer than Timeouts.Idle.
var errIdle = errors.New("no data from the PBX for too long")

// loginAnswer is the part of the login answer the client uses.
type loginAnswer struct {
	Token string `json:"token"`
}

// Login logs in, detecting the API version first when it is "auto". Detection moves to
// the next version only when the PBX says the path or endpoint does not exist (HTTP 404
// or errno 10003), so it never costs a failed login. A refused login (*AuthError,
// *LockedOutError) is returned at once and never retried; after one, the session logs
// in again only when Login is called (see LoginStoppedError).
func (s *Session) Login(ctx context.Context) error {
	s.loginMu.Lock()
	defer s.loginMu.Unlock()
	s.resumeLogins()
	return s.loginLocked(ctx)
}

func (s *Session) loginLocked(ctx context.Context) (err error) {
	if err := s.loginGate(); err != nil {
		return err
	}
	defer func() { s.loginDone(err) }()
	// A fixed version is the only candidate; in auto mode the version found before (or
	// the one a saved token came from) goes first, then the others.
	candidates := Versions
	if s.cfg.APIVersion != "" && s.cfg.APIVersion != VersionAuto {
		candidates = []string{s.cfg.APIVersion}
	} else if v := s.Version(); v != "" {
		candidates = append([]string{v}, slices.DeleteFunc(slices.Clone(Versions), func(x string) bool { return x == v })...)
	}
	for _, v := range candidates {
		token, err := s.loginAt(ctx, v)
		if err == nil {
			s.mu.Lock()
			s.version, s.token, s.lastUsed = v, token, s.now()
			s.mu.Unlock()
			return nil
		}
		if len(candidates) > 1 && versionMissing(err) {
			continue
		}
		if versionMissing(err) {
			return &VersionError{Tried: candidates}
		}
		return err
	}
	return &VersionError{Tried: candidates}
}

// versionMissing reports whether err says "this API version path does not exist here".
func versionMissing(err error) bool {
	var h *HTTPError
	return errors.As(err, &h) && h.Status == http.StatusNotFound || errnoOf(err) == ErrnoUnsupported
}

func (s *Session) loginAt(ctx context.Context, version string) (string, error) {
	body := map[string]string{
		"username": s.cfg.User,
		"password": s.cfg.PasswordMD5,
		"port":     s.cfg.ReportPort,
	}
	if version == VersionV2 {
		body["version"] = "2.0.0"
	}
	var ans loginAnswer
	err := s.post(ctx, version, "login", "", body, &ans)
	switch errnoOf(err) {
	case "":
	case ErrnoBadLogin:
		return "", &AuthError{User: s.cfg.User}
	case ErrnoLockedOut:
		return "", &LockedOutError{}
	default:
		return "", err
	}
	if err != nil {
		return "", err
	}
	if ans.Token == "" {
		return "", &APIError{Endpoint: "login", Errno: "no token in answer"}
	}
	return ans.Token, nil
}

// call sends an authenticated API request. If the PBX no longer knows the token
// (20004/20005/20006) it logs in again once and repeats the request.
func (s *Session) call(ctx context.Context, endpoint string, body map[string]string, out any) error {
	token, version, err := s.ensureLogin(ctx)
	if err != nil {
		return err
	}
	err = s.postReadable(ctx, version, endpoint, token, body, out)
	if !isTokenErrno(errnoOf(err)) {
		s.touch(err)
		return err
	}
	if token, err = s.relogin(ctx, token); err != nil {
		return err
	}
	err = s.postReadable(ctx, version, endpoint, token, body, out)
	s.touch(err)
	return err
}

// postReadable is post, sent once more as a fresh request when the answer cannot be
// read: a garbled answer is a glitch on the way, and these requests spend no login
// (a new get_random only issues another key). Logins never come here.
func (s *Session) postReadable(ctx context.Context, version, endpoint, token string, body map[string]string, out any) error {
	err := s.post(ctx, version, endpoint, token, body, out)
	var bad *UnreadableAnswerError
	if !errors.As(err, &bad) {
		return err
	}
	if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero() // nothing of the unreadable answer may stay in out
	}
	return s.post(ctx, version, endpoint, token, body, out)
}

// ensureLogin returns the current token and version, logging in first if there is none.
func (s *Session) ensureLogin(ctx context.Context) (token, version string, err error) {
	s.mu.Lock()
	token, version = s.token, s.version
	s.mu.Unlock()
	if token != "" {
		return token, version, nil
	}
	s.loginMu.Lock()
	defer s.loginMu.Unlock()
	s.mu.Lock()
	token, version = s.token, s.version
	s.mu.Unlock()
	if token == "" {
		if err := s.loginLocked(ctx); err != nil {
			return "", "", err
		}
		token, version = s.Token(), s.Version()
	}
	return token, version, nil
}

// relogin replaces a token the PBX rejected. Concurrent callers that saw the same stale
// token share one login.
func (s *Session) relogin(ctx context.Context, stale string) (string, error) {
	s.loginMu.Lock()
	defer s.loginMu.Unlock()
	if cur := s.Token(); cur != "" && cur != stale {
		return cur, nil
	}
	s.mu.Lock()
	s.token = ""
	s.mu.Unlock()
	if err := s.loginLocked(ctx); err != nil {
		return "", err
	}
	return s.Token(), nil
}

// touch records that the token was just used successfully: any request renews it.
func (s *Session) touch(err error) {
	if err == nil {
		s.mu.Lock()
		s.lastUsed = s.now()
		s.mu.Unlock()
	}
}

// Heartbeat renews the token for another 30 minutes (logging in first if needed).
func (s *Session) Heartbeat(ctx context.Context) error {
	s.mu.Lock()
	ip := s.localIP
	s.mu.Unlock()
	return s.call(ctx, "heartbeat", map[string]string{"ipaddr": ip, "port": s.cfg.ReportPort}, nil)
}

// KeepAlive sends a heartbeat whenever the session has been idle for `every` (the PBX
// forgets a token after 30 idle minutes; 20 minutes is a safe choice) until ctx ends.
// Errors are passed to onError (which may be nil) and do not stop the loop, except a
// refused login, after which it stops: retrying would bring the lockout closer.
func (s *Session) KeepAlive(ctx context.Context, every time.Duration, onError func(error)) {
	t := time.NewTicker(every / 4)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		idle := s.token != "" && s.now().Sub(s.lastUsed) >= every
		s.mu.Unlock()
		if !idle {
			continue
		}
		err := s.Heartbeat(ctx)
		if err != nil && onError != nil && ctx.Err() == nil {
			onError(err)
		}
		var auth *AuthError
		var locked *LockedOutError
		if errors.As(err, &auth) || errors.As(err, &locked) {
			return
		}
	}
}

// Logout ends the session on the PBX. The session may log in again later.
func (s *Session) Logout(ctx context.Context) error {
	s.loginMu.Lock()
	defer s.loginMu.Unlock()
	s.mu.Lock()
	token, version := s.token, s.version
	s.token = ""
	s.mu.Unlock()
	if token == "" {
		return nil
	}
	err := s.post(ctx, version, "logout", token, nil, nil)
	if isTokenErrno(errnoOf(err)) {
		return nil // already gone: that is what we wanted
	}
	return err
}

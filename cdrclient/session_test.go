package cdrclient_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

func TestAutoVersionDetection(t *testing.T) {
	for _, v := range []string{pbxsim.V2, pbxsim.V1, pbxsim.V0} {
		t.Run(v, func(t *testing.T) {
			p := startPBX(t, func(o *pbxsim.Options) { o.Versions = []string{v} })
			s := p.session(t, nil)
			exts, err := s.Extensions(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			if s.Version() != v {
				t.Errorf("detected %q, want %q", s.Version(), v)
			}
			if len(exts) == 0 || exts[0].Number == "" || exts[0].Name == "" {
				t.Errorf("extensions not mapped: %+v", exts)
			}
			st := p.sim.Stats()
			if st.FailedLogins != 0 || st.Logins != 1 {
				t.Errorf("probing cost logins: %d requests, %d failed", st.Logins, st.FailedLogins)
			}
		})
	}
}

func TestNoVersionAnswers(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.Versions = []string{pbxsim.V1} })
	s := p.session(t, func(c *cdrclient.Config) { c.APIVersion = cdrclient.VersionV2 })
	err := s.Login(ctxT(t))
	var ve *cdrclient.VersionError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a VersionError", err)
	}
}

func TestWrongPasswordSendsOneLogin(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, func(c *cdrclient.Config) { c.PasswordMD5 = cdrclient.HashPassword("wrong") })
	_, err := s.Fetch(ctxT(t), days("2026-05-01", 14), &strings.Builder{}, nil)
	var ae *cdrclient.AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want an AuthError", err)
	}
	if st := p.sim.Stats(); st.Logins != 1 || st.Randoms != 0 {
		t.Errorf("after a wrong password: %d logins, %d get_random; want exactly 1 login and nothing else", st.Logins, st.Randoms)
	}
	// Calling again is the user's decision, and again costs exactly one attempt.
	_ = s.Login(ctxT(t))
	if st := p.sim.Stats(); st.Logins != 2 {
		t.Errorf("second attempt sent %d logins in all, want 2", st.Logins)
	}
}

func TestLockout(t *testing.T) {
	p := startPBX(t, nil)
	bad := p.session(t, func(c *cdrclient.Config) { c.PasswordMD5 = cdrclient.HashPassword("wrong") })
	for i := 0; i < 5; i++ {
		var ae *cdrclient.AuthError
		if err := bad.Login(ctxT(t)); !errors.As(err, &ae) {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
	}
	good := p.session(t, nil)
	var le *cdrclient.LockedOutError
	if err := good.Login(ctxT(t)); !errors.As(err, &le) {
		t.Fatalf("after 5 failures got %v, want LockedOutError", err)
	}
	if !strings.Contains(le.Error(), "10 minutes") {
		t.Errorf("lockout message does not say how long: %q", le.Error())
	}
	p.clock.Advance(10*time.Minute + time.Second)
	if err := good.Login(ctxT(t)); err != nil {
		t.Fatalf("after 10 minutes: %v", err)
	}
}

func TestTokenExpiryRelogsInOnce(t *testing.T) {
	for _, tc := range []struct {
		name   string
		expire func(p *pbx, s *cdrclient.Session)
	}{
		{"timed out (20006)", func(p *pbx, _ *cdrclient.Session) { p.clock.Advance(31 * time.Minute) }},
		{"logged out elsewhere (20004)", func(p *pbx, s *cdrclient.Session) {
			// Another program with the same token logs it out behind the session's back.
			cfg := p.config()
			cfg.APIVersion, cfg.Token = s.Version(), s.Token()
			other, _ := cdrclient.NewSession(cfg)
			_ = other.Logout(context.Background())
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startPBX(t, nil)
			s := p.session(t, nil)
			if _, err := s.Extensions(ctxT(t)); err != nil {
				t.Fatal(err)
			}
			first := s.Token()
			tc.expire(p, s)
			if _, err := s.Extensions(ctxT(t)); err != nil {
				t.Fatalf("after expiry: %v", err)
			}
			if st := p.sim.Stats(); st.Logins != 2 {
				t.Errorf("%d logins, want 2 (one re-login)", st.Logins)
			}
			if s.Token() == first {
				t.Error("token not replaced")
			}
		})
	}
}

func TestSavedTokenIsReused(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	if err := s.Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	resumed := p.session(t, func(c *cdrclient.Config) { c.APIVersion, c.Token = s.Version(), s.Token() })
	if _, err := resumed.Extensions(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if st := p.sim.Stats(); st.Logins != 1 {
		t.Errorf("%d logins, want 1: the saved token should have been used", st.Logins)
	}
}

func TestConcurrentRequestsShareOneRelogin(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	if err := s.Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	p.clock.Advance(31 * time.Minute)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Extensions(ctxT(t))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if st := p.sim.Stats(); st.Logins != 2 {
		t.Errorf("%d logins for 8 concurrent requests after expiry, want 2", st.Logins)
	}
}

func TestHeartbeatRenewsToken(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	if err := s.Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // 75 minutes in all, never 30 idle
		p.clock.Advance(25 * time.Minute)
		if err := s.Heartbeat(ctxT(t)); err != nil {
			t.Fatal(err)
		}
	}
	if st := p.sim.Stats(); st.Logins != 1 || st.Heartbeats != 3 {
		t.Errorf("logins %d heartbeats %d, want 1 and 3", st.Logins, st.Heartbeats)
	}
}

func TestKeepAliveSendsHeartbeatWhenIdle(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	if err := s.Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	beat := make(chan struct{}, 1)
	p.onRequest(func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/heartbeat") {
			select {
			case beat <- struct{}{}:
			default:
			}
		}
	})
	p.clock.Advance(21 * time.Minute) // idle longer than the interval below
	ctx := ctxT(t)
	go s.KeepAlive(ctx, 20*time.Millisecond, func(err error) { t.Error(err) })
	select {
	case <-beat:
	case <-ctx.Done():
		t.Fatal("no heartbeat sent")
	}
}

func TestLogout(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	if err := s.Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if err := s.Logout(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if s.Token() != "" {
		t.Error("token kept after logout")
	}
	if st := p.sim.Stats(); st.Logouts != 1 {
		t.Errorf("%d logouts", st.Logouts)
	}
	if err := s.Logout(ctxT(t)); err != nil {
		t.Errorf("second logout: %v", err)
	}
}

func TestServiceDown(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.APIServiceDown = true })
	err := p.session(t, nil).Login(ctxT(t))
	var api *cdrclient.APIError
	if !errors.As(err, &api) || api.Errno != cdrclient.ErrnoServiceStopped {
		t.Fatalf("got %v, want errno 30003", err)
	}
	if st := p.sim.Stats(); st.Requests != 1 {
		t.Errorf("%d requests, want 1: a stopped service is not a missing API version", st.Requests)
	}
}

package cdrclient_test

import (
	"errors"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// TestRefusedReloginStopsLogins: when the PBX refuses a re-login (its password was
// changed while the session ran), the session does not log in by itself again: later
// requests and heartbeats fail with a LoginStoppedError and send no login. OnLogin hears
// every login that was sent, with its outcome; a deliberate Login tries again.
func TestRefusedReloginStopsLogins(t *testing.T) {
	for _, tc := range []struct {
		name   string
		forget func(p *pbx) // how the PBX comes to forget the session's token
	}{
		{"token timed out", func(p *pbx) { p.clock.Advance(31 * time.Minute) }},
		{"PBX restarted", func(p *pbx) { p.sim.EndSessions() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startPBX(t, nil)
			var heard []error
			s := p.session(t, func(c *cdrclient.Config) { c.OnLogin = func(err error) { heard = append(heard, err) } })
			if _, err := s.Extensions(ctxT(t)); err != nil {
				t.Fatal(err)
			}
			p.sim.Update(func(o *pbxsim.Options) { o.Password = "changed" })
			tc.forget(p)

			var auth *cdrclient.AuthError
			if _, err := s.Extensions(ctxT(t)); !errors.As(err, &auth) {
				t.Fatalf("re-login with the old password: %v, want an AuthError", err)
			}
			for i, call := range []func() error{
				func() error { _, err := s.Extensions(ctxT(t)); return err },
				func() error { return s.Heartbeat(ctxT(t)) },
				func() error { _, err := s.Fetch(ctxT(t), days("2026-05-01", 1), &discard{}, nil); return err },
			} {
				var stopped *cdrclient.LoginStoppedError
				err := call()
				if !errors.As(err, &stopped) || !errors.As(err, &auth) {
					t.Errorf("request %d after the refusal: %v, want a LoginStoppedError wrapping the AuthError", i, err)
				}
			}
			if st := p.sim.Stats(); st.Logins != 2 || st.FailedLogins != 1 {
				t.Errorf("%d logins (%d failed), want 2 (1 failed)", st.Logins, st.FailedLogins)
			}
			if len(heard) != 2 || heard[0] != nil || !errors.As(heard[1], &auth) {
				t.Errorf("OnLogin heard %v, want success then the refusal", heard)
			}

			p.sim.Update(func(o *pbxsim.Options) { o.Password = pbxsim.DefaultPassword })
			if err := s.Login(ctxT(t)); err != nil {
				t.Fatalf("a deliberate Login: %v", err)
			}
			if _, err := s.Extensions(ctxT(t)); err != nil || len(heard) != 3 || heard[2] != nil {
				t.Errorf("after a deliberate Login: %v; heard %v", err, heard)
			}
		})
	}
}

// discard is an io.Writer that keeps nothing.
type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

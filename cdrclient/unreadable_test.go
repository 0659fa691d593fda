package cdrclient_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// requestLog records the API requests that reach the simulator, by endpoint.
type requestLog struct {
	mu   sync.Mutex
	seen map[string][]*http.Request
}

func logRequests(p *pbx) *requestLog {
	l := &requestLog{seen: map[string][]*http.Request{}}
	p.onRequest(func(r *http.Request) {
		_, endpoint, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/api/"), "/")
		l.mu.Lock()
		l.seen[endpoint] = append(l.seen[endpoint], r)
		l.mu.Unlock()
	})
	return l
}

func (l *requestLog) of(endpoint string) []*http.Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seen[endpoint]
}

// TestUnreadableAnswerIsAskedAgainOnce: a cut or garbled answer to an authenticated
// request (a glitch on the way; it spends no login) is asked for again, once, with a
// fresh request; a second unreadable answer ends the call.
func TestUnreadableAnswerIsAskedAgainOnce(t *testing.T) {
	q := days("2026-05-01", 3) // one window
	fetch := func(s *cdrclient.Session, p *pbx) error {
		var got bytes.Buffer
		if _, err := s.Fetch(ctxT(t), q, &got, nil); err != nil {
			return err
		}
		if !bytes.Equal(got.Bytes(), p.served(t, q)) {
			t.Errorf("fetched %d bytes, not what the PBX serves", got.Len())
		}
		return nil
	}
	heartbeat := func(s *cdrclient.Session, _ *pbx) error { return s.Heartbeat(ctxT(t)) }
	extensions := func(s *cdrclient.Session, _ *pbx) error {
		exts, err := s.Extensions(ctxT(t))
		if err == nil && len(exts) == 0 {
			t.Error("no extensions")
		}
		return err
	}
	tests := []struct {
		name           string
		endpoint       string
		cut, garble    bool
		run            func(*cdrclient.Session, *pbx) error
		wantRequests   int
		wantUnreadable bool
	}{
		{"get_random cut", "cdr/get_random", true, false, fetch, 2, false},
		{"get_random garbled", "cdr/get_random", false, true, fetch, 2, false},
		{"get_random unreadable twice", "cdr/get_random", true, true, fetch, 2, true},
		{"heartbeat cut", "heartbeat", true, false, heartbeat, 2, false},
		{"heartbeat garbled", "heartbeat", false, true, heartbeat, 2, false},
		{"heartbeat unreadable twice", "heartbeat", true, true, heartbeat, 2, true},
		{"extension list garbled", "extension/list", false, true, extensions, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPBX(t, nil)
			s := p.session(t, nil)
			if err := s.Login(ctxT(t)); err != nil {
				t.Fatal(err)
			}
			p.sim.Update(func(o *pbxsim.Options) {
				if tt.cut {
					o.CutAnswerOnce = tt.endpoint
				}
				if tt.garble {
					o.GarbleAnswerOnce = tt.endpoint
				}
			})
			requests := logRequests(p)
			err := tt.run(s, p)
			var bad *cdrclient.UnreadableAnswerError
			switch {
			case tt.wantUnreadable && (!errors.As(err, &bad) || bad.Endpoint != tt.endpoint):
				t.Errorf("got %v, want an UnreadableAnswerError for %s", err, tt.endpoint)
			case !tt.wantUnreadable && err != nil:
				t.Errorf("got %v, want the answer asked for again", err)
			}
			got := requests.of(tt.endpoint)
			if len(got) != tt.wantRequests {
				t.Fatalf("%d requests to %s, want %d", len(got), tt.endpoint, tt.wantRequests)
			}
			if got[0] == got[1] || got[1].Body == nil {
				t.Error("the second attempt is not a fresh request")
			}
			if st := p.sim.Stats(); st.Logins != 1 {
				t.Errorf("%d logins, want 1: an unreadable answer spends no login", st.Logins)
			}
		})
	}
}

// TestUnreadableLoginAnswerIsNeverRetried: whatever path logs in, an unreadable answer
// to the login ends it after one request; the login may have reached the PBX and counted
// towards its lockout.
func TestUnreadableLoginAnswerIsNeverRetried(t *testing.T) {
	paths := []struct {
		name string
		cfg  func(*cdrclient.Config)
		run  func(context.Context, *cdrclient.Session) error
	}{
		{"Login", nil, func(ctx context.Context, s *cdrclient.Session) error { return s.Login(ctx) }},
		{"first request", nil, func(ctx context.Context, s *cdrclient.Session) error { _, err := s.Extensions(ctx); return err }},
		{"re-login for a forgotten token", func(c *cdrclient.Config) {
			c.Token, c.TokenVersion = "0123456789abcdef0123456789abcdef", cdrclient.VersionV2
		},
			func(ctx context.Context, s *cdrclient.Session) error { return s.Heartbeat(ctx) }},
	}
	for _, mangle := range []string{"cut", "garbled"} {
		for _, path := range paths {
			t.Run(mangle+", "+path.name, func(t *testing.T) {
				p := startPBX(t, func(o *pbxsim.Options) {
					if mangle == "cut" {
						o.CutAnswerOnce = "login"
					} else {
						o.GarbleAnswerOnce = "login"
					}
				})
				err := path.run(ctxT(t), p.session(t, path.cfg))
				var bad *cdrclient.UnreadableAnswerError
				if !errors.As(err, &bad) || bad.Endpoint != "login" {
					t.Errorf("got %v, want an UnreadableAnswerError for login", err)
				}
				if st := p.sim.Stats(); st.Logins != 1 {
					t.Errorf("%d login requests, want 1", st.Logins)
				}
			})
		}
	}
}

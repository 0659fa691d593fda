package pbxsim

import (
	"testing"
	"time"
)

func TestTokenErrors(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	tests := []struct {
		name, token, errno string
	}{
		{"valid", token, ""},
		{"blank", "", ErrnoBlankToken},
		{"unknown", "0123456789abcdef0123456789abcdef", ErrnoNoToken},
		{"case matters", upper(token), ErrnoNoToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, endpoint := range []string{"heartbeat", "extension/list"} {
				wantErrno(t, p.api(endpoint, tt.token, "{}"), tt.errno)
			}
			m := p.api("cdr/get_random", tt.token, map[string]string{"number": "all", "starttime": "2024-03-15 00:00:00", "endtime": "2024-03-15 23:59:59"})
			wantErrno(t, m, tt.errno)
		})
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestTokenExpiresAfterThirtyIdleMinutes(t *testing.T) {
	p := startPBX(t, V1, nil)
	token := p.login()
	p.clock.Advance(TokenLifetime - time.Second)
	wantErrno(t, p.api("heartbeat", token, `{"ipaddr":"127.0.0.1","port":"8260"}`), "")
	p.clock.Advance(TokenLifetime - time.Second) // renewed by the heartbeat
	wantErrno(t, p.api("heartbeat", token, ""), "")
	p.clock.Advance(TokenLifetime)
	wantErrno(t, p.api("heartbeat", token, ""), ErrnoTokenTimeout)
	// The PBX remembers it timed out; it does not become "unknown".
	wantErrno(t, p.api("extensionlist/query", token, ""), ErrnoTokenTimeout)
	p.clock.Advance(time.Hour)
	wantErrno(t, p.api("heartbeat", token, ""), ErrnoTokenTimeout)
}

func TestAnyRequestRenewsToken(t *testing.T) {
	day := map[string]string{"starttime": "2024-03-14 00:00:00", "endtime": "2024-03-14 23:59:59"}
	renewers := []struct {
		name string
		use  func(p *testPBX, token string)
	}{
		{"extension list", func(p *testPBX, token string) {
			wantErrno(p.t, p.api("extension/list", token, ""), "")
		}},
		{"get_random", func(p *testPBX, token string) {
			p.random(token, "all", day["starttime"], day["endtime"])
		}},
		{"download", func(p *testPBX, token string) {
			r := p.random(token, "1000", day["starttime"], day["endtime"])
			p.clock.Advance(RandomLifetime - time.Second)
			resp, body := p.do(p.client, "GET", p.url("cdr/download", p.downloadQuery(token, r, "1000", day["starttime"], day["endtime"])), "")
			p.wantCSV(resp, body, []string{"1000"}, day["starttime"], day["endtime"])
		}},
	}
	for _, tt := range renewers {
		t.Run(tt.name, func(t *testing.T) {
			p := startPBX(t, V2, nil)
			token := p.login()
			p.clock.Advance(TokenLifetime - 2*time.Minute)
			tt.use(p, token)
			p.clock.Advance(TokenLifetime - time.Minute)
			wantErrno(t, p.api("heartbeat", token, ""), "")
		})
	}
}

func TestLogout(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	wantErrno(t, p.api("logout", token, ""), "")
	wantErrno(t, p.api("heartbeat", token, ""), ErrnoNoToken)
	wantErrno(t, p.api("logout", token, ""), ErrnoNoToken)
	if st := p.srv.Stats(); st.Logouts != 2 || st.Heartbeats != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestSecondLogin(t *testing.T) {
	tests := []struct {
		single bool
		errno  string // answer to the first token after the second login
	}{
		{false, ""},
		{true, ErrnoNoToken},
	}
	for _, tt := range tests {
		p := startPBX(t, V1, func(o *Options) { o.SingleSession = tt.single })
		first := p.login()
		second := p.login()
		if first == second {
			t.Fatal("two logins gave the same token")
		}
		wantErrno(t, p.api("heartbeat", first, ""), tt.errno)
		wantErrno(t, p.api("heartbeat", second, ""), "")
	}
}

func TestSingleSessionCanBeSwitchedWhileRunning(t *testing.T) {
	p := startPBX(t, V2, nil)
	first := p.login()
	p.srv.Update(func(o *Options) { o.SingleSession = true })
	p.login()
	wantErrno(t, p.api("heartbeat", first, ""), ErrnoNoToken)
}

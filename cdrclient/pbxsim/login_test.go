package pbxsim

import (
	"net/http"
	"testing"
	"time"
)

func TestLogin(t *testing.T) {
	good := md5Hex(DefaultPassword)
	tests := []struct {
		name    string
		version string
		body    any
		errno   string
	}{
		{"v2 ok", V2, map[string]string{"username": "api", "password": good, "port": "8260"}, ""},
		{"v2 ok without port", V2, map[string]string{"username": "api", "password": good}, ""},
		{"v1 ok", V1, map[string]string{"username": "api", "password": good, "port": "8260"}, ""},
		{"v0 ok", V0, map[string]string{"username": "api", "password": good, "port": "1"}, ""},
		{"wrong password", V2, map[string]string{"username": "api", "password": md5Hex("nope"), "port": "8260"}, ErrnoBadLogin},
		{"clear password", V1, map[string]string{"username": "api", "password": DefaultPassword, "port": "8260"}, ErrnoBadLogin},
		{"upper-case md5", V1, map[string]string{"username": "api", "password": "A" + good[1:], "port": "8260"}, ErrnoBadLogin},
		{"wrong user", V2, map[string]string{"username": "admin", "password": good}, ErrnoBadLogin},
		{"blank user", V2, map[string]string{"username": "", "password": good}, ErrnoParamBlank},
		{"blank password", V1, map[string]string{"username": "api", "port": "8260"}, ErrnoParamBlank},
		{"v1 blank port", V1, map[string]string{"username": "api", "password": good}, ErrnoParamBlank},
		{"v0 blank port", V0, map[string]string{"username": "api", "password": good, "port": ""}, ErrnoParamBlank},
		{"v1 port text", V1, map[string]string{"username": "api", "password": good, "port": "abc"}, ErrnoBadPort},
		{"v1 port 0", V1, map[string]string{"username": "api", "password": good, "port": "0"}, ErrnoBadPort},
		{"v1 port 65536", V1, map[string]string{"username": "api", "password": good, "port": "65536"}, ErrnoBadPort},
		{"v1 port signed", V1, map[string]string{"username": "api", "password": good, "port": "+80"}, ErrnoBadPort},
		{"v2 port bad", V2, map[string]string{"username": "api", "password": good, "port": "x"}, ErrnoBadPort},
		{"not JSON", V2, `username=api`, ErrnoOnlyJSON},
		{"JSON array", V2, `["api"]`, ErrnoOnlyJSON},
		{"number value", V1, `{"username":"api","password":"` + good + `","port":8260}`, ErrnoOnlyJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPBX(t, tt.version, nil)
			m := p.api("login", "", tt.body)
			wantErrno(t, m, tt.errno)
			if tt.errno != "" {
				return
			}
			token, _ := m["token"].(string)
			if !isHex32(token) {
				t.Errorf("token %q is not 32 lowercase hex digits", token)
			}
			if _, has := m["transport"]; has != (tt.version == V2) {
				t.Errorf("transport present = %v on %s", has, tt.version)
			}
			if st := p.srv.Stats(); st.Logins != 1 || st.FailedLogins != 0 {
				t.Errorf("stats %+v, want one successful login", st)
			}
		})
	}
}

func TestLoginMethodMustBePOST(t *testing.T) {
	p := startPBX(t, V2, nil)
	for _, method := range []string{http.MethodGet, http.MethodPut} {
		resp, body := p.do(p.client, method, p.url("login", ""), "")
		wantErrno(t, decodeAnswer(t, resp, body), ErrnoOnlyPOST)
	}
}

func isHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// wrongLogin sends a login with a wrong password.
func (p *testPBX) wrongLogin() map[string]any {
	body := p.loginBody()
	body["password"] = md5Hex("wrong")
	return p.api("login", "", body)
}

func TestLockoutAfterFiveFailures(t *testing.T) {
	p := startPBX(t, V1, nil)
	for i := range LockoutAfter {
		if m := p.wrongLogin(); errnoOf(t, m) != ErrnoBadLogin {
			t.Fatalf("failure %d answered %v, want 20003", i+1, m)
		}
	}
	// Locked: even the right password is refused.
	wantErrno(t, p.api("login", "", p.loginBody()), ErrnoLockedOut)
	p.clock.Advance(LockoutFor - time.Second)
	wantErrno(t, p.api("login", "", p.loginBody()), ErrnoLockedOut)
	p.clock.Advance(time.Second)
	wantErrno(t, p.api("login", "", p.loginBody()), "")
	// The lockout ended with a clean slate: one failure is not a lockout.
	wantErrno(t, p.wrongLogin(), ErrnoBadLogin)
	wantErrno(t, p.api("login", "", p.loginBody()), "")
	st := p.srv.Stats()
	if st.Logins != 10 || st.FailedLogins != 8 || st.Errnos[ErrnoLockedOut] != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestSuccessfulLoginResetsFailures(t *testing.T) {
	p := startPBX(t, V2, nil)
	for range LockoutAfter - 1 {
		wantErrno(t, p.wrongLogin(), ErrnoBadLogin)
	}
	p.login()
	for range LockoutAfter - 1 {
		wantErrno(t, p.wrongLogin(), ErrnoBadLogin)
	}
	p.login()
}

func TestLockoutIsPerIP(t *testing.T) {
	p := startPBX(t, V2, nil)
	other := p.clientFrom("127.0.0.2")
	for range LockoutAfter {
		wantErrno(t, p.wrongLogin(), ErrnoBadLogin)
	}
	wantErrno(t, p.api("login", "", p.loginBody()), ErrnoLockedOut)
	wantErrno(t, p.apiFrom(other, "login", "", p.loginBody()), "")
}

package pbxsim

import (
	"net/http"
	"testing"
)

func TestVersionsAndEndpoints(t *testing.T) {
	p := startPBX(t, V1, func(o *Options) { o.Versions = []string{V1} })
	tests := []struct {
		name   string
		path   string
		status int    // HTTP status
		errno  string // for 200 answers
	}{
		{"served version", "/api/v1.1.0/login", 200, ErrnoParamBlank},
		{"unserved v2", "/api/v2.0.0/login", 404, ""},
		{"unserved v0", "/api/v0.0.1/login", 404, ""},
		{"unknown version", "/api/v9.9.9/login", 404, ""},
		{"v1.10 spelling", "/api/v1.10/login", 404, ""},
		{"root", "/", 404, ""},
		{"no endpoint", "/api/v1.1.0", 404, ""},
		{"unknown endpoint", "/api/v1.1.0/nosuch", 200, ErrnoUnsupported},
		{"other dialect endpoint", "/api/v1.1.0/extension/list", 200, ErrnoUnsupported},
		{"trailing slash", "/api/v1.1.0/login/", 200, ErrnoUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := p.do(p.client, http.MethodPost, p.run.URL+tt.path, "{}")
			if resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d, want %d", resp.StatusCode, tt.status)
			}
			if !resp.Close {
				t.Errorf("answer does not close the connection: %v", resp.Header)
			}
			if tt.status == 404 {
				if ct := resp.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
					t.Errorf("404 content type %q", ct)
				}
				return
			}
			if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("Access-Control-Allow-Methods") == "" {
				t.Errorf("no Access-Control headers: %v", resp.Header)
			}
			wantErrno(t, decodeAnswer(t, resp, body), tt.errno)
		})
	}
}

func TestAPIServiceDown(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	p.srv.Update(func(o *Options) { o.APIServiceDown = true })
	for _, endpoint := range []string{"login", "heartbeat", "extension/list", "cdr/get_random", "cdr/download", "nosuch"} {
		wantErrno(t, p.api(endpoint, token, p.loginBody()), ErrnoServiceNotRunning)
	}
	p.srv.Update(func(o *Options) { o.APIServiceDown = false })
	wantErrno(t, p.api("heartbeat", token, ""), "")
	if n := p.srv.Stats().Errnos[ErrnoServiceNotRunning]; n != 6 {
		t.Errorf("30003 counted %d times, want 6", n)
	}
}

func TestStartHTTP(t *testing.T) {
	s := New(Options{})
	run, err := s.StartHTTP("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if run.Cert != nil || run.Fingerprint != "" {
		t.Errorf("plain HTTP has a certificate")
	}
	resp, err := http.Post(run.URL+"/api/v2.0.0/nosuch", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
}

package cdrclient_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://pbx:8088/api/v2.0.0/heartbeat?token=abc123", "https://pbx:8088/api/v2.0.0/heartbeat?token=***"},
		{"https://pbx/api/v1.1.0/cdr/download?extid=1000,1001&starttime=2026-05-01%2000:00:00&token=abc&random=def",
			"https://pbx/api/v1.1.0/cdr/download?extid=1000,1001&starttime=2026-05-01%2000:00:00&token=***&random=***"},
		{"https://pbx/x?random=def&token=abc#frag", "https://pbx/x?random=***&token=***#frag"},
		{"https://pbx/x?TOKEN=abc", "https://pbx/x?TOKEN=***"},
		{`parse "https://pb x/api?token=abc": invalid character " " in host name`,
			`parse "https://pb x/api?token=***": invalid character " " in host name`},
		{"https://pbx:8088/login?next=%2Fapi%3Ftoken%3Dabc%26random%3Ddef%26x%3D1",
			"https://pbx:8088/login?next=%2Fapi%3Ftoken%3D***%26random%3D***%26x%3D1"},
		{"token=abc", "token=***"},
		{"see (https://pbx/?token=abc) and 'https://pbx/?random=def'", "see (https://pbx/?token=***) and 'https://pbx/?random=***'"},
		{"https://pbx/x?mytoken=abc&randomness=1&token=", "https://pbx/x?mytoken=abc&randomness=1&token="},
		{"https://pbx:8088/", "https://pbx:8088/"},
		{"", ""},
		{"电话 token=密钥 结束", "电话 token=*** 结束"},
	}
	for _, tt := range tests {
		if got := cdrclient.Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	f.Add("https://pbx/api/v2.0.0/cdr/download?number=all&token=SECRET&random=SECRET")
	f.Add(`parse "https://pbx?token=SECRET": bad`)
	f.Add("%3Ftoken%3DSECRET%26")
	f.Fuzz(func(t *testing.T, s string) {
		got := cdrclient.Redact(s)
		if again := cdrclient.Redact(got); again != got {
			t.Errorf("not idempotent: %q → %q → %q", s, got, again)
		}
		// A secret written the way links are built never survives, whatever surrounds it.
		for _, sep := range []string{"?", "&"} {
			link := s + sep + "token=SECRET&random=SECRET"
			if strings.Contains(cdrclient.Redact(link), "SECRET") && !strings.Contains(s, "SECRET") {
				t.Errorf("secret kept in %q: %q", link, cdrclient.Redact(link))
			}
		}
	})
}

// TestRedirectDoesNotShowTheToken: a PBX (or proxy) on plain HTTP that redirects to
// HTTPS repeats the request's query, token included, in Location; the error keeps
// where it pointed but not the token.
func TestRedirectDoesNotShowTheToken(t *testing.T) {
	const token = "0123456789abcdef0123456789abcdef"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://"+r.Host+r.URL.RequestURI(), http.StatusMovedPermanently)
	}))
	t.Cleanup(srv.Close)
	s, err := cdrclient.NewSession(cdrclient.Config{BaseURL: srv.URL, User: "api", PasswordMD5: cdrclient.HashPassword("x"),
		APIVersion: cdrclient.VersionV2, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	err = s.Heartbeat(ctxT(t))
	var h *cdrclient.HTTPError
	if !errors.As(err, &h) || h.Status != http.StatusMovedPermanently {
		t.Fatalf("got %v, want an HTTPError 301", err)
	}
	for _, shown := range []string{h.Location, h.URL, err.Error()} {
		if strings.Contains(shown, token) {
			t.Errorf("the token shows in %q", shown)
		}
	}
	if !strings.HasPrefix(h.Location, "https://"+strings.TrimPrefix(srv.URL, "http://")+"/api/v2.0.0/heartbeat?token=***") {
		t.Errorf("Location %q does not say where the PBX pointed", h.Location)
	}
}

package cdrclient_test

import (
	"errors"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
)

func TestCertificateTrust(t *testing.T) {
	p := startPBX(t, nil)
	other := strings.Repeat("ab", 32)
	tests := []struct {
		name        string
		fingerprint string
		trustNew    bool
		wantChanged bool
		wantErr     bool
	}{
		{"pinned", p.fp, false, false, false},
		{"pinned, as users copy it", strings.ToUpper(p.fp[:2]) + ":" + p.fp[2:], false, false, false},
		{"unknown", "", false, false, true},
		{"changed", other, false, true, true},
		{"changed, even when trusting new ones", other, true, true, true},
		{"trust on first use", "", true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := p.session(t, func(c *cdrclient.Config) { c.Fingerprint, c.TrustNewCert = tt.fingerprint, tt.trustNew })
			before := p.sim.Stats().Requests
			err := s.Login(ctxT(t))
			if !tt.wantErr {
				if err != nil {
					t.Fatal(err)
				}
				if s.Fingerprint() != p.fp {
					t.Errorf("Fingerprint() = %s, want %s", s.Fingerprint(), p.fp)
				}
				return
			}
			var ce *cdrclient.CertificateError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a CertificateError", err)
			}
			if ce.Fingerprint != p.fp || ce.Changed() != tt.wantChanged {
				t.Errorf("error %+v: want fingerprint %s, changed %v", ce, p.fp, tt.wantChanged)
			}
			if n := p.sim.Stats().Requests - before; n != 0 {
				t.Errorf("%d requests reached an untrusted PBX", n)
			}
		})
	}
}

func TestTLS12Offered(t *testing.T) {
	// startPBX serves TLS 1.2 only, as the PBX does at its default security level.
	p := startPBX(t, nil)
	if err := p.session(t, nil).Login(ctxT(t)); err != nil {
		t.Fatal(err)
	}
}

func TestConnectionRefused(t *testing.T) {
	p := startPBX(t, nil)
	cfg := p.config()
	cfg.BaseURL = "https://127.0.0.1:1"
	s, err := cdrclient.NewSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Login(ctxT(t))
	var ce *cdrclient.ConnectionError
	if !errors.As(err, &ce) || ce.Timeout {
		t.Fatalf("got %v, want a ConnectionError", err)
	}
}

func TestParseAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"192.168.1.150", "https://192.168.1.150:8088"},
		{" pbx.example.com ", "https://pbx.example.com:8088"},
		{"http://10.0.0.5", "http://10.0.0.5:80"},
		{"HTTPS://10.0.0.5:9443/", "https://10.0.0.5:9443"},
		{"10.0.0.5:8443", "https://10.0.0.5:8443"},
		{"[fe80::1]", "https://[fe80::1]:8088"},
		{"", ""},
		{"ftp://pbx", ""},
		{"pbx:99999", ""},
		{"https://pbx/api/v2.0.0", ""},
		{"https://user:pw@pbx", ""},
	}
	for _, tt := range tests {
		got, err := cdrclient.ParseAddress(tt.in)
		if tt.want == "" {
			var ie *cdrclient.InputError
			if !errors.As(err, &ie) {
				t.Errorf("%q: got %q, %v; want an InputError", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

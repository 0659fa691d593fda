package pbxsim

import (
	"bufio"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
)

func TestTLS12Only(t *testing.T) {
	p := startPBX(t, V2, nil)
	tests := []struct {
		name     string
		min, max uint16
		ok       bool
	}{
		{"TLS 1.2 or later", tls.VersionTLS12, 0, true},
		{"TLS 1.3 only", tls.VersionTLS13, 0, false},
		{"TLS 1.1 at most", tls.VersionTLS10, tls.VersionTLS11, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := pinnedClient(p.run.Cert, nil)
			cfg := c.Transport.(*http.Transport).TLSClientConfig
			cfg.MinVersion, cfg.MaxVersion = tt.min, tt.max
			resp, err := c.Post(p.url("heartbeat", ""), "application/json", nil)
			if !tt.ok {
				if err == nil {
					resp.Body.Close()
					t.Fatal("handshake succeeded")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.TLS.Version != tls.VersionTLS12 {
				t.Errorf("negotiated %s", tls.VersionName(resp.TLS.Version))
			}
			sum := sha256.Sum256(resp.TLS.PeerCertificates[0].Raw)
			if got := hex.EncodeToString(sum[:]); got != p.run.Fingerprint || got != Fingerprint(p.run.Cert) {
				t.Errorf("peer fingerprint %s, Running says %s", got, p.run.Fingerprint)
			}
		})
	}
}

func TestCertificateCoversLoopback(t *testing.T) {
	p := startPBX(t, V2, nil)
	for _, host := range LoopbackHosts() {
		if err := p.run.Cert.VerifyHostname(host); err != nil {
			t.Error(err)
		}
	}
}

func TestRestartWithSameOrNewCertificate(t *testing.T) {
	s := New(Options{})
	cert, err := NewCertificate(LoopbackHosts())
	if err != nil {
		t.Fatal(err)
	}
	cert.Leaf = nil // StartTLSWith must parse the DER itself
	first, err := s.StartTLSWith("127.0.0.1:0", cert)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	again, err := s.StartTLSWith("127.0.0.1:0", cert)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	fresh, err := s.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if first.Fingerprint != again.Fingerprint || first.Fingerprint == fresh.Fingerprint {
		t.Fatalf("fingerprints %s %s %s", first.Fingerprint, again.Fingerprint, fresh.Fingerprint)
	}
	// A client pinned to the first certificate refuses the fresh one.
	pinned := pinnedClient(first.Cert, nil)
	if resp, err := pinned.Post(again.URL+"/api/v2.0.0/x", "application/json", nil); err != nil {
		t.Errorf("same certificate refused: %v", err)
	} else {
		resp.Body.Close()
	}
	if resp, err := pinned.Post(fresh.URL+"/api/v2.0.0/x", "application/json", nil); err == nil {
		resp.Body.Close()
		t.Error("changed certificate accepted")
	}
}

// TestConnectionCloseOnTheWire reads raw response headers: Go's client
// hides the Connection header it consumes.
func TestConnectionCloseOnTheWire(t *testing.T) {
	p := startPBX(t, V1, nil)
	conn, err := tls.Dial("tcp", strings.TrimPrefix(p.run.URL, "https://"), &tls.Config{RootCAs: pinnedClient(p.run.Cert, nil).Transport.(*http.Transport).TLSClientConfig.RootCAs})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req := "POST /api/v1.1.0/heartbeat HTTP/1.1\r\nHost: pbx\r\nContent-Length: 2\r\n\r\n{}"
	if _, err := conn.Write([]byte(req)); err != nil {
		t.Fatal(err)
	}
	headers := map[string]string{}
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if k, v, ok := strings.Cut(line, ": "); ok {
			headers[strings.ToLower(k)] = v
		}
	}
	want := map[string]string{
		"connection":                   "close",
		"access-control-allow-origin":  "*",
		"access-control-allow-methods": "GET, POST, OPTIONS, PUT, DELETE",
		"content-type":                 "application/json",
	}
	for k, v := range want {
		if headers[k] != v {
			t.Errorf("%s: %q, want %q", k, headers[k], v)
		}
	}
}

package cdrclient

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Timeouts bound each phase of a request. Zero values take the defaults.
type Timeouts struct {
	Connect time.Duration // TCP connect and TLS handshake (default 10 s)
	Header  time.Duration // from request sent to response headers (default 60 s: the PBX builds a CSV before answering)
	Idle    time.Duration // longest pause while a body streams in (default 60 s)
}

func (t Timeouts) withDefaults() Timeouts {
	if t.Connect <= 0 {
		t.Connect = 10 * time.Second
	}
	if t.Header <= 0 {
		t.Header = 60 * time.Second
	}
	if t.Idle <= 0 {
		t.Idle = 60 * time.Second
	}
	return t
}

// Fingerprint returns the SHA-256 of a certificate's DER bytes as lowercase hex, the
// form in which PBX certificates are pinned.
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	return hex.EncodeToString(sum[:])
}

// NormalizeFingerprint accepts a fingerprint as users copy it ("AB:CD:…", spaces, upper
// case) and returns it as 64 lowercase hex digits, or "" if it is not one.
func NormalizeFingerprint(s string) string {
	s = strings.ToLower(strings.NewReplacer(":", "", " ", "", "-", "").Replace(strings.TrimSpace(s)))
	if len(s) != 64 {
		return ""
	}
	if _, err := hex.DecodeString(s); err != nil {
		return ""
	}
	return s
}

// certPin decides whether a PBX certificate is trusted: a publicly valid certificate
// for the host, or the pinned fingerprint, or (once) any certificate when the user chose
// to trust a new one, which is then pinned for the rest of the session.
type certPin struct {
	mu       sync.Mutex
	pinned   string
	trustNew bool
	seen     string // fingerprint of the last certificate presented
}

func (p *certPin) verify(host string, cs tls.ConnectionState) error {
	if len(cs.PeerCertificates) == 0 {
		return &CertificateError{Host: host}
	}
	leaf := cs.PeerCertificates[0]
	fp := Fingerprint(leaf)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = fp
	switch {
	case p.pinned != "":
		if fp == p.pinned {
			return nil
		}
		return &CertificateError{Host: host, Fingerprint: fp, Pinned: p.pinned}
	case p.trustNew:
		p.pinned = fp
		return nil
	case publiclyTrusted(cs, hostName(host)):
		return nil
	}
	return &CertificateError{Host: host, Fingerprint: fp}
}

func (p *certPin) fingerprint() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen
}

// publiclyTrusted reports whether the certificate chains to a root of the system and
// names host. The name is the host of the PBX address, never cs.ServerName: Go sends no
// server name to an IP address, and an empty name would skip the check, so that any
// CA-signed certificate for any domain would pass for https://192.168.1.150:8088. An IP
// address is matched against the certificate's IP SANs.
func publiclyTrusted(cs tls.ConnectionState, host string) bool {
	if host == "" {
		return false
	}
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{DNSName: host, Intermediates: inter})
	return err == nil
}

// hostName is the host of "host:port" ("[::1]:8088" gives "::1"), without an IPv6 zone,
// which certificates cannot name.
func hostName(hostPort string) string {
	host, _, err := net.SplitHostPort(hostPort)
	if err != nil {
		host = hostPort
	}
	host, _, _ = strings.Cut(host, "%")
	return host
}

// newHTTPClient builds the client for one PBX. The PBX's web server closes every
// connection after one request, so keep-alives are off; TLS sessions are cached so that
// reconnecting stays cheap. TLS 1.2 is offered because that is all the PBX speaks at its
// default security level.
func newHTTPClient(host string, pin *certPin, t Timeouts) *http.Client {
	dialer := &net.Dialer{Timeout: t.Connect, KeepAlive: -1}
	tr := &http.Transport{
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   t.Connect,
		ResponseHeaderTimeout: t.Header,
		DisableKeepAlives:     true,
		DisableCompression:    true,
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			ClientSessionCache: tls.NewLRUClientSessionCache(4),
			// Verification is done by VerifyConnection: the pin, then the system roots.
			InsecureSkipVerify: true,
			VerifyConnection:   func(cs tls.ConnectionState) error { return pin.verify(host, cs) },
		},
	}
	return &http.Client{
		Transport: tr,
		// The API never redirects except HTTP → HTTPS on port 80, which would leak the
		// token over plain HTTP first; refuse redirects and report them.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

package pbxsim

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// Running is a simulator serving on a listener.
type Running struct {
	// URL is the base URL, e.g. "https://127.0.0.1:40123" (no path).
	URL string
	// Fingerprint is the lowercase hex SHA-256 of the certificate's DER
	// bytes (empty for plain HTTP).
	Fingerprint string
	// Cert is the served certificate (nil for plain HTTP).
	Cert *x509.Certificate
	// Close stops the server and closes its connections.
	Close func() error
}

// StartTLS serves on addr (e.g. "127.0.0.1:0") over TLS 1.2 only, as the
// PBX does at its default security level, with a fresh self-signed
// certificate for 127.0.0.1, localhost and ::1.
func (s *Server) StartTLS(addr string) (*Running, error) {
	cert, err := NewCertificate(LoopbackHosts())
	if err != nil {
		return nil, err
	}
	return s.StartTLSWith(addr, cert)
}

// StartTLSWith is StartTLS with a given certificate, to restart with the
// same certificate or a different one.
func (s *Server) StartTLSWith(addr string, cert tls.Certificate) (*Running, error) {
	leaf := cert.Leaf
	if leaf == nil {
		if len(cert.Certificate) == 0 {
			return nil, errors.New("pbxsim: certificate has no DER data")
		}
		var err error
		if leaf, err = x509.ParseCertificate(cert.Certificate[0]); err != nil {
			return nil, fmt.Errorf("pbxsim: parse certificate: %w", err)
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("pbxsim: listen: %w", err)
	}
	cfg := &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
		MaxVersion:   tls.VersionTLS12,
	}
	r := s.serve(tls.NewListener(ln, cfg), "https")
	r.Cert, r.Fingerprint = leaf, Fingerprint(leaf)
	return r, nil
}

// StartHTTP serves on addr over plain HTTP (the PBX's port 80 mode).
func (s *Server) StartHTTP(addr string) (*Running, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("pbxsim: listen: %w", err)
	}
	return s.serve(ln, "http"), nil
}

// serve runs an http.Server on ln. Its error log is discarded: clients that
// fail the handshake on purpose (TLS 1.3 only, unknown certificate) would
// otherwise fill test output.
func (s *Server) serve(ln net.Listener, scheme string) *Running {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 30 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go func() { _ = srv.Serve(ln) }()
	return &Running{URL: scheme + "://" + urlHost(ln.Addr()), Close: srv.Close}
}

// urlHost is the listener's address for a URL; an unspecified address
// (":8088", "0.0.0.0:8088") is reached through 127.0.0.1.
func urlHost(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	ip := tcp.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
}

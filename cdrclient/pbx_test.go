package cdrclient_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// testStart is the simulator's "now": tokens, keys and lockouts expire by this clock.
var testStart = time.Date(2026, 5, 20, 12, 0, 0, 0, pbxsim.DefaultLocation())

// pbx is a simulator running on loopback for one test.
type pbx struct {
	sim   *pbxsim.Server
	clock *pbxsim.Clock
	url   string
	fp    string // certificate fingerprint, "" over HTTP

	mu     sync.Mutex
	before func(r *http.Request) // runs before the simulator sees a request
}

// startPBX runs the simulator over TLS 1.2 on 127.0.0.1 with options changed by mod.
// Requests pass through a hook (see onRequest) so a test can act between the steps of a
// download, for example expire a key.
func startPBX(t *testing.T, mod func(*pbxsim.Options)) *pbx {
	t.Helper()
	p := &pbx{clock: pbxsim.NewClock(testStart)}
	o := pbxsim.DefaultOptions()
	o.Now = p.clock.Now
	if mod != nil {
		mod(&o)
	}
	p.sim = pbxsim.New(o)
	cert, err := pbxsim.NewCertificate([]string{"127.0.0.1", "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(p.serve))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS12}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	p.url = srv.URL
	p.fp = cdrclient.Fingerprint(srv.Certificate())
	return p
}

func (p *pbx) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	hook := p.before
	p.mu.Unlock()
	if hook != nil {
		hook(r)
	}
	p.sim.ServeHTTP(w, r)
}

// onRequest sets the hook that runs before each request reaches the simulator.
func (p *pbx) onRequest(hook func(r *http.Request)) {
	p.mu.Lock()
	p.before = hook
	p.mu.Unlock()
}

// config is a working configuration for p: right user and password, certificate pinned.
func (p *pbx) config() cdrclient.Config {
	return cdrclient.Config{
		BaseURL:     p.url,
		User:        pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword),
		Fingerprint: p.fp,
		Now:         p.clock.Now,
		Timeouts:    cdrclient.Timeouts{Connect: 5 * time.Second, Header: 5 * time.Second, Idle: 5 * time.Second},
	}
}

func (p *pbx) session(t *testing.T, mod func(*cdrclient.Config)) *cdrclient.Session {
	t.Helper()
	cfg := p.config()
	if mod != nil {
		mod(&cfg)
	}
	s, err := cdrclient.NewSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// served is what the simulator serves for q in a single download.
func (p *pbx) served(t *testing.T, q cdrclient.Query) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.sim.WriteCSV(&b, q.Extensions, q.Start, q.End); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// day returns the query for whole days of PBX time starting at a date.
func days(from string, n int, exts ...string) cdrclient.Query {
	start, err := time.ParseInLocation("2006-01-02", from, pbxsim.DefaultLocation())
	if err != nil {
		panic(err)
	}
	return cdrclient.Query{Extensions: exts, Start: start, End: start.AddDate(0, 0, n).Add(-time.Second)}
}

func isDownload(r *http.Request) bool { return strings.HasSuffix(r.URL.Path, "/cdr/download") }

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// insecureTransport stands for another program opening a download link; only tests of
// the link itself use it.
func insecureTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
}

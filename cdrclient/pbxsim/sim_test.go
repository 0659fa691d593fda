package pbxsim

import (
	"crypto/md5"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"
)

// testStart is the simulated "now" of every test: a Friday, 18:00 in the
// PBX's zone (UTC+8).
var testStart = time.Date(2024, 3, 15, 10, 0, 0, 0, time.UTC)

// testPBX is a simulator running over TLS on loopback with a settable clock.
type testPBX struct {
	t       testing.TB
	srv     *Server
	clock   *Clock
	run     *Running
	client  *http.Client
	version string
}

// startPBX runs a simulator for version (V2, V1 or V0); change adjusts the
// options before it starts.
func startPBX(t testing.TB, version string, change func(*Options)) *testPBX {
	t.Helper()
	clock := NewClock(testStart)
	o := DefaultOptions()
	o.Now = clock.Now
	if change != nil {
		change(&o)
	}
	srv := New(o)
	run, err := srv.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	return &testPBX{t: t, srv: srv, clock: clock, run: run, version: version,
		client: pinnedClient(run.Cert, nil)}
}

// pinnedClient trusts exactly cert (the simulator's self-signed
// certificate is its own CA); localIP, when set, is the client's source
// address.
func pinnedClient(cert *x509.Certificate, localIP net.IP) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	if localIP != nil {
		dialer.LocalAddr = &net.TCPAddr{IP: localIP}
	}
	return &http.Client{
		Timeout: 20 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
			DialContext:     dialer.DialContext,
		},
	}
}

// clientFrom returns a client whose connections come from ip (e.g.
// 127.0.0.2), or skips the test where the system has no such loopback
// address.
func (p *testPBX) clientFrom(ip string) *http.Client {
	p.t.Helper()
	c := pinnedClient(p.run.Cert, net.ParseIP(ip))
	conn, err := c.Transport.(*http.Transport).DialContext(p.t.Context(), "tcp", strings.TrimPrefix(p.run.URL, "https://"))
	if err != nil {
		if errors.Is(err, syscall.EADDRNOTAVAIL) || strings.Contains(err.Error(), "assign requested address") {
			p.t.Skipf("no loopback address %s here: %v", ip, err)
		}
		p.t.Fatal(err)
	}
	_ = conn.Close()
	return c
}

// url builds the API URL of endpoint with a raw query.
func (p *testPBX) url(endpoint, rawQuery string) string {
	u := p.run.URL + "/api/" + p.version + "/" + endpoint
	if rawQuery != "" {
		u += "?" + rawQuery
	}
	return u
}

// do sends a request and returns the response with its whole body.
func (p *testPBX) do(c *http.Client, method, u, body string) (*http.Response, []byte) {
	p.t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatalf("%s %s: reading body: %v", method, u, err)
	}
	return resp, data
}

// api POSTs a JSON body (a string, or a value to marshal) to endpoint with
// ?token=token and decodes the JSON answer.
func (p *testPBX) api(endpoint, token string, body any) map[string]any {
	p.t.Helper()
	return p.apiFrom(p.client, endpoint, token, body)
}

func (p *testPBX) apiFrom(c *http.Client, endpoint, token string, body any) map[string]any {
	p.t.Helper()
	raw, ok := body.(string)
	if !ok {
		b, err := json.Marshal(body)
		if err != nil {
			p.t.Fatal(err)
		}
		raw = string(b)
	}
	query := ""
	if token != "" {
		query = "token=" + url.QueryEscape(token)
	}
	resp, data := p.do(c, http.MethodPost, p.url(endpoint, query), raw)
	return decodeAnswer(p.t, resp, data)
}

// decodeAnswer checks that an API answer is HTTP 200 JSON and decodes it.
func decodeAnswer(t testing.TB, resp *http.Response, data []byte) map[string]any {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d, want 200 (body %q)", resp.StatusCode, data)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("answer is not JSON: %q", data)
	}
	return m
}

// errnoOf is the answer's errno, or "" for a success.
func errnoOf(t testing.TB, m map[string]any) string {
	t.Helper()
	switch m["status"] {
	case "Success":
		return ""
	case "Failed":
		errno, ok := m["errno"].(string)
		if !ok {
			t.Fatalf("errno is not a string: %#v", m)
		}
		return errno
	}
	t.Fatalf("bad status in %#v", m)
	return ""
}

// wantErrno fails unless m answers errno ("" = success).
func wantErrno(t testing.TB, m map[string]any, errno string) {
	t.Helper()
	if got := errnoOf(t, m); got != errno {
		t.Fatalf("errno %q, want %q (answer %v)", got, errno, m)
	}
}

func md5Hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// loginBody is a correct login body for the dialect.
func (p *testPBX) loginBody() map[string]string {
	return map[string]string{"username": DefaultUser, "password": md5Hex(DefaultPassword), "port": "8260", "version": "2.0.0"}
}

// login logs in and returns the token.
func (p *testPBX) login() string {
	p.t.Helper()
	m := p.api("login", "", p.loginBody())
	wantErrno(p.t, m, "")
	return m["token"].(string)
}

// extKey is the dialect's extension parameter.
func (p *testPBX) extKey() string {
	if p.version == V2 {
		return "number"
	}
	return "extid"
}

// random asks for a CDR random and returns it.
func (p *testPBX) random(token, exts, start, end string) string {
	p.t.Helper()
	m := p.api("cdr/get_random", token, map[string]string{p.extKey(): exts, "starttime": start, "endtime": end})
	wantErrno(p.t, m, "")
	return m["random"].(string)
}

// downloadQuery is the link's query with %20 for spaces, as working
// integrations send it.
func (p *testPBX) downloadQuery(token, random, exts, start, end string) string {
	esc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return p.extKey() + "=" + esc(exts) + "&starttime=" + esc(start) + "&endtime=" + esc(end) +
		"&token=" + token + "&random=" + random
}

// download fetches a CDR range with a fresh random.
func (p *testPBX) download(token, exts, start, end string) (*http.Response, []byte) {
	p.t.Helper()
	r := p.random(token, exts, start, end)
	return p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, r, exts, start, end)), "")
}

// wantCSV fails unless the answer is the CSV that WriteCSV gives for the query.
func (p *testPBX) wantCSV(resp *http.Response, body []byte, exts []string, start, end string) {
	p.t.Helper()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/octet-stream" {
		p.t.Fatalf("HTTP %d %s, want 200 CSV (body %.200q)", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	want := expectedCSV(p.t, p.srv, exts, start, end)
	if string(body) != want {
		p.t.Fatalf("CSV differs from WriteCSV: got %d bytes, want %d", len(body), len(want))
	}
}

// expectedCSV is WriteCSV's output for the query.
func expectedCSV(t testing.TB, s *Server, exts []string, start, end string) string {
	t.Helper()
	var b strings.Builder
	if err := s.WriteCSV(&b, exts, mustWall(t, start), mustWall(t, end)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// mustWall parses an API time as a wall-clock time.
func mustWall(t testing.TB, s string) time.Time {
	t.Helper()
	w, err := time.Parse(TimeLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

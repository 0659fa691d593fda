package recordings_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/recordings"
)

// day is the day whose calls the tests save.
const day = "2026-05-04"

// pbx is the simulator over TLS on loopback, with a hook before each request.
type pbx struct {
	sim   *pbxsim.Server
	clock *pbxsim.Clock
	sess  *cdrclient.Session

	mu     sync.Mutex
	before func(r *http.Request)
}

func startPBX(t *testing.T, mod func(*pbxsim.Options)) *pbx {
	t.Helper()
	p := &pbx{clock: pbxsim.NewClock(time.Date(2026, 5, 20, 12, 0, 0, 0, pbxsim.DefaultLocation()))}
	o := pbxsim.DefaultOptions()
	o.Now = p.clock.Now
	if mod != nil {
		mod(&o)
	}
	p.sim = pbxsim.New(o)
	cert, err := pbxsim.NewCertificate([]string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		hook := p.before
		p.mu.Unlock()
		if hook != nil {
			hook(r)
		}
		p.sim.ServeHTTP(w, r)
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS12}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // bodies dropped on purpose
	srv.StartTLS()
	t.Cleanup(srv.Close)
	p.sess, err = cdrclient.NewSession(cdrclient.Config{BaseURL: srv.URL, User: pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: cdrclient.Fingerprint(srv.Certificate()),
		Now: p.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.sess.Close)
	return p
}

func (p *pbx) onRequest(hook func(r *http.Request)) {
	p.mu.Lock()
	p.before = hook
	p.mu.Unlock()
}

// calls downloads the day's records and collects the calls with a recording, as the
// command line does.
func (p *pbx) calls(t *testing.T) []recordings.Call {
	t.Helper()
	start, _ := time.ParseInLocation("2006-01-02", day, pbxsim.DefaultLocation())
	var c recordings.Collector
	parser := cdrclient.NewRowParser(&c)
	q := cdrclient.Query{Start: start, End: start.AddDate(0, 0, 1).Add(-time.Second)}
	if _, err := p.sess.Fetch(ctxT(t), q, parser, nil); err != nil {
		t.Fatal(err)
	}
	if err := parser.Close(); err != nil {
		t.Fatal(err)
	}
	if len(c.Calls) < 4 {
		t.Fatalf("only %d calls with a recording on %s", len(c.Calls), day)
	}
	return c.Calls
}

// wantFiles checks that dir holds exactly the recordings of calls, byte for byte,
// under their names, and nothing else (no temporary file).
func (p *pbx) wantFiles(t *testing.T, dir string, calls []recordings.Call) {
	t.Helper()
	var want []string
	for _, c := range calls {
		name := recordings.FileName(c)
		want = append(want, name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		var served bytes.Buffer
		p.sim.WriteRecording(&served, c.Recording)
		if !bytes.Equal(got, served.Bytes()) {
			t.Errorf("%s: %d bytes differ from the %d served", name, len(got), served.Len())
		}
	}
	if got := dirNames(t, dir); !slices.Equal(got, sorted(want)) {
		t.Errorf("the folder holds %v\nwant %v", got, sorted(want))
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func isRecordingDownload(r *http.Request) bool {
	return strings.HasSuffix(r.URL.Path, "/recording/download")
}

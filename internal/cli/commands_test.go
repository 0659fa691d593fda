package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/profile"
)

func TestExportFormats(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	for _, tc := range []struct{ out, format string }{
		{"a.xlsx", ""}, {"b.csv", "excel-csv"}, {"c.dat", "xlsx"},
	} {
		out := filepath.Join(dir, tc.out)
		args := append([]string{"export"}, h.conn("--range", "yesterday", "--out", out)...)
		if tc.format != "" {
			args = append(args, "--format", tc.format)
		}
		if code, _, stderr := h.run(args...); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tc.out, code, stderr)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.csv")); !bytes.HasPrefix(b, []byte("\xef\xbb\xbfcallid,")) {
		t.Errorf("excel-csv does not start with a BOM and the header: %.20q", b)
	}
	for _, name := range []string{"a.xlsx", "c.dat"} {
		f, err := excelize.OpenFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows, err := f.GetRows(f.GetSheetName(0))
		f.Close()
		if err != nil || len(rows) < 2 || rows[0][0] != "callid" {
			t.Errorf("%s: %d rows, %v", name, len(rows), err)
		}
	}
}

// TestExportToStdout: --out - writes the PBX's CSV as sent. --from and --to read the
// forms design.md §2 promises, and also what the window's fields take
// (internal/period): single digits, slashes, a clock without seconds, full-width.
func TestExportToStdout(t *testing.T) {
	for _, tc := range []struct{ name, from, to string }{
		{"the documented forms", "2026-05-19 08:00:00", "2026-05-19 12:00:00"},
		{"friendly forms", "2026/5/19 8:00", "２０２６－０５－１９ １２：００"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			code, stdout, stderr := h.run(append([]string{"export"}, h.conn("--from", tc.from, "--to", tc.to, "--out", "-")...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if want := h.served(nil, "2026-05-19 08:00:00", "2026-05-19 12:00:00"); stdout != string(want) {
				t.Errorf("stdout has %d bytes, want %d", len(stdout), len(want))
			}
		})
	}
}

func TestExportSuggestsAName(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := h.run(append([]string{"export"}, h.conn("--ext", "1000", "--range", "last-month")...)...); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := dirEntries(t, dir); len(got) != 1 || got[0] != "CDR_127.0.0.1_1000_20260401_20260430.csv" {
		t.Errorf("files %v", got)
	}
}

func TestTrustNewCert(t *testing.T) {
	h := newHarness(t, nil)
	code, _, stderr := h.run("extensions", "--pbx", h.url, "--user", "api", "--trust-new-cert")
	if code != ExitOK || !strings.Contains(stderr, h.fp) {
		t.Fatalf("exit %d, stderr %q; want success and the fingerprint", code, stderr)
	}
}

func TestProfile(t *testing.T) {
	h := newHarness(t, nil)
	p := profile.Profile{Name: "总部", URL: h.url, User: pbxsim.DefaultUser, APIVersion: "auto", Fingerprint: h.fp}
	if err := h.store.Save(p); err != nil {
		t.Fatal(err)
	}
	if err := h.store.SetPasswordMD5(p.Name, cdrclient.HashPassword(pbxsim.DefaultPassword)); err != nil {
		t.Fatal(err)
	}
	h.env = map[string]string{} // the password comes from the keyring
	if code, _, stderr := h.run("extensions", "--profile", "总部"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tok, err := h.store.Token("总部")
	if err != nil || tok.Value == "" {
		t.Fatalf("token not saved: %v", err)
	}
	// The next command reuses the saved token instead of logging in again.
	if code, _, stderr := h.run("extensions", "--profile", "总部"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st := h.sim.Stats(); st.Logins != 1 || st.Logouts != 0 {
		t.Errorf("%d logins, %d logouts; want 1 and 0", st.Logins, st.Logouts)
	}
	// Failed logins are counted, and the count is shown before the lockout.
	h.store.SetPasswordMD5("总部", cdrclient.HashPassword("wrong"))
	h.store.ClearToken("总部")
	for i := 1; i <= 4; i++ {
		code, _, stderr := h.run("extensions", "--profile", "总部")
		if code != ExitAuth {
			t.Fatalf("attempt %d: exit %d", i, code)
		}
		if got, _ := h.store.Get("总部"); got.FailedLogins != i {
			t.Fatalf("attempt %d: FailedLogins = %d", i, got.FailedLogins)
		}
		if !strings.Contains(stderr, "failed login "+strconv.Itoa(i)+" of 5") {
			t.Errorf("attempt %d: count not shown: %s", i, stderr)
		}
		if warned := strings.Contains(stderr, "warning: the last"); warned != (i == 4) {
			t.Errorf("attempt %d: warning shown = %v: %s", i, warned, stderr)
		}
	}
	if st := h.sim.Stats(); st.FailedLogins != 4 {
		t.Errorf("%d failed logins at the PBX, want 4", st.FailedLogins)
	}
	if code, _, _ := h.run("extensions", "--profile", "nowhere"); code != ExitUsage {
		t.Errorf("unknown profile: exit %d", code)
	}
}

func TestProfileWithoutKeyring(t *testing.T) {
	h := newHarness(t, nil)
	h.store.Save(profile.Profile{Name: "office", URL: h.url, User: "api", Fingerprint: h.fp})
	h.secrets.SetUnavailable(true)
	h.env = map[string]string{}
	code, _, stderr := h.run("extensions", "--profile", "office")
	if code != ExitUsage || !strings.Contains(stderr, "keyring is not available") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	h.env = map[string]string{"CDRDESK_PASSWORD": pbxsim.DefaultPassword}
	if code, _, stderr := h.run("extensions", "--profile", "office"); code != ExitOK {
		t.Fatalf("with the password given: exit %d: %s", code, stderr)
	}
}

func TestLink(t *testing.T) {
	h := newHarness(t, nil)
	code, stdout, stderr := h.run(append([]string{"link"}, h.conn("--ext", "1000", "--range", "yesterday", "--allowed-ip", "127.0.0.1")...)...)
	if code != ExitOK || !strings.Contains(stderr, "30 seconds") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	link := strings.TrimSpace(stdout)
	tr := &http.Transport{TLSClientConfig: insecureTLS()}
	resp, err := (&http.Client{Transport: tr}).Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := h.served([]string{"1000"}, "2026-05-19 00:00:00", "2026-05-19 23:59:59"); !bytes.Equal(body, want) {
		t.Errorf("the link gave %.80q", body)
	}
	if code, _, _ := h.run(append([]string{"link"}, h.conn("--range", "today", "--allowed-ip", "10.0.0.1,10.0.0.2")...)...); code != ExitUsage {
		t.Errorf("two IPs: exit %d", code)
	}
}

func TestDemoPBX(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &syncBuffer{}
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"demo-pbx", "--listen", "127.0.0.1:0"}, Env{Stdout: stdout, Stderr: io.Discard})
	}()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(stdout.String(), "Try:") {
		select {
		case <-deadline:
			t.Fatalf("no banner: %q", stdout.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	banner := stdout.String()
	url := strings.Fields(banner[strings.Index(banner, "address:"):])[1]
	fp := strings.Fields(banner[strings.Index(banner, "SHA-256"):])[1]
	h := &harness{t: t, url: url, fp: fp, env: map[string]string{"CDRDESK_PASSWORD": pbxsim.DefaultPassword}}
	if code, _, stderr := h.run(append([]string{"extensions"}, h.conn()...)...); code != ExitOK {
		t.Fatalf("against the demo PBX: exit %d: %s", code, stderr)
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("demo-pbx exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	h := &harness{t: t}
	if code, stdout, _ := h.run("version"); code != ExitOK || stdout != "cdrdesk test\n" {
		t.Errorf("exit %d, %q", code, stdout)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader on two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

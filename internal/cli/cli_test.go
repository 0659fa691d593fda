package cli

import (
	"bytes"
	"context"
	"crypto/tls"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive/place"
	"cdrdesk/internal/profile"
)

// now is the test's "today" (a Wednesday), on the simulator's clock too.
var now = time.Date(2026, 5, 20, 12, 0, 0, 0, pbxsim.DefaultLocation())

// harness runs commands against a simulator on loopback.
type harness struct {
	t       *testing.T
	clock   *pbxsim.Clock // the PBX's and the commands' clock
	sim     *pbxsim.Server
	url, fp string
	store   *profile.Store
	secrets *profile.MemorySecrets
	env     map[string]string
	stdin   string
	// archive is the archive a test's downloads are kept in when its env chooses
	// none: the test's own, never the user's.
	archive string
}

func newHarness(t *testing.T, mod func(*pbxsim.Options)) *harness {
	t.Helper()
	clock := pbxsim.NewClock(now)
	o := pbxsim.DefaultOptions()
	o.Now = clock.Now
	if mod != nil {
		mod(&o)
	}
	sim := pbxsim.New(o)
	run, err := sim.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	secrets := profile.NewMemorySecrets()
	store, err := profile.Open(t.TempDir(), secrets)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, clock: clock, sim: sim, url: run.URL, fp: run.Fingerprint, store: store, secrets: secrets,
		env: map[string]string{"CDRDESK_PASSWORD": pbxsim.DefaultPassword}, archive: filepath.Join(t.TempDir(), "archive.db")}
}

// run runs a command line and returns its exit status, stdout and stderr.
func (h *harness) run(args ...string) (int, string, string) {
	h.t.Helper()
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := Run(ctx, args, h.envFor(&stdout, &stderr))
	return code, stdout.String(), stderr.String()
}

func (h *harness) envFor(stdout, stderr *bytes.Buffer) Env {
	return Env{
		Stdin: strings.NewReader(h.stdin), Stdout: stdout, Stderr: stderr,
		Getenv:   h.getenv,
		Now:      h.clockNow,
		Profiles: func() (*profile.Store, error) { return h.store, nil },
		Version:  "cdrdesk test",
	}
}

// getenv is the test's environment; CDRDESK_ARCHIVE is h.archive unless set.
func (h *harness) getenv(k string) string {
	if v, ok := h.env[k]; ok || k != place.EnvVar {
		return v
	}
	return h.archive
}

// clockNow is the PBX's clock, or the test's "today" for a harness without a simulator.
func (h *harness) clockNow() time.Time {
	if h.clock == nil {
		return now
	}
	return h.clock.Now()
}

// conn are the flags that reach the simulator with its certificate pinned.
func (h *harness) conn(extra ...string) []string {
	return append([]string{"--pbx", h.url, "--user", pbxsim.DefaultUser, "--fingerprint", h.fp}, extra...)
}

func (h *harness) served(exts []string, from, to string) []byte {
	h.t.Helper()
	start, _ := time.Parse(cdrclient.TimeLayout, from)
	end, _ := time.Parse(cdrclient.TimeLayout, to)
	var b bytes.Buffer
	if err := h.sim.WriteCSV(&b, exts, start, end); err != nil {
		h.t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportCSVByteForByte(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) { o.BOM = true })
	out := filepath.Join(t.TempDir(), "report.csv")
	code, _, stderr := h.run(append([]string{"export"}, h.conn("--ext", "1000,1001", "--from", "2026-04-01", "--to", "2026-04-20", "--out", out)...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	want := h.served([]string{"1000", "1001"}, "2026-04-01 00:00:00", "2026-04-20 23:59:59")
	if !bytes.Equal(got, want) {
		t.Fatalf("file has %d bytes, the PBX served %d", len(got), len(want))
	}
	table := cdrclient.NewTable()
	table.Write(want)
	table.Close()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if wantLine := "saved " + strconv.Itoa(table.Len()) + " records to " + out; lines[len(lines)-1] != wantLine {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], wantLine)
	}
	if st := h.sim.Stats(); st.Logouts != 1 {
		t.Errorf("%d logouts, want 1", st.Logouts)
	}
}

// insecureTLS stands for another computer's browser opening a download link.
func insecureTLS() *tls.Config { return &tls.Config{InsecureSkipVerify: true} }

package connect

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
	"cdrdesk/internal/profile"
)

// harness is one dialog over a real window, a simulated PBX over TLS on loopback and a
// profile store with in-memory secrets.
type harness struct {
	t         *testing.T
	win       fyne.Window
	sim       *pbxsim.Server
	run       *pbxsim.Running
	clock     *pbxsim.Clock
	secrets   *profile.MemorySecrets
	dir       string
	store     *profile.Store
	deps      Deps
	d         *connectDialog
	steps     chan string
	connected chan Result
}

// start is the simulator's and the dialog's clock.
var start = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

func newHarness(t *testing.T, language string) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.System))
	if err := i18n.Use(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Use(i18n.English) })
	h := &harness{t: t, clock: pbxsim.NewClock(start), secrets: profile.NewMemorySecrets(), dir: t.TempDir(),
		steps: make(chan string, 16), connected: make(chan Result, 4)}
	opts := pbxsim.DefaultOptions()
	opts.Now = h.clock.Now
	h.sim = pbxsim.New(opts)
	run, err := h.sim.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	h.run = run
	if h.store, err = profile.Open(h.dir, h.secrets); err != nil {
		t.Fatal(err)
	}
	h.deps = Deps{Store: h.store, Now: h.clock.Now, StartDemo: h.startDemo,
		Timeouts: cdrclient.Timeouts{Connect: 5 * time.Second, Header: 5 * time.Second, Idle: 5 * time.Second}}
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	h.win.Resize(fyne.NewSize(1000, 900))
	return h
}

// startDemo is the demo PBX: the harness's simulator.
func (h *harness) startDemo() (Demo, error) {
	return Demo{URL: h.run.URL, User: pbxsim.DefaultUser, Password: pbxsim.DefaultPassword, Fingerprint: h.run.Fingerprint}, nil
}

// open shows the dialog as Show does, with the test hook, and waits for the saved
// profile to be read.
func (h *harness) open(current string) *connectDialog {
	h.t.Helper()
	h.d = newConnectDialog(h.win, h.deps, func(r Result) {
		h.connected <- r
		h.t.Cleanup(func() { logout(r.Session) })
	})
	h.d.afterStep = func(step string) { h.steps <- step }
	h.d.open(current)
	if h.d.current != "" {
		h.wait("load")
	}
	return h.d
}

// wait blocks until the background step has shown its result. The timeout only keeps a
// broken test from hanging; nothing is measured.
func (h *harness) wait(step string) {
	h.t.Helper()
	select {
	case got := <-h.steps:
		if got != step {
			h.t.Fatalf("background step %q finished, want %q", got, step)
		}
	case <-time.After(30 * time.Second):
		h.t.Fatalf("background step %q never finished", step)
	}
}

// waitAll is wait for steps that run side by side and may end in any order (a step
// whose result starts another, like Delete showing the next profile).
func (h *harness) waitAll(steps ...string) {
	h.t.Helper()
	want := map[string]int{}
	for _, s := range steps {
		want[s]++
	}
	for range steps {
		select {
		case got := <-h.steps:
			if want[got] == 0 {
				h.t.Fatalf("background step %q finished, want %v", got, steps)
			}
			want[got]--
		case <-time.After(30 * time.Second):
			h.t.Fatalf("background steps %v never finished", steps)
		}
	}
}

// tap taps a button and, when given, waits for the step it starts.
func (h *harness) tap(b *widget.Button, step string) {
	h.t.Helper()
	if b.Disabled() {
		h.t.Fatalf("button %q is disabled", b.Text)
	}
	test.Tap(b)
	if step != "" {
		h.wait(step)
	}
}

// typeNew fills the form for a new profile on the harness's PBX.
func (h *harness) typeNew(name, password string) {
	f := h.d.form
	test.Type(f.name, name)
	test.Type(f.host, "127.0.0.1")
	f.port.SetText(h.port())
	test.Type(f.user, pbxsim.DefaultUser)
	test.Type(f.password, password)
}

func (h *harness) port() string { return h.run.URL[strings.LastIndex(h.run.URL, ":")+1:] }

// saveProfile saves a profile for the harness's PBX, pinned to fingerprint, with the
// password's MD5 in the keyring when md5 is set.
func (h *harness) saveProfile(name, fingerprint, password string, failed int) {
	h.t.Helper()
	p := profile.Profile{Name: name, URL: h.run.URL, User: pbxsim.DefaultUser, APIVersion: "auto", Fingerprint: fingerprint, FailedLogins: failed}
	if err := h.store.Save(p); err != nil {
		h.t.Fatal(err)
	}
	if password != "" {
		if err := h.store.SetPasswordMD5(name, cdrclient.HashPassword(password)); err != nil {
			h.t.Fatal(err)
		}
	}
}

// status is every visible text of the status area, one per line.
func (h *harness) status() string { return strings.Join(uitest.Drawn(h.d.status), "\n") }

// screen is every visible text of the topmost dialog.
func (h *harness) screen() string {
	return strings.Join(uitest.Drawn(h.win.Canvas().Overlays().Top()), "\n")
}

// profile returns the saved profile name, re-reading the file.
func (h *harness) profile(name string) profile.Profile {
	h.t.Helper()
	s, err := profile.Open(h.dir, profile.NewMemorySecrets())
	if err != nil {
		h.t.Fatal(err)
	}
	p, ok := s.Get(name)
	if !ok {
		h.t.Fatalf("no saved profile %q in %v", name, s.List())
	}
	return p
}

// profilesFile is the content of the profiles file.
func (h *harness) profilesFile() string {
	data, err := os.ReadFile(filepath.Join(h.dir, "profiles.json"))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(data)
}

// noConnection fails if onConnected was called.
func (h *harness) noConnection() {
	h.t.Helper()
	select {
	case r := <-h.connected:
		h.t.Fatalf("connected to %s", r.Profile.Name)
	default:
	}
}

// connection returns the connection handed over; onConnected runs before the step ends.
func (h *harness) connection() Result {
	h.t.Helper()
	select {
	case r := <-h.connected:
		return r
	default:
		h.t.Fatal("not connected; status: " + h.status())
		return Result{}
	}
}

// allowed are the Latin words a Chinese screen may show: names, protocols and what the
// tests type (the API user "api").
var allowed = map[string]bool{"PBX": true, "API": true, "HTTPS": true, "HTTP": true, "SHA": true, "IP": true, "cdrdesk": true, "api": true}

// notWords are fingerprints, version paths and addresses, which are not English.
var notWords = regexp.MustCompile(`(?i)([0-9a-f]{2}:)+[0-9a-f]{2}:?|v\d+(\.\d+)+|https?://\S+|[0-9a-f]{64}`)

// englishWords returns the words of texts that are English.
func englishWords(texts []string) []string {
	var out []string
	for _, s := range texts {
		for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(notWords.ReplaceAllString(s, ""), -1) {
			if !allowed[w] {
				out = append(out, w+" (in "+s+")")
			}
		}
	}
	return out
}

// connectDirect logs in with Connect, as the window does at start-up.
func (h *harness) connectDirect(name string) (Result, error) {
	res, err := Connect(context.Background(), h.deps, name)
	if err == nil {
		h.t.Cleanup(func() { logout(res.Session) })
	}
	return res, err
}

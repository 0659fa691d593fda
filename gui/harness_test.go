package gui

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/profile"
)

// now is the tests' "today": last month is October 2026.
var now = time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)

// testVersion is the version the fixture's window was "built" as.
const testVersion = "0.1.0 (e13dfc4)"

// fixture is a window on a test app, connected to a simulator on loopback.
type fixture struct {
	t       *testing.T
	app     fyne.App
	w       *Window
	store   *profile.Store
	sim     *pbxsim.Server
	simURL  string // the simulator's address, https://127.0.0.1:<port>
	run     *pbxsim.Running
	archive string // the window's archive file
	chooser *fakeChooser
	docs    string // the user's Documents folder, as the window is told
	steps   chan string
	seen    []string   // steps received while waiting for another
	ui      sync.Mutex // held by whoever touches widgets: a background update or the test
}

// onUI runs a background update as the UI goroutine would: never at the same time as
// the test's own actions (see act).
func (f *fixture) onUI(update func()) {
	f.ui.Lock()
	defer f.ui.Unlock()
	update()
}

// act runs a test action while no background update can touch the widgets.
func (f *fixture) act(action func()) {
	f.ui.Lock()
	defer f.ui.Unlock()
	action()
}

// fakeChooser answers Choose folder… with a fixed folder.
type fakeChooser struct{ dir string }

func (f *fakeChooser) ChooseFolder(_ fyne.Window, _ string, done func(string)) { done(f.dir) }

func newFixture(t *testing.T, demo bool) *fixture {
	t.Helper()
	return newFixtureWith(t, demo, setup{})
}

// setup changes what newFixtureWith starts the window with.
type setup struct {
	// prepare runs before the window starts, for example to save a connection to run.
	prepare func(f *fixture, run *pbxsim.Running)
	// clock is the window's clock (now when nil); keepAlive its keep-alive interval.
	clock     *pbxsim.Clock
	keepAlive time.Duration
	// syncOnConnect leaves the archive's update on connect on, as it is by default;
	// other tests turn it off, so that connecting downloads nothing by itself.
	syncOnConnect bool
	// archive is the archive file (a new one in a temporary folder when empty).
	archive string
}

func newFixtureWith(t *testing.T, demo bool, su setup) *fixture {
	t.Helper()
	t.Setenv("LANGUAGE", "en_US")
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefSyncOnConnect, su.syncOnConnect)
	store, err := profile.Open(t.TempDir(), profile.NewMemorySecrets())
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, app: a, store: store, chooser: &fakeChooser{}, docs: t.TempDir(), steps: make(chan string, 256)}
	o := pbxsim.DefaultOptions()
	f.sim = pbxsim.New(o)
	run, err := f.sim.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	f.simURL, f.run = run.URL, run
	f.archive = su.archive
	if f.archive == "" {
		f.archive = filepath.Join(t.TempDir(), "archive.db")
	}
	startDemo := func() (connect.Demo, error) {
		return connect.Demo{URL: run.URL, User: pbxsim.DefaultUser, Password: pbxsim.DefaultPassword, Fingerprint: run.Fingerprint}, nil
	}
	if su.prepare != nil {
		su.prepare(f, run)
	}
	clock := func() time.Time { return now }
	if su.clock != nil {
		clock = su.clock.Now
	}
	hook := func(step string) { f.steps <- step }
	f.w = start(a, Options{Store: store, Version: testVersion, Now: clock, Demo: demo, StartDemo: startDemo, Chooser: f.chooser,
		Documents: func() string { return f.docs }, Background: func(work func()) { work() }, OnUI: f.onUI, KeepAliveEvery: su.keepAlive,
		DefaultArchive: f.archive}, hook)
	t.Cleanup(func() { i18n.Use(i18n.English) })
	return f
}

// wait blocks until the window finished a background step whose name starts with
// prefix (steps already seen count), and returns it. Status changes arrive as
// "status:<text>", so tests read the status line without racing the goroutine that
// writes it.
func (f *fixture) wait(prefix string) string {
	f.t.Helper()
	for i, s := range f.seen {
		if strings.HasPrefix(s, prefix) {
			f.seen = f.seen[i+1:]
			return s
		}
	}
	f.seen = nil
	deadline := time.After(30 * time.Second)
	for {
		select {
		case got := <-f.steps:
			if strings.HasPrefix(got, prefix) {
				return got
			}
			f.seen = append(f.seen, got)
		case <-deadline:
			f.t.Fatalf("background step %q did not finish", prefix)
		}
	}
}

// texts lists every visible text under root.
func texts(root fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.Select:
			out = append(out, x.Selected, x.PlaceHolder)
		case *widget.Entry:
			out = append(out, x.PlaceHolder)
		}
	})
	return out
}

func served(t *testing.T, sim *pbxsim.Server, q cdrclient.Query) []byte {
	var b bytes.Buffer
	if err := sim.WriteCSV(&b, q.Extensions, q.Start, q.End); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

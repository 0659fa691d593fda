// Package gui is cdrdesk's window: connect to a PBX, choose extensions and dates, get the
// call records, browse them and save a report. It holds only views; the work is done by
// cdrclient and the internal packages. Views live in sub-packages (connect, query,
// results); this package builds the main window around them and glues them together.
package gui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/query"
	"cdrdesk/gui/results"
	"cdrdesk/gui/style"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/profile"
	"cdrdesk/internal/recordings"
)

// Options are the collaborators of the window; tests pass their own.
type Options struct {
	Store     *profile.Store
	Version   string // shown in the About dialog: "0.1.0 (e13dfc4)", or "dev"
	Now       func() time.Time
	Demo      bool                         // connect to the built-in demo PBX at start
	StartDemo func() (connect.Demo, error) // nil = NewDemo's
	Chooser   results.FileChooser          // nil = Fyne's folder dialog
	// FileOpener asks for a file to open (Open CSV file…, an archive file); nil =
	// Fyne's file open dialog.
	FileOpener FileOpener
	// Documents returns the user's Documents folder, where saving starts until a
	// folder was used; nil = the system's (internal/userdirs).
	Documents func() string
	Timeouts  cdrclient.Timeouts
	// Background runs the results view's long work (filtering, sorting, saving); nil
	// starts goroutines. Tests run it inline.
	Background func(work func())
	// OnUI runs a background result's update on the UI goroutine; nil = fyne.Do. Tests
	// serialise it with their own actions, as the real UI goroutine does.
	OnUI func(update func())
	// KeepAliveEvery is how idle a session may get before a heartbeat; zero = 20
	// minutes (the PBX forgets a token after 30). Tests shorten it.
	KeepAliveEvery time.Duration
	// OpenArchive opens the archive at a location; nil = place.Open.
	OpenArchive func(ctx context.Context, location string) (archive.Store, error)
	// DefaultArchive is the archive's location when none is chosen in Settings; empty:
	// CDRDESK_ARCHIVE, else archive.db in the user's data folder. Tests use a temporary
	// file.
	DefaultArchive string
}

// Window is the main window and the state it shows.
type Window struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	deps connect.Deps

	query   *query.Panel
	results *results.View
	bar     *statusBar

	// The last records shown, kept to show them again after a language switch.
	table *cdrclient.Table
	names map[string]string
	info  results.Info
	// fileNote is said in the status line while the records of a CSV file are shown.
	fileNote fileNote

	mu     sync.Mutex         // guards conn and stop, which background goroutines read
	conn   *connect.Result    // nil while not connected
	stop   context.CancelFunc // ends the session's keep-alive
	cancel context.CancelFunc // cancels the running download, if any

	archive *archiveBox // the archive of records (design §6), opened at first use

	played *recordings.TempFiles // recordings fetched to be played, removed on quit
	// The archive in the window (UI goroutine only): offline is the saved connection
	// whose records Get records reads from the archive while not connected (connecting
	// at start failed; offline.go); updating is the running Update (update.go);
	// archiveLine is what the status line says of the archive.
	offline     string
	updating    *updateRun
	archiveLine string

	// afterBackground, when set by tests, runs after each background step's UI update;
	// "downloaded" runs on the download's goroutine once it has handed its result back.
	afterBackground func(step string)
}

// Start builds the main window on a, shows it and begins connecting: to the demo PBX,
// to the last used profile, or through the connection dialog on first run. It does not
// run the event loop (the caller runs a.Run()).
func Start(a fyne.App, opts Options) *Window { return start(a, opts, nil) }

// start is Start with a hook that tests use to wait for background steps.
func start(a fyne.App, opts Options, afterBackground func(step string)) *Window {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.OnUI == nil {
		opts.OnUI = fyne.Do
	}
	if opts.StartDemo == nil {
		opts.StartDemo = NewDemo().Start
	}
	if opts.KeepAliveEvery <= 0 {
		opts.KeepAliveEvery = keepAliveEvery
	}
	p := a.Preferences()
	_ = i18n.Use(p.String(prefLanguage))
	a.Settings().SetTheme(style.New(p.StringWithFallback(prefTheme, style.System)))
	a.SetIcon(style.Icon)

	w := &Window{app: a, opts: opts, afterBackground: afterBackground}
	w.archive = newArchiveBox(opts, p.String(prefArchive))
	w.archive.opened = w.keepOnOpen
	w.deps = connect.Deps{Store: opts.Store, StartDemo: opts.StartDemo, Now: opts.Now, Timeouts: opts.Timeouts,
		ProfileChanged: w.profileChanged, OnUI: opts.OnUI}
	if afterBackground != nil {
		w.deps.AfterStep = func(step string) { afterBackground("dialog:" + step) }
	}
	w.win = a.NewWindow("cdrdesk")
	w.win.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1200)), float32(p.FloatWithFallback(prefHeight, 760))))
	w.win.SetCloseIntercept(w.quit)
	w.build()
	w.win.Show()
	w.connectAtStart()
	return w
}

// Window returns the Fyne window (for tests and the CLI's --demo screenshot).
func (w *Window) Window() fyne.Window { return w.win }

// done reports a finished background step to tests.
func (w *Window) done(step string) {
	if w.afterBackground != nil {
		w.afterBackground(step)
	}
}

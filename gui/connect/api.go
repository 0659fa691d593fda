package connect

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/login"
	"cdrdesk/internal/profile"
)

// Demo describes the built-in demo PBX once started.
type Demo struct{ URL, User, Password, Fingerprint string }

// Deps are the collaborators of the dialog and of Connect.
type Deps struct {
	Store     *profile.Store       // saved connections + keyring secrets
	StartDemo func() (Demo, error) // starts the built-in simulator (may be called more than once: return the running one); nil hides the demo button
	Now       func() time.Time     // the clock; time.Now when nil
	Timeouts  cdrclient.Timeouts   // passed to sessions (tests shorten them)

	// ProfileChanged, when set, runs on the UI goroutine after the dialog renamed a saved
	// connection (to is the new name) or deleted it (to is ""), so that a window using
	// it can follow.
	ProfileChanged func(from, to string)

	// OnUI runs a background step's result on the UI goroutine; nil = fyne.Do. The
	// window's tests serialise it with their own actions.
	OnUI func(update func())
	// AfterStep, when set (by tests), runs after each background step's result is shown.
	AfterStep func(step string)
}

// withDefaults fills what may be left out.
func (d Deps) withDefaults() Deps {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.OnUI == nil {
		d.OnUI = fyne.Do
	}
	return d
}

// logins is the login policy over the saved connections.
func (d Deps) logins() login.Logins {
	return login.Logins{Store: d.Store, Now: d.Now, Timeouts: d.Timeouts}
}

// Result is a working connection.
type Result struct {
	Profile    profile.Profile
	Session    *cdrclient.Session // logged in; the caller owns it (logout on quit)
	Extensions []cdrclient.Extension
	// Logins counts the session's logins in the profile, the ones it sends by itself
	// later (a download, a keep-alive) too; it follows a rename with Rename.
	Logins *login.Counter
}

// Show opens the dialog over w, with the profile current selected (or the last used, or
// a new one). onConnected runs on the UI goroutine after the user connected
// successfully; the dialog then closes. It returns the dialog (for tests).
func Show(w fyne.Window, deps Deps, current string, onConnected func(Result)) dialog.Dialog {
	return ShowProblem(w, deps, current, nil, onConnected)
}

// ShowProblem is Show for a connection to current that just failed without the dialog
// (at start-up): it opens with the reason already shown, as if Connect had been pressed,
// with the way on where there is one (trusting a changed certificate, typing the
// password again).
func ShowProblem(w fyne.Window, deps Deps, current string, problem error, onConnected func(Result)) dialog.Dialog {
	d := newConnectDialog(w, deps, onConnected)
	d.reason = problem
	d.open(current)
	return d.dlg
}

// Connect logs in with a saved profile without showing anything (used at start-up to
// reconnect to the last profile): the password's MD5 and a fresh token (younger than
// 25 minutes, with its API version) come from the keyring.
//
// After a refused login (the profile's FailedLogins is not zero) it sends nothing and
// returns a *login.RefusedBeforeError: a silent retry at every start would walk the
// person into the PBX's lockout. The dialog, where they see the warning, clears it.
func Connect(ctx context.Context, deps Deps, name string) (Result, error) {
	p, ok := deps.Store.Get(name)
	if !ok {
		return Result{}, fmt.Errorf("%w: %q", profile.ErrProfileNotFound, name)
	}
	if err := login.Unattended(p); err != nil {
		return Result{}, err
	}
	o := dial(ctx, deps, settings{name: p.Name, url: p.URL, user: p.User, version: p.APIVersion})
	return o.res, o.err
}

// ConnectDemo starts the built-in demo PBX and connects to it without showing anything
// (cdrdesk --demo), saving a profile for it that trusts its certificate.
func ConnectDemo(ctx context.Context, deps Deps) (Result, error) {
	s, err := demoSettings(deps, i18n.L("Demo PBX"))
	if err != nil {
		return Result{}, err
	}
	o := dial(ctx, deps, s)
	return o.res, o.err
}

// demoSettings starts the demo PBX and describes a connection to it; its password is
// public and its certificate is trusted as it is the program's own.
func demoSettings(deps Deps, name string) (settings, error) {
	demo, err := deps.StartDemo()
	if err != nil {
		return settings{}, err
	}
	return settings{name: name, url: demo.URL, user: demo.User, version: cdrclient.VersionAuto,
		password: demo.Password, trust: demo.Fingerprint}, nil
}

package connect

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
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

	// AfterStep, when set (by tests of the whole window), runs on the UI goroutine after
	// each of the dialog's background steps ("connect", "test", ...) has shown its result.
	AfterStep func(step string)
}

// withDefaults fills what may be left out.
func (d Deps) withDefaults() Deps {
	if d.Now == nil {
		d.Now = time.Now
	}
	return d
}

// Result is a working connection.
type Result struct {
	Profile    profile.Profile
	Session    *cdrclient.Session // logged in; the caller owns it (logout on quit)
	Extensions []cdrclient.Extension
}

// Show opens the dialog over w, with the profile current selected (or the last used, or
// a new one). onConnected runs on the UI goroutine after the user connected
// successfully; the dialog then closes. It returns the dialog (for tests).
func Show(w fyne.Window, deps Deps, current string, onConnected func(Result)) dialog.Dialog {
	d := newConnectDialog(w, deps, onConnected)
	d.open(current)
	return d.dlg
}

// Connect logs in with a saved profile without showing anything (used at start-up to
// reconnect to the last profile): the password's MD5 and a fresh token (younger than
// 25 minutes, with its API version) come from the keyring.
//
// After a refused login (the profile's FailedLogins is not zero) it does not try at all
// and returns a *cdrclient.AuthError: a silent retry at every start would walk the
// person into the PBX's lockout. The dialog, where they see the warning, clears it.
func Connect(ctx context.Context, deps Deps, name string) (Result, error) {
	p, ok := deps.Store.Get(name)
	if !ok {
		return Result{}, fmt.Errorf("%w: %q", profile.ErrProfileNotFound, name)
	}
	if p.FailedLogins > 0 {
		return Result{}, &cdrclient.AuthError{User: p.User}
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

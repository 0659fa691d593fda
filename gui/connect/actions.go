package connect

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/profile"
)

// action is what an attempt is for.
type action int

const (
	actTest    action = iota // show what was found; stay open
	actConnect               // hand the connection over and close
)

// step names the background step of an action, for tests.
func (a action) step() string {
	if a == actTest {
		return "test"
	}
	return "connect"
}

// submit tries the connection the form describes.
func (d *connectDialog) submit(a action) {
	s, err := d.form.read(d.current)
	if err == nil && d.current == "" {
		if _, taken := d.deps.Store.Get(s.name); taken {
			err = inputError("name", msgNameTaken)
		}
	}
	if err != nil {
		d.showProblem(err)
		return
	}
	d.run(a, s)
}

// run tries s in the background and shows the outcome.
func (d *connectDialog) run(a action, s settings) {
	d.start(a.step(), i18n.L("Connecting…"), func(ctx context.Context) func() {
		o := dial(ctx, d.deps, s)
		if a == actTest && o.err == nil && !o.tokenSaved {
			logout(o.res.Session) // nobody could reuse its token
		}
		return func() { d.finish(a, s, o) }
	})
}

// demoTapped starts the demo PBX, saves a profile for it that trusts its certificate
// and holds its (public) password, and connects.
func (d *connectDialog) demoTapped() {
	name := i18n.L("Demo PBX")
	d.start("demo", i18n.L("Starting the demo PBX…"), func(ctx context.Context) func() {
		s, err := demoSettings(d.deps, name)
		if err != nil {
			return func() { d.showProblem(err) }
		}
		o := dial(ctx, d.deps, s)
		return func() {
			if o.saved {
				d.form.fill(o.prof)
			}
			d.finish(actConnect, s, o)
		}
	})
}

// finish shows the outcome of an attempt and, for Connect, hands the connection over.
func (d *connectDialog) finish(a action, s settings, o outcome) {
	if d.closed {
		return
	}
	toldBefore := d.keyringTold
	if o.keyring != nil || errors.Is(o.err, profile.ErrKeyringUnavailable) {
		d.tellKeyring()
	}
	if o.saved {
		d.current = o.prof.Name
		d.refreshProfiles()
		d.form.lockName(o.prof.Name)
		d.showFailedLogins(o.prof.FailedLogins)
	}
	if o.err != nil {
		d.failed(a, s, o.err)
		return
	}
	if o.passwordSaved {
		d.form.showPasswordSaved(true)
	}
	if a == actTest {
		d.showResult(o.res)
		return
	}
	d.onConnected(o.res)
	d.dlg.Hide()
	if d.keyringTold && !toldBefore { // learnt just now: say it once, where it is seen
		dialog.ShowInformation(i18n.L("Password not saved"), keyringText(), d.win)
	}
}

// failed shows why an attempt did not connect, with a way on where there is one.
func (d *connectDialog) failed(a action, s settings, err error) {
	var cert *cdrclient.CertificateError
	switch {
	case errors.Is(err, context.Canceled):
		d.showStatus(wrapped(i18n.L("Cancelled.")))
	case errors.As(err, &cert) && cert.Changed():
		d.showChangedCertificate(a, s, cert)
	case errors.As(err, &cert):
		d.showUnknownCertificate(a, s, cert)
	case errors.Is(err, profile.ErrKeyringUnavailable):
		d.showProblem(inputError("password", msgNoPassword)) // the notice says why
	default:
		d.showProblem(err)
	}
}

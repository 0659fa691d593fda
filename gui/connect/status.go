package connect

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/login"
)

// showProblem explains err in the status area: what happened, what to do, details.
func (d *connectDialog) showProblem(err error) {
	d.showStatus(alert.Content(alert.Explain(err)))
}

// showResult shows what Test connection found.
func (d *connectDialog) showResult(res Result) {
	objs := []fyne.CanvasObject{
		withIcon(theme.ConfirmIcon(), bold(i18n.L("Connected."))),
		widget.NewLabel(i18n.L("API version: {{.Version}}", map[string]any{"Version": res.Session.Version()})),
		widget.NewLabel(i18n.L("Extensions: {{.N}}", map[string]any{"N": fmt.Sprint(len(res.Extensions))})),
	}
	if fp := res.Session.Fingerprint(); fp != "" {
		objs = append(objs, widget.NewLabel(i18n.L("Certificate fingerprint (SHA-256):")), fingerprintLabel(fp))
	} else {
		objs = append(objs, wrapped(i18n.L("Plain HTTP: the connection is not encrypted.")))
	}
	d.showStatus(objs...)
}

// tellKeyring says, once, that passwords cannot be saved on this computer.
func (d *connectDialog) tellKeyring() {
	if d.keyringTold {
		return
	}
	d.keyringTold = true
	d.keyringNotice.Objects = []fyne.CanvasObject{withIcon(theme.InfoIcon(), wrapped(keyringText()))}
	d.relayout()
}

func keyringText() string {
	return i18n.L("Your system keyring is not available; cdrdesk will ask for the password each time.")
}

// showFailedLogins warns, from the third failed login in a row, how close the PBX's
// lockout is, before the person tries again.
func (d *connectDialog) showFailedLogins(n int) {
	text := LockoutWarning(n)
	d.lockout.Objects = nil
	if text != "" {
		d.lockout.Objects = []fyne.CanvasObject{withIcon(theme.WarningIcon(), wrapped(text))}
	}
	d.relayout()
}

// LockoutWarning says how close n failed logins in a row bring the PBX's lockout, or ""
// when it is too early to warn (login.Warn). The window shows it too.
func LockoutWarning(n int) string {
	switch {
	case n >= login.LockoutAfter:
		return i18n.L("{{.N}} failed logins in a row: the PBX may have locked this computer out for 10 minutes. Check the password before trying again.", map[string]any{"N": n})
	case login.Warn(n):
		return i18n.L("{{.N}} failed logins in a row. After 5 the PBX locks this computer out for 10 minutes.", map[string]any{"N": n})
	}
	return ""
}

// wrapped is a label that wraps at the dialog's width.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// withIcon puts an icon before o.
func withIcon(icon fyne.Resource, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, o)
}

package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/login"
)

// loginRefused ends the connection c when err, from its session, is the PBX refusing a
// login (the password was changed on the PBX, or it locked this computer out): the
// session logs in no more by itself, so the window drops it, says why, and offers the
// connection dialog. It reports whether err was such a refusal. A refusal of a session
// the window no longer uses shows nothing.
func (w *Window) loginRefused(c *connect.Result, err error) bool {
	ended := login.Ended(c.Profile.Name, err)
	if ended == nil {
		return false
	}
	w.mu.Lock()
	current := w.conn == c
	stop := w.stop
	if current {
		w.conn, w.stop = nil, nil
	}
	w.mu.Unlock()
	if !current {
		return true
	}
	if stop != nil {
		stop()
	}
	w.build()
	failed := 0
	if c.Logins != nil {
		failed = c.Logins.Failed()
	}
	w.showDisconnected(ended, c.Profile.Name, failed)
	return true
}

// showDisconnected explains a refused login of the running session, warns how close
// the lockout is, and offers the connection dialog for the same saved connection.
func (w *Window) showDisconnected(err error, name string, failed int) {
	items := []fyne.CanvasObject{alert.Content(alert.Explain(err))}
	if text := connect.LockoutWarning(failed); text != "" {
		warn := widget.NewLabel(text)
		warn.Wrapping = fyne.TextWrapWord
		items = append(items, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warn))
	}
	d := dialog.NewCustomConfirm(i18n.L("Disconnected"), i18n.L("Connection…"), i18n.L("Close"),
		container.NewVBox(items...), func(open bool) {
			if open {
				connect.Show(w.win, w.deps, name, w.connected)
			}
		}, w.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

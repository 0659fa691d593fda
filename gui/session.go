package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
)

// keepAliveEvery is how idle a session may get before a heartbeat: the PBX forgets a
// token after 30 idle minutes.
const keepAliveEvery = 20 * time.Minute

func (w *Window) connection() *connect.Result {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.conn
}

// title names the connection in the window's title, where the taskbar shows it.
func (w *Window) title() string {
	if c := w.connection(); c != nil {
		return "cdrdesk — " + c.Profile.Name
	}
	return "cdrdesk"
}

// connectionLabel says which PBX the window is connected to.
func (w *Window) connectionLabel() *widget.Label {
	l := widget.NewLabel(i18n.L("Not connected"))
	if c := w.connection(); c != nil {
		l.SetText(i18n.L("Connected to {{.Name}} ({{.URL}}, API {{.Version}})",
			map[string]any{"Name": c.Profile.Name, "URL": c.Profile.URL, "Version": c.Session.Version()}))
	}
	return l
}

// connectAtStart connects to the demo PBX (--demo), reconnects to the last profile, or
// opens the connection dialog on first run.
func (w *Window) connectAtStart() {
	last := w.opts.Store.Last()
	switch {
	case w.opts.Demo:
		w.connectInBackground("", func(ctx context.Context) (connect.Result, error) { return connect.ConnectDemo(ctx, w.deps) })
	case last != "":
		w.connectInBackground(last, func(ctx context.Context) (connect.Result, error) { return connect.Connect(ctx, w.deps, last) })
	default:
		w.showConnection()
	}
}

// connectInBackground runs a silent connection to the saved connection name ("" for
// the demo); on failure it opens the dialog with the reason already shown, so the
// person can fix the settings, trust a changed certificate or type the password.
func (w *Window) connectInBackground(name string, dial func(context.Context) (connect.Result, error)) {
	w.bar.text.SetText(i18n.L("Connecting…"))
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		res, err := dial(ctx)
		var offline offlineStart
		if err != nil && name != "" {
			offline = w.whatIsOffline(context.Background(), name) // not the dial's spent time
		}
		w.opts.OnUI(func() {
			if err != nil {
				w.showStatus(w.results.Status())
				w.goOffline(offline)
				connect.ShowProblem(w.win, w.deps, name, err, w.connected)
			} else {
				w.connected(res)
			}
			w.done("connect")
		})
	}()
}

func (w *Window) showConnection() {
	name := ""
	if c := w.connection(); c != nil {
		name = c.Profile.Name
	}
	connect.Show(w.win, w.deps, name, w.connected)
}

// connected takes over a new session: the previous one is retired, the extension
// list refreshed, and a keep-alive started, whose refused re-login disconnects.
func (w *Window) connected(res connect.Result) {
	ctx, stop := context.WithCancel(context.Background())
	cur := &res
	w.mu.Lock()
	old, oldStop := w.conn, w.stop
	w.conn, w.stop = cur, stop
	w.mu.Unlock()
	if oldStop != nil {
		oldStop()
	}
	if old != nil && old.Session != res.Session {
		go w.retire(old, cur)
	}
	go res.Session.KeepAlive(ctx, w.opts.KeepAliveEvery, func(err error) {
		w.opts.OnUI(func() {
			w.loginRefused(cur, err)
			w.done("keepalive")
		})
	})
	_ = w.opts.Store.SetLast(res.Profile.Name)
	w.rememberExtensions(res.Profile.Name, res.Extensions)
	if w.offline != "" {
		w.offline = ""
		w.setArchiveLine("")
	}
	w.build()
	// Not for --demo: its screenshots and smoke test need the window without a question.
	if !w.opts.Demo && w.app.Preferences().BoolWithFallback(prefSyncOnConnect, true) {
		w.startUpdate(true)
	}
}

// profileChanged follows the connection dialog renaming or deleting (to == "") the
// saved connection the window is using: a new name is shown at once; a deleted one is
// logged out, as its settings are gone. The records shown stay.
func (w *Window) profileChanged(from, to string) {
	w.mu.Lock()
	c, stop := w.conn, w.stop
	if c == nil || c.Profile.Name != from {
		w.mu.Unlock()
		return
	}
	if to != "" {
		renamed := *c
		renamed.Profile.Name = to
		w.conn = &renamed
		if c.Logins != nil {
			c.Logins.Rename(to)
		}
	} else {
		w.conn, w.stop = nil, nil
	}
	w.mu.Unlock()
	if to == "" {
		if stop != nil {
			stop()
		}
		go w.logout(c, true)
	}
	w.build()
}

// retire ends old, the session cur replaced. A reconnect to the same saved connection
// within 25 minutes reuses its saved token: logging that out would end cur too, and
// forgetting the saved token would forget cur's.
func (w *Window) retire(old, cur *connect.Result) {
	if old.Session.Token() == cur.Session.Token() {
		old.Session.Close()
		w.done("logout")
		return
	}
	w.logout(old, old.Profile.Name != cur.Profile.Name)
}

// logout ends a session on the PBX and, unless another session saved its own token
// under the same name, forgets its token, as the design asks when the user disconnects
// or quits. Best effort: the token expires by itself anyway.
func (w *Window) logout(c *connect.Result, forgetToken bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = c.Session.Logout(ctx)
	if forgetToken {
		_ = w.opts.Store.ClearToken(c.Profile.Name)
	}
	w.done("logout")
}

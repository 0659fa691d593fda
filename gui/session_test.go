package gui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/connect"
	"cdrdesk/gui/internal/uitest"
)

// TestConnectedProfileRenamedThenDeleted: the connection dialog renaming the saved
// connection the window uses shows the new name at once; deleting it logs out and says
// so, keeping the records shown; Get records then asks for a connection. The store
// is changed here as the dialog would (its tests check that it tells the window).
func TestConnectedProfileRenamedThenDeleted(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	root := f.w.win.Canvas().Content()
	test.Tap(uitest.Button(t, root, "Get records"))
	f.wait("fetch")
	shown := f.wait("status:Showing all ")

	hasPrefix := func(prefix string) bool {
		return slices.ContainsFunc(texts(f.w.win.Canvas().Content()), func(s string) bool { return strings.HasPrefix(s, prefix) })
	}
	f.act(func() { f.w.profileChanged("Another PBX", "") }) // not the one in use
	if got := f.w.win.Title(); got != "cdrdesk — Demo PBX" || !hasPrefix("Connected to Demo PBX") {
		t.Fatalf("after another profile was deleted: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}

	if err := f.store.Rename("Demo PBX", "Head office"); err != nil {
		t.Fatal(err)
	}
	f.act(func() { f.w.profileChanged("Demo PBX", "Head office") })
	if got := f.w.win.Title(); got != "cdrdesk — Head office" || !hasPrefix("Connected to Head office (") {
		t.Fatalf("after the rename: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}

	if err := f.store.Delete("Head office"); err != nil {
		t.Fatal(err)
	}
	f.act(func() { f.w.profileChanged("Head office", "") })
	if got := f.w.win.Title(); got != "cdrdesk" || !hasPrefix("Not connected") {
		t.Fatalf("after the deletion: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}
	f.wait("logout")
	if n := f.sim.Stats().Logouts; n != 1 {
		t.Errorf("%d logouts on the PBX, want 1", n)
	}
	if got := "status:" + f.w.bar.text.Text; got != shown {
		t.Errorf("records shown after the deletion: %q, before %q", got, shown)
	}

	test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Get records"))
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Get records without a connection shows nothing")
	}
	uitest.Button(t, top, "Try the demo PBX")
}

// TestReconnectRetiresTheOldSession: connecting again replaces the session in use. The
// old one is logged out unless the new one reuses its token (a reconnect to the same
// saved connection within 25 minutes), and the saved token is forgotten only when it
// belongs to neither; either way the next download needs no new login.
func TestReconnectRetiresTheOldSession(t *testing.T) {
	for _, tc := range []struct {
		name          string
		prepare       func(f *fixture) string // returns the profile to connect to
		sameToken     bool
		logouts       int
		oldTokenSaved bool
	}{
		{"same connection, saved token reused", func(f *fixture) string { return "Demo PBX" }, true, 0, true},
		{"same connection, new login", func(f *fixture) string {
			if err := f.store.ClearToken("Demo PBX"); err != nil {
				f.t.Fatal(err)
			}
			return "Demo PBX"
		}, false, 1, true},
		{"another connection", func(f *fixture) string {
			p, _ := f.store.Get("Demo PBX")
			p.Name = "Second"
			md5, err := f.store.PasswordMD5("Demo PBX")
			if err != nil {
				f.t.Fatal(err)
			}
			if err := errors.Join(f.store.Save(p), f.store.SetPasswordMD5("Second", md5)); err != nil {
				f.t.Fatal(err)
			}
			return "Second"
		}, false, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			old := f.w.connection()
			res, err := connect.Connect(context.Background(), f.w.deps, tc.prepare(f))
			if err != nil {
				t.Fatal(err)
			}
			if same := res.Session.Token() == old.Session.Token(); same != tc.sameToken {
				t.Fatalf("the new session reuses the old token: %v", same)
			}
			f.act(func() { f.w.connected(res) })
			f.wait("logout")
			logins := f.sim.Stats().Logins
			if n := f.sim.Stats().Logouts; n != tc.logouts {
				t.Errorf("%d logouts, want %d", n, tc.logouts)
			}
			if tok, err := f.store.Token(res.Profile.Name); err != nil || tok.Value != res.Session.Token() {
				t.Errorf("saved token of %s: %q, %v; the session's is %q", res.Profile.Name, tok.Value, err, res.Session.Token())
			}
			if _, err := f.store.Token("Demo PBX"); (err == nil) != tc.oldTokenSaved {
				t.Errorf("the old connection's token saved: %v (%v)", err == nil, err)
			}

			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Get records"))
			f.wait("fetch")
			if !strings.HasPrefix(f.w.bar.text.Text, "Showing all ") {
				t.Errorf("after the reconnect, Get records: %q", f.w.bar.text.Text)
			}
			if n := f.sim.Stats().Logins; n != logins {
				t.Errorf("the download logged in again (%d logins, %d before)", n, logins)
			}
		})
	}
}

package connect

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/login"
	"cdrdesk/internal/profile"
)

const keyringNotice = "Your system keyring is not available; cdrdesk will ask for the password each time."

func TestKeyringUnavailable(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", h.run.Fingerprint, pbxsim.DefaultPassword, 0)
	h.secrets.SetUnavailable(true)
	d := h.open("总部")
	if !strings.Contains(h.screen(), keyringNotice) || d.form.password.PlaceHolder != "" {
		t.Fatalf("screen %q, password placeholder %q", h.screen(), d.form.password.PlaceHolder)
	}
	h.tap(d.apply, "connect") // no password: nothing to send
	if got := h.status(); !strings.Contains(got, "Enter the API password") || h.sim.Stats().Requests != 0 {
		t.Fatalf("status %q after %d requests", got, h.sim.Stats().Requests)
	}
	test.Type(d.form.password, pbxsim.DefaultPassword)
	h.tap(d.apply, "connect")
	res := h.connection()
	if len(res.Extensions) != 24 || strings.Count(h.screen(), keyringNotice) > 0 {
		t.Errorf("%d extensions; a second notice: %q", len(res.Extensions), h.screen())
	}
	file := h.profilesFile()
	for _, secret := range []string{pbxsim.DefaultPassword, cdrclient.HashPassword(pbxsim.DefaultPassword), res.Session.Token()} {
		if strings.Contains(file, secret) {
			t.Errorf("the profiles file holds a secret: %s", file)
		}
	}
}

func TestKeyringUnavailableNewProfile(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.secrets.SetUnavailable(true)
	d := h.open("")
	h.typeNew("总部", pbxsim.DefaultPassword)
	h.tap(d.test, "test")
	h.tap(uitest.Button(t, d.status, "Trust this certificate"), "test")
	if got := h.screen(); !strings.Contains(got, "Connected.") || strings.Count(got, keyringNotice) != 1 {
		t.Fatalf("screen %q, want the result and the notice once", got)
	}
	// The password stays typed, so Connect works without a keyring.
	if d.form.password.Text != pbxsim.DefaultPassword {
		t.Errorf("password field emptied")
	}
	h.tap(d.apply, "connect")
	h.connection()
	if n := h.sim.Stats().Logouts; n != 1 {
		t.Errorf("the tested session, whose token cannot be kept, was not logged out (%d logouts)", n)
	}
}

// A new profile meets the keyring only when saving its password after connecting, as
// the dialog closes: the notice then comes in a dialog of its own, once.
func TestKeyringMissingOnFirstConnect(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.secrets.SetUnavailable(true)
	d := h.open("")
	h.typeNew("总部", pbxsim.DefaultPassword)
	h.tap(d.apply, "connect")
	if strings.Contains(h.screen(), keyringNotice) {
		t.Fatalf("the notice shows before the keyring was asked: %q", h.screen())
	}
	h.tap(uitest.Button(t, d.status, "Trust this certificate"), "connect")
	h.connection()
	if got := h.screen(); !strings.Contains(got, "Password not saved") || strings.Count(got, keyringNotice) != 1 {
		t.Errorf("after connecting: %q", got)
	}
	if h.profile("总部").Fingerprint != h.run.Fingerprint || len(h.secrets.Keys("cdrdesk")) != 0 {
		t.Errorf("profile %+v, secrets %v", h.profile("总部"), h.secrets.Keys("cdrdesk"))
	}
}

func TestRenameAndDeleteMoveSecrets(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", h.run.Fingerprint, pbxsim.DefaultPassword, 0)
	h.saveProfile("Branch", h.run.Fingerprint, "", 0)
	if _, err := h.connectDirect("总部"); err != nil { // saves a token too
		t.Fatal(err)
	}
	var changes []string // what a window using the profile is told
	h.deps.ProfileChanged = func(from, to string) { changes = append(changes, from+" → "+to) }
	d := h.open("总部")
	if d.form.password.PlaceHolder != "Saved; leave empty to keep it" || !d.form.name.Disabled() {
		t.Errorf("placeholder %q, name editable: %v", d.form.password.PlaceHolder, !d.form.name.Disabled())
	}

	test.Tap(d.rename)
	fd := d.sub.(*dialog.FormDialog)
	entry, ok := uitest.Find(h.win.Canvas().Overlays().Top(), func(e *widget.Entry) bool { return e.Text == "总部" })
	if !ok {
		t.Fatalf("no name field in %q", h.screen())
	}
	entry.SetText("")
	test.Type(entry, "上海总部")
	fd.Submit()
	h.wait("rename")
	if _, ok := h.store.Get("总部"); ok || d.current != "上海总部" || d.profiles.Selected != "上海总部" || d.form.name.Text != "上海总部" {
		t.Fatalf("after rename: current %q, selected %q, list %v", d.current, d.profiles.Selected, d.profiles.Options)
	}
	if got := strings.Join(h.secrets.Keys("cdrdesk"), ","); got != "上海总部/password-md5,上海总部/token" {
		t.Errorf("keyring after rename: %s", got)
	}
	if got := strings.Join(changes, "; "); got != "总部 → 上海总部" {
		t.Errorf("the window was told %q after the rename", got)
	}

	test.Tap(d.delete)
	if !strings.Contains(h.screen(), "上海总部") {
		t.Errorf("the confirmation does not name the connection: %q", h.screen())
	}
	d.sub.(*dialog.ConfirmDialog).Confirm()
	h.waitAll("delete", "load") // the remaining profile is shown
	if names := d.profiles.Options; len(names) != 1 || names[0] != "Branch" || d.current != "Branch" {
		t.Errorf("after delete: %v, showing %q", names, d.current)
	}
	if keys := h.secrets.Keys("cdrdesk"); len(keys) != 0 {
		t.Errorf("secrets left behind: %v", keys)
	}
	if got := strings.Join(changes, "; "); got != "总部 → 上海总部; 上海总部 → " {
		t.Errorf("the window was told %q after the deletion", got)
	}
}

func TestRenameToTakenName(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("A", "", "", 0)
	h.saveProfile("B", "", "", 0)
	h.deps.ProfileChanged = func(from, to string) { t.Errorf("a refused rename told the window %q → %q", from, to) }
	d := h.open("A")
	test.Tap(d.rename)
	entry, _ := uitest.Find(h.win.Canvas().Overlays().Top(), func(e *widget.Entry) bool { return e.Text == "A" })
	entry.SetText("B")
	d.sub.(*dialog.FormDialog).Submit()
	h.wait("rename")
	if got := h.status(); !strings.Contains(got, "A connection with this name already exists") || d.current != "A" {
		t.Errorf("status %q, showing %q", got, d.current)
	}
}

func TestConnectReusesAFreshToken(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", h.run.Fingerprint, pbxsim.DefaultPassword, 0)
	for _, tc := range []struct {
		name    string
		advance time.Duration
		logins  int
	}{
		{"no token yet", 0, 1},
		{"fresh token", 10 * time.Minute, 1},
		{"token too old", 26 * time.Minute, 2},
		{"the new one again", time.Minute, 2},
	} {
		h.clock.Advance(tc.advance)
		res, err := h.connectDirect("总部")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(res.Extensions) != 24 || h.sim.Stats().Logins != tc.logins {
			t.Errorf("%s: %d extensions, %d logins, want %d", tc.name, len(res.Extensions), h.sim.Stats().Logins, tc.logins)
		}
		if tok, _ := h.store.Token("总部"); tok.Value != res.Session.Token() || !tok.Saved.Equal(h.clock.Now()) {
			t.Errorf("%s: saved token %+v", tc.name, tok)
		}
	}
}

func TestConnectRefuses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		setup    func(h *harness)
		want     func(error) bool
		requests int
	}{
		{"no such profile", func(*harness) {}, func(err error) bool { return errors.Is(err, profile.ErrProfileNotFound) }, 0},
		{"no password saved", func(h *harness) { h.saveProfile("总部", h.run.Fingerprint, "", 0) },
			func(err error) bool {
				var in *cdrclient.InputError
				return errors.As(err, &in) && in.Msg == msgNoPassword
			}, 0},
		{"keyring unavailable", func(h *harness) {
			h.saveProfile("总部", h.run.Fingerprint, pbxsim.DefaultPassword, 0)
			h.secrets.SetUnavailable(true)
		}, func(err error) bool { return errors.Is(err, profile.ErrKeyringUnavailable) }, 0},
		// Nothing was sent, so no AuthError (whose details would show errno 20003).
		{"a login failed before", func(h *harness) { h.saveProfile("总部", h.run.Fingerprint, pbxsim.DefaultPassword, 1) },
			func(err error) bool {
				var r *login.RefusedBeforeError
				var a *cdrclient.AuthError
				return errors.As(err, &r) && r.Profile == "总部" && r.Failed == 1 && !errors.As(err, &a) && !strings.Contains(err.Error(), "20003")
			}, 0},
		{"wrong saved password", func(h *harness) { h.saveProfile("总部", h.run.Fingerprint, "old password", 0) },
			func(err error) bool { var a *cdrclient.AuthError; return errors.As(err, &a) }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, i18n.English)
			tc.setup(h)
			_, err := Connect(context.Background(), h.deps, "总部")
			if !tc.want(err) || h.sim.Stats().Logins != tc.requests {
				t.Errorf("error %v after %d logins", err, h.sim.Stats().Logins)
			}
		})
	}
}

package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/profile"
)

// top is what the topmost dialog shows, its drawn lines joined by spaces (wrapped
// labels are drawn a line at a time).
func (f *fixture) top() string {
	f.t.Helper()
	o := f.w.win.Canvas().Overlays().Top()
	if o == nil {
		f.t.Fatal("no dialog is shown")
	}
	return strings.Join(uitest.Drawn(o), " ")
}

// failedLogins is the saved count of the profile name.
func (f *fixture) failedLogins(name string) int {
	p, _ := f.store.Get(name)
	return p.FailedLogins
}

// passwordChangedOnThePBX is the PBX's administrator changing the API password; the
// restart forgets the window's token, so its next request needs a login.
func (f *fixture) passwordChangedOnThePBX(password string) {
	f.sim.Update(func(o *pbxsim.Options) { o.Password = password })
	f.sim.EndSessions()
}

// TestRefusedReloginDisconnects: after the PBX refuses the re-login of a running
// session, the window counts it, says it is disconnected and why (in the person's
// language), warns from the third failure in a row, and does not log in again: a second
// Get records opens the connection dialog instead of spending another login.
func TestRefusedReloginDisconnects(t *testing.T) {
	for _, tc := range []struct {
		language                                   string
		getRecords, connection, dialog, disconnect string
		want                                       []string
	}{
		{i18n.English, "Get records", "Connection…", "Connect to a PBX", "Disconnected", []string{
			"Disconnected from Demo PBX: the PBX refused the password.",
			"Open the connection dialog and enter the current API password.",
			"3 failed logins in a row. After 5 the PBX locks this computer out for 10 minutes."}},
		{i18n.Chinese, "获取通话记录", "连接…", "连接 PBX", "已断开连接", []string{
			"已与 Demo PBX 断开：PBX 拒绝了密码。",
			"请打开连接对话框，输入当前的 API 密码。",
			"已连续 3 次登录失败。失败 5 次后，PBX 会锁定这台电脑 10 分钟。"}},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(tc.language, "system")
			// Two failed logins in a row already, say from a scheduled command-line export.
			if _, err := f.store.Update("Demo PBX", func(p *profile.Profile) { p.FailedLogins = 2 }); err != nil {
				t.Fatal(err)
			}
			f.passwordChangedOnThePBX("changed")

			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), tc.getRecords))
			f.wait("fetch")
			got := f.top()
			for _, want := range append(tc.want, tc.disconnect) {
				if !strings.Contains(got, want) {
					t.Errorf("after the refused re-login the window shows %q, lacking %q", got, want)
				}
			}
			uitest.Button(t, f.w.win.Canvas().Overlays().Top(), tc.connection)
			if n := f.failedLogins("Demo PBX"); n != 3 {
				t.Errorf("failed logins counted: %d, want 3", n)
			}
			if title := f.w.win.Title(); title != "cdrdesk" || f.w.connection() != nil {
				t.Errorf("after the refusal: title %q, connected %v", title, f.w.connection() != nil)
			}

			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), tc.getRecords))
			f.wait("dialog:load")
			if st := f.sim.Stats(); st.Logins != 2 || st.FailedLogins != 1 {
				t.Errorf("%d logins (%d refused), want 2 (1): the first and the refused re-login", st.Logins, st.FailedLogins)
			}
			if got := f.top(); !strings.Contains(got, tc.dialog) || !strings.Contains(got, tc.want[2]) {
				t.Errorf("the second Get records shows %q, want the connection dialog with the warning", got)
			}
		})
	}
}

// TestRefusedKeepAliveDisconnects: a background heartbeat whose re-login the PBX
// refuses is not silent: the window says it is disconnected, counts the failure, and
// its Connection… button leads to typing the new password (Enter connects).
func TestRefusedKeepAliveDisconnects(t *testing.T) {
	clock := pbxsim.NewClock(now)
	f := newFixtureWith(t, true, setup{clock: clock, keepAlive: 40 * time.Millisecond})
	f.wait("connect")
	f.passwordChangedOnThePBX("changed")
	clock.Advance(time.Hour) // idle: the next tick sends a heartbeat
	f.wait("keepalive")

	if got := f.top(); !strings.Contains(got, "Disconnected from Demo PBX: the PBX refused the password.") {
		t.Fatalf("after the refused heartbeat the window shows %q", got)
	}
	if f.w.connection() != nil || f.failedLogins("Demo PBX") != 1 {
		t.Errorf("still connected: %v; %d failed logins", f.w.connection() != nil, f.failedLogins("Demo PBX"))
	}
	if st := f.sim.Stats(); st.Logins != 2 || st.Heartbeats != 1 {
		t.Errorf("%d logins, %d heartbeats; want 2 and 1", st.Logins, st.Heartbeats)
	}

	f.act(func() { test.Tap(uitest.Button(t, f.w.win.Canvas().Overlays().Top(), "Connection…")) })
	f.wait("dialog:load")
	var password *widget.Entry
	f.act(func() {
		top := f.w.win.Canvas().Overlays().Top()
		var ok bool
		if password, ok = uitest.Find(top, func(e *widget.Entry) bool { return e.Password }); !ok {
			t.Fatalf("no password field in %q", uitest.Drawn(top))
		}
		test.Type(password, "changed")
		password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	f.wait("dialog:connect")
	if c := f.w.connection(); c == nil || c.Profile.Name != "Demo PBX" || f.failedLogins("Demo PBX") != 0 {
		t.Errorf("after typing the new password: connected %v, %d failed logins", c != nil, f.failedLogins("Demo PBX"))
	}
}

// TestConnectAtStartFailureShowsTheReason: when the automatic connection at start fails,
// the connection dialog opens with the reason already shown (and the way on), without
// pressing Connect again.
func TestConnectAtStartFailureShowsTheReason(t *testing.T) {
	for _, tc := range []struct {
		name     string
		saved    func(run *pbxsim.Running) profile.Profile
		password string
		want     []string
		button   string
		logins   int
	}{
		{"certificate changed", func(run *pbxsim.Running) profile.Profile {
			return profile.Profile{URL: run.URL, Fingerprint: strings.Repeat("ab", 32)}
		}, pbxsim.DefaultPassword, []string{"The PBX's security certificate has changed since you trusted it.", "AB:AB:AB"}, "Trust the new certificate…", 0},
		{"password refused", func(run *pbxsim.Running) profile.Profile {
			return profile.Profile{URL: run.URL, Fingerprint: run.Fingerprint}
		}, "old password", []string{"The PBX rejected the API user name or password."}, "", 1},
		{"refused before", func(run *pbxsim.Running) profile.Profile {
			return profile.Profile{URL: run.URL, Fingerprint: run.Fingerprint, FailedLogins: 3}
		}, pbxsim.DefaultPassword, []string{"The last login to 总部 was refused, so cdrdesk did not try the saved password again.", "3 failed logins in a row."}, "", 0},
		{"PBX unreachable", func(run *pbxsim.Running) profile.Profile {
			return profile.Profile{URL: "https://127.0.0.1:1", Fingerprint: run.Fingerprint}
		}, pbxsim.DefaultPassword, []string{"Cannot reach the PBX."}, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixtureWith(t, false, setup{prepare: func(f *fixture, run *pbxsim.Running) {
				p := tc.saved(run)
				p.Name, p.User, p.APIVersion = "总部", pbxsim.DefaultUser, "auto"
				if err := f.store.Save(p); err != nil {
					t.Fatal(err)
				}
				if err := f.store.SetPasswordMD5(p.Name, cdrclient.HashPassword(tc.password)); err != nil {
					t.Fatal(err)
				}
				if err := f.store.SetLast(p.Name); err != nil {
					t.Fatal(err)
				}
			}})
			f.wait("connect")
			f.wait("dialog:load")
			got := f.top()
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("the dialog shows %q, lacking %q", got, want)
				}
			}
			if !strings.Contains(got, "Connect to a PBX") {
				t.Errorf("not the connection dialog: %q", got)
			}
			if tc.button != "" {
				uitest.Button(t, f.w.win.Canvas().Overlays().Top(), tc.button)
			}
			if n := f.sim.Stats().Logins; n != tc.logins {
				t.Errorf("%d logins, want %d", n, tc.logins)
			}
		})
	}
}

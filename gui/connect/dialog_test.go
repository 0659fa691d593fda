package connect

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

func TestFirstRunDemo(t *testing.T) {
	for _, tc := range []struct{ lang, name string }{
		{i18n.English, "Demo PBX"},
		{i18n.Chinese, "演示 PBX"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := newHarness(t, tc.lang)
			d := h.open("")
			if d.current != "" || len(d.profiles.Options) != 0 {
				t.Fatalf("first run shows %q of %v", d.current, d.profiles.Options)
			}
			h.tap(d.demo, "demo")
			res := h.connection()
			if len(res.Extensions) != 24 || res.Session.Token() == "" || res.Profile.Name != tc.name {
				t.Errorf("connected to %q with %d extensions, token %v", res.Profile.Name, len(res.Extensions), res.Session.Token() != "")
			}
			p := h.profile(tc.name)
			if p.Fingerprint != h.run.Fingerprint || p.URL != h.run.URL {
				t.Errorf("saved %+v, want the demo's address and fingerprint", p)
			}
			if md5, err := h.store.PasswordMD5(tc.name); err != nil || md5 != cdrclient.HashPassword(pbxsim.DefaultPassword) {
				t.Errorf("password MD5 %q, %v", md5, err)
			}
			if tok, err := h.store.Token(tc.name); err != nil || tok.Value != res.Session.Token() || tok.Version != cdrclient.VersionV2 {
				t.Errorf("token %+v, %v", tok, err)
			}
			if h.store.Last() != tc.name || h.win.Canvas().Overlays().Top() != nil {
				t.Errorf("last %q; dialog still open: %v", h.store.Last(), h.win.Canvas().Overlays().Top() != nil)
			}
		})
	}
}

func TestNewProfileTrustsCertificateOnFirstUse(t *testing.T) {
	h := newHarness(t, i18n.English)
	d := h.open("")
	test.Type(d.form.name, "总部")
	// A URL pasted from the browser is spread over the address fields.
	clip := test.NewClipboard()
	clip.SetContent(h.run.URL + "/#/login")
	d.form.host.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if d.form.host.Text != "127.0.0.1" || d.form.port.Text != h.port() || !d.form.https.Checked {
		t.Fatalf("pasted address split into %q, %q, https %v", d.form.host.Text, d.form.port.Text, d.form.https.Checked)
	}
	test.Type(d.form.user, "api")
	test.Type(d.form.password, pbxsim.DefaultPassword)

	h.tap(d.apply, "connect")
	h.noConnection()
	want := strings.ToUpper(h.run.Fingerprint[:2]) + ":" + strings.ToUpper(h.run.Fingerprint[2:4])
	if got := h.status(); !strings.Contains(got, "not trusted yet") || !strings.Contains(got, want) || !strings.Contains(got, "web interface") {
		t.Fatalf("status %q, want the unknown certificate with its fingerprint", got)
	}
	if n := h.sim.Stats().Logins; n != 0 {
		t.Errorf("%d logins before the certificate was trusted", n)
	}
	h.tap(uitest.Button(t, d.status, "Trust this certificate"), "connect")
	res := h.connection()
	if len(res.Extensions) != 24 {
		t.Errorf("%d extensions", len(res.Extensions))
	}
	p := h.profile("总部")
	if p.Fingerprint != h.run.Fingerprint || p.URL != h.run.URL || p.User != "api" || p.FailedLogins != 0 {
		t.Errorf("saved %+v", p)
	}
	if md5, err := h.store.PasswordMD5("总部"); err != nil || md5 != cdrclient.HashPassword(pbxsim.DefaultPassword) {
		t.Errorf("password MD5 %q, %v", md5, err)
	}
}

func TestTestConnectionShowsWhatItFound(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", h.run.Fingerprint, "", 0)
	d := h.open("总部")
	test.Type(d.form.password, pbxsim.DefaultPassword)
	h.tap(d.test, "test")
	h.noConnection()
	got := h.status()
	for _, want := range []string{"Connected.", "API version: v2.0.0", "Extensions: 24", strings.ToUpper(h.run.Fingerprint[60:62])} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q lacks %q", got, want)
		}
	}
	if d.form.password.Text != "" || d.form.password.PlaceHolder != "Saved; leave empty to keep it" {
		t.Errorf("password field %q, placeholder %q", d.form.password.Text, d.form.password.PlaceHolder)
	}
	// Connect now reuses the tested session's token: no second login.
	h.tap(d.apply, "connect")
	if res := h.connection(); len(res.Extensions) != 24 {
		t.Errorf("%d extensions", len(res.Extensions))
	}
	if n := h.sim.Stats().Logins; n != 1 {
		t.Errorf("%d logins, want 1", n)
	}
}

func TestWrongPasswordIsNeverRetried(t *testing.T) {
	for _, tc := range []struct{ lang, rejected, warning string }{
		{i18n.English, "The PBX rejected the API user name or password.", "3 failed logins in a row. After 5 the PBX locks this computer out for 10 minutes."},
		{i18n.Chinese, "PBX 拒绝了 API 用户名或密码。", "已连续 3 次登录失败。失败 5 次后，PBX 会锁定这台电脑 10 分钟。"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.saveProfile("总部", h.run.Fingerprint, "", 0)
			d := h.open("总部")
			for i := 1; i <= 3; i++ {
				d.form.password.SetText("wrong")
				if warned := strings.Contains(h.screen(), tc.warning); warned {
					t.Fatalf("attempt %d: warned before 3 failures", i)
				}
				h.tap(d.apply, "connect")
				h.noConnection()
				if got := h.status(); !strings.Contains(got, tc.rejected) {
					t.Fatalf("attempt %d: status %q", i, got)
				}
				if st := h.sim.Stats(); st.Logins != i {
					t.Fatalf("attempt %d reached the PBX with %d logins in all", i, st.Logins)
				}
				if p := h.profile("总部"); p.FailedLogins != i {
					t.Fatalf("attempt %d: FailedLogins %d", i, p.FailedLogins)
				}
			}
			if !strings.Contains(h.screen(), tc.warning) {
				t.Errorf("no warning after 3 failures: %q", h.screen())
			}
			// The warning is there too when the profile is opened again.
			h.open("总部")
			if !strings.Contains(h.screen(), tc.warning) {
				t.Errorf("no warning on reopening: %q", h.screen())
			}
		})
	}
}

func TestLockedOut(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", h.run.Fingerprint, "", 0)
	d := h.open("总部")
	for range pbxsim.LockoutAfter {
		d.form.password.SetText("wrong")
		h.tap(d.apply, "connect")
	}
	// Now even the right password is refused; the dialog says why, in either language.
	for _, tc := range []struct{ lang, locked, wait string }{
		{i18n.English, "locked this computer out", "Wait 10 minutes"},
		{i18n.Chinese, "PBX 已锁定这台电脑", "请等待 10 分钟"},
	} {
		if err := i18n.Use(tc.lang); err != nil {
			t.Fatal(err)
		}
		d = h.open("总部")
		d.form.password.SetText(pbxsim.DefaultPassword)
		h.tap(d.apply, "connect")
		h.noConnection()
		if got := h.status(); !strings.Contains(got, tc.locked) || !strings.Contains(got, tc.wait) {
			t.Errorf("%s: status %q", tc.lang, got)
		}
	}
	if p := h.profile("总部"); p.FailedLogins != 5 || h.sim.Stats().Logins != 7 {
		t.Errorf("FailedLogins %d, %d logins", p.FailedLogins, h.sim.Stats().Logins)
	}
}

func TestChangedCertificateNeedsTwoSteps(t *testing.T) {
	h := newHarness(t, i18n.English)
	old := strings.Repeat("ab", 32)
	h.saveProfile("总部", old, pbxsim.DefaultPassword, 0)
	d := h.open("总部")
	h.tap(d.apply, "connect")
	h.noConnection()
	got := h.status()
	for _, want := range []string{"has changed", "intercepting", "AB:AB:AB", strings.ToUpper(h.run.Fingerprint[:2])} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q lacks %q", got, want)
		}
	}
	test.Tap(uitest.Button(t, d.status, "Trust the new certificate…"))
	confirm, ok := d.sub.(*dialog.ConfirmDialog)
	if !ok || h.win.Canvas().Overlays().Top() == nil || !strings.Contains(h.screen(), "AB:AB") {
		t.Fatalf("no confirmation naming the old fingerprint: %q", h.screen())
	}
	h.noConnection()
	if n := h.sim.Stats().Logins; n != 0 || h.profile("总部").Fingerprint != old {
		t.Fatalf("one click logged in (%d) or changed the pin", n)
	}
	confirm.Confirm()
	h.wait("connect")
	h.connection()
	if p := h.profile("总部"); p.Fingerprint != h.run.Fingerprint {
		t.Errorf("pinned %s, want %s", p.Fingerprint, h.run.Fingerprint)
	}
}

func TestPBXDown(t *testing.T) {
	h := newHarness(t, i18n.English)
	for _, tc := range []struct{ lang, want string }{
		{i18n.English, "Cannot reach the PBX."},
		{i18n.Chinese, "无法连接到 PBX。"},
	} {
		if err := i18n.Use(tc.lang); err != nil {
			t.Fatal(err)
		}
		d := h.open("")
		d.newProfile()
		h.typeNew("Down "+tc.lang, pbxsim.DefaultPassword)
		d.form.port.SetText("1")
		h.tap(d.test, "test")
		if got := h.status(); !strings.Contains(got, tc.want) {
			t.Errorf("%s: status %q", tc.lang, got)
		}
		if p := h.profile("Down " + tc.lang); p.URL != "https://127.0.0.1:1" || p.FailedLogins != 0 {
			t.Errorf("%s: saved %+v", tc.lang, p)
		}
	}
}

func TestFormProblemsShowInline(t *testing.T) {
	h := newHarness(t, i18n.English)
	h.saveProfile("总部", "", "", 0)
	d := h.open("")
	for _, tc := range []struct {
		name, fill string
		host, port string
		user, pw   string
		want       string
	}{
		{name: "no address", user: "api", pw: "x", want: "Enter the PBX address"},
		{name: "bad port", host: "127.0.0.1", port: "99999", user: "api", pw: "x", want: "The port must be a number from 1 to 65535"},
		{name: "no user", host: "127.0.0.1", port: "8088", pw: "x", want: "Enter the API user name"},
		{name: "no password", host: "127.0.0.1", port: "8088", user: "api", want: "Enter the API password"},
		{name: "name taken", fill: "总部", host: "127.0.0.1", port: "8088", user: "api", pw: "x", want: "A connection with this name already exists"},
	} {
		d.newProfile()
		d.form.name.SetText(tc.fill)
		d.form.host.SetText(tc.host)
		d.form.port.SetText(tc.port)
		d.form.user.SetText(tc.user)
		d.form.password.SetText(tc.pw)
		test.Tap(d.apply)
		if tc.name == "no password" { // found off the UI goroutine
			h.wait("connect")
		}
		if got := h.status(); !strings.Contains(got, tc.want) {
			t.Errorf("%s: status %q, want %q", tc.name, got, tc.want)
		}
	}
	if h.sim.Stats().Requests != 0 || len(h.store.List()) != 1 {
		t.Errorf("the PBX was asked, or a profile saved: %v", h.store.List())
	}
}

func TestHTTPSCheckMovesOnlyADefaultPort(t *testing.T) {
	for _, tc := range []struct {
		port  string
		https bool
		want  string
	}{
		{"8088", false, "80"},
		{"80", true, "8088"},
		{"", false, "80"},
		{"9000", false, "9000"},
		{"8443", true, "8443"},
	} {
		f := newForm()
		f.https.SetChecked(!tc.https)
		f.port.SetText(tc.port)
		f.https.SetChecked(tc.https)
		if f.port.Text != tc.want {
			t.Errorf("port %q, https → %v: %q, want %q", tc.port, tc.https, f.port.Text, tc.want)
		}
	}
}

func TestCancel(t *testing.T) {
	h := newHarness(t, i18n.English)
	release := make(chan struct{})
	h.deps.StartDemo = func() (Demo, error) { <-release; return h.startDemo() }
	d := h.open("")
	test.Tap(d.demo)
	for _, b := range []interface{ Disabled() bool }{d.demo, d.test, d.apply, d.newBtn, d.profiles} {
		if !b.Disabled() {
			t.Errorf("%T enabled while working", b)
		}
	}
	if !strings.Contains(h.status(), "Starting the demo PBX…") {
		t.Errorf("status %q while working", h.status())
	}
	test.Tap(uitest.Button(t, d.status, "Cancel"))
	close(release)
	h.wait("demo")
	h.noConnection()
	if got := h.status(); got != "Cancelled." || d.apply.Disabled() {
		t.Errorf("status %q, Connect disabled: %v", got, d.apply.Disabled())
	}
	if n := h.sim.Stats().Requests; n != 0 {
		t.Errorf("%d requests after Cancel", n)
	}
}

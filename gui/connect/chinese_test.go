package connect

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestChineseScreenHasNoEnglish walks the dialog, as drawn, through its states in
// Chinese and fails on any English word left.
func TestChineseScreenHasNoEnglish(t *testing.T) {
	h := newHarness(t, i18n.Chinese)
	h.saveProfile("总部", strings.Repeat("ab", 32), pbxsim.DefaultPassword, 3)
	h.saveProfile("分部", "", "", 0)
	h.secrets.SetUnavailable(true)
	d := h.open("总部")
	check := func(state string) {
		t.Helper()
		texts := uitest.Drawn(h.win.Canvas().Overlays().Top())
		if len(texts) < 10 {
			t.Fatalf("%s: only %q drawn: is the walk broken?", state, texts)
		}
		for _, w := range englishWords(texts) {
			t.Errorf("%s: English left: %s", state, w)
		}
	}
	check("opened with warnings")
	if !strings.Contains(h.screen(), "系统钥匙串不可用") || !strings.Contains(h.screen(), "已连续 3 次登录失败") {
		t.Errorf("notices missing: %q", h.screen())
	}

	test.Type(d.form.password, pbxsim.DefaultPassword)
	h.tap(d.test, "test")
	check("changed certificate")
	test.Tap(uitest.Button(t, d.status, "信任新证书…"))
	check("confirming the new certificate")
	d.sub.(*dialog.ConfirmDialog).Dismiss()

	d.load("分部")
	h.wait("load")
	test.Type(d.form.password, pbxsim.DefaultPassword)
	h.tap(d.test, "test")
	check("unknown certificate")
	h.tap(uitest.Button(t, d.status, "信任此证书"), "test")
	check("tested")
	if !strings.Contains(h.status(), "连接成功") {
		t.Errorf("status %q", h.status())
	}
	d.form.password.SetText("wrong")
	h.tap(d.test, "test")
	check("wrong password")
	d.newProfile()
	check("new connection")
	test.Tap(d.apply)
	check("no address")
}

// TestInputMessagesAreTranslated covers the dialog's own problem sentences, which the
// i18n package's scan does not see (they are not L calls).
func TestInputMessagesAreTranslated(t *testing.T) {
	test.NewTempApp(t)
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Use(i18n.English) })
	for _, msg := range inputMessages() {
		what := alert.Explain(inputError("x", msg)).What
		if words := englishWords([]string{what}); len(words) > 0 {
			t.Errorf("%q shows as %q", msg, what)
		}
	}
	if _, err := baseURL("pbx%", true, "8088"); err == nil {
		t.Fatal("a malformed host was accepted")
	} else if words := englishWords([]string{alert.Explain(err).What}); len(words) > 0 {
		t.Errorf("a bad address shows as %q", alert.Explain(err).What)
	}
}

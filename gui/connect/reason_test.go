package connect

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestEnterInPasswordConnects: Enter in the password field does what Connect does.
func TestEnterInPasswordConnects(t *testing.T) {
	h := newHarness(t, i18n.English)
	// The key press goes on refreshing the field after Enter started the work: the
	// work's result must wait for it, as on the real UI goroutine.
	var ui sync.Mutex
	h.deps.OnUI = func(update func()) { ui.Lock(); defer ui.Unlock(); update() }
	h.saveProfile("总部", h.run.Fingerprint, "", 0)
	d := h.open("总部")
	ui.Lock()
	test.Type(d.form.password, pbxsim.DefaultPassword)
	d.form.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ui.Unlock()
	h.wait("connect")
	if res := h.connection(); len(res.Extensions) != 24 {
		t.Errorf("%d extensions", len(res.Extensions))
	}
}

// TestOpensWithTheReason: when connecting at start failed, the dialog opens with why,
// and with the way on, before anything is pressed; nothing more is sent to the PBX.
func TestOpensWithTheReason(t *testing.T) {
	for _, tc := range []struct {
		name        string
		fingerprint string
		password    string
		failed      int
		want        []string
		button      string
	}{
		{"certificate changed", strings.Repeat("ab", 32), pbxsim.DefaultPassword, 0,
			[]string{"has changed", "AB:AB:AB"}, "Trust the new certificate…"},
		{"password refused", "", "old password", 0,
			[]string{"The PBX rejected the API user name or password."}, ""},
		{"refused before", "", pbxsim.DefaultPassword, 3,
			[]string{"The last login to 总部 was refused, so cdrdesk did not try the saved password again.", "3 failed logins in a row."}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, i18n.English)
			fp := tc.fingerprint
			if fp == "" {
				fp = h.run.Fingerprint
			}
			h.saveProfile("总部", fp, tc.password, tc.failed)
			_, err := Connect(context.Background(), h.deps, "总部")
			if err == nil {
				t.Fatal("connected")
			}
			requests := h.sim.Stats().Requests
			h.d = newConnectDialog(h.win, h.deps, func(r Result) { h.connected <- r })
			h.d.afterStep = func(step string) { h.steps <- step }
			h.d.reason = err
			h.d.open("总部")
			h.wait("load")
			got := h.screen()
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("the dialog shows %q, lacking %q", got, want)
				}
			}
			if tc.button != "" {
				uitest.Button(t, h.d.status, tc.button)
			}
			if n := h.sim.Stats().Requests; n != requests {
				t.Errorf("opening the dialog sent %d requests", n-requests)
			}
		})
	}
}

package gui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/query"
)

// TestFetchFailureIsExplained: when the PBX refuses the download, the person reads why
// and what to do, in their language.
func TestFetchFailureIsExplained(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{i18n.English, "The PBX's API service is not running."},
		{i18n.Chinese, "PBX 的 API 服务没有运行。"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(tc.language, "system")
			f.sim.Update(func(o *pbxsim.Options) { o.APIServiceDown = true })
			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), i18n.L("Get records")))
			f.wait("fetch")
			top := f.w.win.Canvas().Overlays().Top()
			if top == nil || !strings.Contains(strings.Join(texts(top), "\n"), tc.want) {
				t.Fatalf("no explanation %q in the dialog", tc.want)
			}
		})
	}
}

// TestCancelStopsTheDownload: Cancel in the progress dialog stops at once and says that
// nothing was downloaded.
func TestCancelStopsTheDownload(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	f.sim.Update(func(o *pbxsim.Options) { o.DownloadDelay = 10 * time.Second })
	test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Get records"))
	f.act(func() {
		top := f.w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no progress dialog")
		}
		test.Tap(uitest.Button(t, top, "Cancel"))
	})
	f.wait("fetch")
	if f.w.win.Canvas().Overlays().Top() != nil {
		t.Error("the progress dialog is still shown")
	}
	// Had Cancel not stopped it, the download would have finished with records.
	if got := f.w.bar.text.Text; got != "Cancelled. Nothing was downloaded." {
		t.Errorf("status after Cancel: %q", got)
	}
}

// TestPreferencesRemembered: the query and window size survive a restart; nothing
// secret is stored in preferences.
func TestPreferencesRemembered(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	root := f.w.win.Canvas().Content()
	test.Tap(f.check(root, "All extensions"))
	test.Tap(f.check(root, "1001 "))
	test.Tap(uitest.Button(t, root, "Yesterday"))
	f.w.quit()
	p := f.app.Preferences()
	var qs query.State
	if err := json.Unmarshal([]byte(p.String(prefQuery)), &qs); err != nil {
		t.Fatal(err)
	}
	if qs.AllExtensions || len(qs.Extensions) != 1 || qs.Extensions[0] != "1001" || qs.Preset != "yesterday" {
		t.Errorf("saved query %+v", qs)
	}
	if p.Float(prefWidth) <= 0 {
		t.Error("window size not saved")
	}
	for _, key := range []string{prefQuery, prefResults, prefLanguage, prefTheme} {
		if v := p.String(key); strings.Contains(v, "demo1234") || strings.Contains(v, "token") {
			t.Errorf("preference %s holds a secret: %s", key, v)
		}
	}
	if st := f.sim.Stats(); st.Logouts != 1 {
		t.Errorf("%d logouts on quit, want 1", st.Logouts)
	}
}

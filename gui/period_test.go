package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestNoticeOfAnotherPeriod: a PBX whose download key echoes a start a day earlier than
// asked gets a notice naming both periods, in the person's language; the records are
// shown and the status line keeps the period asked for.
func TestNoticeOfAnotherPeriod(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{i18n.English, "The PBX answered for "},
		{i18n.Chinese, "PBX 返回的是 "},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(tc.language, "system")
			f.sim.Update(func(o *pbxsim.Options) { o.EchoEarlierStart = 24 * time.Hour })
			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), i18n.L("Get records")))
			f.wait("fetch")

			q := f.w.info.Query
			asked := q.Start.Format(cdrclient.TimeLayout) + " – " + q.End.Format(cdrclient.TimeLayout)
			answered := q.Start.Add(-24*time.Hour).Format(cdrclient.TimeLayout) + " – " + q.End.Format(cdrclient.TimeLayout)
			top := f.w.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no notice")
			}
			notice := strings.Join(texts(top), "\n")
			if !strings.Contains(notice, tc.want+answered) || !strings.Contains(notice, asked) {
				t.Errorf("notice %q; want %q with %q and %q", notice, tc.want, answered, asked)
			}
			if status := f.w.bar.text.Text; !strings.Contains(status, asked) || strings.Contains(status, answered) {
				t.Errorf("status %q; want the period asked for, %s", status, asked)
			}
			if f.w.table == nil || f.w.table.Len() == 0 {
				t.Error("the PBX's records are not shown")
			}
		})
	}
}

package gui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestCutOffDownload: the PBX ends its answers by closing the connection and the
// connection is lost in the middle of a row. Cut once, the window shows exactly the
// records the PBX holds; cut every time, it explains the failure in the person's
// language and shows (so can save) nothing of it.
func TestCutOffDownload(t *testing.T) {
	lastMonth := cdrclient.Query{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), End: time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)}
	for _, tc := range []struct {
		name, language string
		once           bool
		want           string // in the error dialog
	}{
		{"once", i18n.English, true, ""},
		{"always", i18n.English, false, "The connection to the PBX broke off in the middle of the download"},
		{"always, Chinese", i18n.Chinese, false, "下载过程中与 PBX 的连接中断了"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(tc.language, "system")
			f.sim.Update(func(o *pbxsim.Options) {
				o.CloseDelimited, o.Cut, o.CutAfterRows, o.CutOnce = true, pbxsim.CutMidRow, 40, tc.once
			})
			root := f.w.win.Canvas().Content()
			test.Tap(uitest.Button(t, root, i18n.L("Last month")))
			test.Tap(uitest.Button(t, root, i18n.L("Get records")))
			f.wait("fetch")
			f.act(func() {
				if !tc.once {
					top := f.w.win.Canvas().Overlays().Top()
					if top == nil || !strings.Contains(strings.Join(texts(top), "\n"), tc.want) {
						t.Fatalf("no explanation %q in the dialog", tc.want)
					}
					if f.w.table != nil {
						t.Errorf("the window holds %d records of a cut-off download", f.w.table.Len())
					}
					return
				}
				if f.w.table == nil {
					t.Fatal("no records shown")
				}
				var got bytes.Buffer
				f.w.table.WriteTo(&got)
				if want := served(t, f.sim, lastMonth); !bytes.Equal(got.Bytes(), want) {
					t.Errorf("the window holds %d bytes, the PBX's records are %d", got.Len(), len(want))
				}
			})
		})
	}
}

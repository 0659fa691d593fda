package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
)

// TestMainScreenMarkup pins what the two halves of the main window draw, with the
// embedded font, in both languages, after fetching last month from the demo PBX. The
// connection line (it holds the demo's random port) is left out. Regenerate a master
// after a deliberate change by deleting it and copying testdata/failed/ over.
func TestMainScreenMarkup(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(language, style.Light)
			root := f.w.win.Canvas().Content()
			test.Tap(uitest.Button(t, root, i18n.L("Last month")))
			test.Tap(uitest.Button(t, root, i18n.L("Get records")))
			f.wait("fetch")
			test.AssertObjectRendersToMarkup(t, "query_"+language+".xml", f.w.query.Widget())
			test.AssertObjectRendersToMarkup(t, "results_"+language+".xml", f.w.results.Widget())
		})
	}
}

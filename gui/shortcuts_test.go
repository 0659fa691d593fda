package gui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/internal/uitest"
)

// press types Ctrl (Cmd on macOS) with key on the window, as the keyboard would.
func (f *fixture) press(key fyne.KeyName) {
	f.act(func() {
		f.w.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	})
}

// Ctrl+R gets the records of the query shown, Ctrl+1… show the pages of the results
// (remembered for the next start), Ctrl+S opens Save….
func TestShortcuts(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	f.act(func() { test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Yesterday")) })
	f.press(fyne.KeyS) // nothing to save yet: no dialog
	if o := f.w.win.Canvas().Overlays().Top(); o != nil {
		t.Fatal("Ctrl+S opened a dialog before there were records")
	}
	f.press(fyne.KeyR)
	f.wait("fetch")
	f.wait("status:Showing all")

	for i, page := range []string{"records", "missed", "extensions", "days", "hours", "charts"} {
		f.press([]fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}[i])
		var got string
		f.act(func() { got = f.w.results.State().Page })
		if got != page {
			t.Errorf("Ctrl+%d shows page %q, want %q", i+1, got, page)
		}
	}
	f.press(fyne.KeyS)
	var title []string // the texts of the dialog on top
	f.act(func() {
		if o := f.w.win.Canvas().Overlays().Top(); o != nil {
			title = texts(o)
		}
	})
	if !slices.Contains(title, "Save records") {
		t.Errorf("Ctrl+S shows %q, want the Save dialog", title)
	}
}

package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts gives the main actions their keys, as office programs have them:
// Ctrl+R gets the records, Ctrl+S opens Save…, Ctrl+1 to Ctrl+6 show the pages of the
// results (records, missed not returned, by extension, by day, by hour, charts). On
// macOS Ctrl is Cmd.
func (w *Window) addShortcuts() {
	c := w.win.Canvas()
	key := func(k fyne.KeyName, do func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { do() })
	}
	key(fyne.KeyR, func() { w.query.Submit() })
	key(fyne.KeyS, func() {
		if w.results.CanSave() {
			w.results.Save()
		}
	})
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6} {
		key(k, func() { w.results.ShowPage(i) })
	}
}

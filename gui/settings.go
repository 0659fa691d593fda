package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/style"
)

// showSettings lets the person choose the language and the colour scheme (a change
// applies at once: the window is rebuilt in the new language), and opens the Archive
// dialog (archivesettings.go).
func (w *Window) showSettings() {
	p := w.app.Preferences()
	languages := []string{i18n.L("Same as the system"), "English", "简体中文"}
	langValues := []string{i18n.System, i18n.English, i18n.Chinese}
	schemes := []string{i18n.L("Same as the system"), i18n.L("Light"), i18n.L("Dark")}
	schemeValues := []string{style.System, style.Light, style.Dark}

	langSel := widget.NewSelect(languages, nil)
	langSel.SetSelectedIndex(indexOf(langValues, p.String(prefLanguage)))
	schemeSel := widget.NewSelect(schemes, nil)
	schemeSel.SetSelectedIndex(indexOf(schemeValues, p.StringWithFallback(prefTheme, style.System)))

	items := []*widget.FormItem{
		widget.NewFormItem(i18n.L("Language"), langSel),
		widget.NewFormItem(i18n.L("Colours"), schemeSel),
		widget.NewFormItem(i18n.L("Call archive"), widget.NewButtonWithIcon(i18n.L("Archive…"), theme.StorageIcon(), func() { w.showArchiveSettings() })),
	}
	d := dialog.NewForm(i18n.L("Settings"), i18n.L("Apply"), i18n.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w.applySettings(langValues[max(langSel.SelectedIndex(), 0)], schemeValues[max(schemeSel.SelectedIndex(), 0)])
	}, w.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

// applySettings stores and applies a language and a colour scheme.
func (w *Window) applySettings(language, scheme string) {
	p := w.app.Preferences()
	p.SetString(prefLanguage, language)
	p.SetString(prefTheme, scheme)
	w.app.Settings().SetTheme(style.New(scheme))
	if err := i18n.Use(language); err == nil {
		w.build()
	}
}

func indexOf(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return 0
}

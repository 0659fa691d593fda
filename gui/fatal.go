package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/style"
)

// ShowFatal shows an error that keeps the window from starting (for example a damaged
// profiles file) and runs the app until the person closes it.
func ShowFatal(a fyne.App, err error) {
	_ = i18n.Use(a.Preferences().String(prefLanguage))
	a.Settings().SetTheme(style.New(style.System))
	w := a.NewWindow("cdrdesk")
	quit := widget.NewButton(i18n.L("Close"), a.Quit)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewCenter(quit), nil, nil, alert.Content(alert.Explain(err)))))
	w.Resize(fyne.NewSize(560, 320))
	w.ShowAndRun()
}

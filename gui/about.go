package gui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/style"
)

// website is the project's home, as in FyneApp.toml.
const website = "https://github.com/cdrdesk/cdrdesk"

// showAbout says which build this is (what a helper asks first), where the saved
// connections live and who made the parts the app ships.
func (w *Window) showAbout() {
	d := dialog.NewCustom(i18n.L("About cdrdesk"), i18n.L("Close"), w.aboutContent(), w.win)
	d.Resize(fyne.NewSize(520, 0)) // wrapped sentences need a width to wrap at
	d.Show()
}

func (w *Window) aboutContent() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(style.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(56, 56))
	name := widget.NewLabelWithStyle("cdrdesk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	heading := container.NewBorder(nil, nil, icon, nil,
		container.NewVBox(name, wrapped(i18n.L("Download call records from your Yeastar PBX and save them as reports."))))

	// Selectable, so the version and the path can be copied into a support message.
	version := widget.NewLabel(aboutVersion(w.opts.Version))
	version.Selectable = true
	var path string
	if w.opts.Store != nil {
		path = w.opts.Store.Path()
	}
	file := widget.NewLabel(path)
	file.Selectable, file.Wrapping = true, fyne.TextWrapBreak // a long path breaks anywhere

	site, _ := url.Parse(website)
	return container.NewVBox(
		heading,
		version,
		widget.NewSeparator(),
		wrapped(i18n.L("Saved connections are kept in this file:")),
		file,
		wrapped(i18n.L("Passwords are kept in the system keyring (Windows: Credential Manager), never in that file.")),
		widget.NewSeparator(),
		widget.NewHyperlink(website, site),
		wrapped(i18n.L("Made with Fyne. Font: Noto Sans CJK SC, SIL Open Font License 1.1.")),
	)
}

// aboutVersion is the version line; a build without the Makefile's stamps says it is
// not a release, so nobody mistakes it for one.
func aboutVersion(v string) string {
	if v == "" || v == "dev" {
		return i18n.L("Development build, not a release")
	}
	return i18n.L("Version {{.Version}}", map[string]any{"Version": v})
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

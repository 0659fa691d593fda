package gui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/archive/place"
)

// archiveDialog is the Archive dialog (opened from Settings): where the archive is,
// what it holds per PBX, how long records are kept and whether connecting updates it.
// Its work on the archive runs in the background; each result is handed back with
// OnUI and reported to tests as "archivedialog:<step>".
type archiveDialog struct {
	w        *Window
	d        dialog.Dialog
	content  fyne.CanvasObject
	location *widget.Entry
	inUse    *widget.Label // where the archive in use is, or what just happened
	holdings *fyne.Container
	keep     *keepSelect
}

// showArchiveSettings opens the Archive dialog and reads what the archive holds.
func (w *Window) showArchiveSettings() *archiveDialog {
	a := &archiveDialog{w: w, holdings: container.NewVBox(widget.NewLabel(i18n.L("Reading the archive…")))}
	a.location = widget.NewEntry()
	a.location.SetText(w.chosenArchive())
	def, _ := w.archive.resolve("")
	a.location.SetPlaceHolder(place.Display(def))
	a.inUse = widget.NewLabel("")
	a.inUse.Wrapping = fyne.TextWrapWord
	a.showInUse()

	choose := widget.NewButtonWithIcon(i18n.L("Choose file…"), theme.FolderOpenIcon(), func() {
		w.fileOpener().OpenFile(w.win, []string{".db", ".sqlite"}, func(path string) {
			if path != "" {
				a.location.SetText(path)
			}
		})
	})
	useDefault := widget.NewButton(i18n.L("Use the default"), func() { a.location.SetText(""); a.apply() })
	apply := widget.NewButtonWithIcon(i18n.L("Use this archive"), theme.ConfirmIcon(), a.apply)
	where := container.NewVBox(
		heading(i18n.L("Where the records are kept")),
		wrapped(i18n.L("A file on this computer or a shared folder, or a PostgreSQL database shared by several computers (postgres://user:password@server/database). Empty: the default file. A password is kept in the system's keyring.")),
		a.location,
		container.NewHBox(choose, useDefault, apply),
		a.inUse)

	a.keep = w.newKeepSelect(a)
	syncOnConnect := widget.NewCheck(i18n.L("Update the archive when connecting"), nil)
	p := w.app.Preferences()
	syncOnConnect.SetChecked(p.BoolWithFallback(prefSyncOnConnect, true))
	syncOnConnect.OnChanged = func(on bool) { p.SetBool(prefSyncOnConnect, on) }

	content := container.NewVBox(
		where, widget.NewSeparator(),
		heading(i18n.L("Records held")), a.holdings, widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.L("Keep records")), nil, a.keep.sel),
		syncOnConnect)
	a.content = content
	a.d = dialog.NewCustom(i18n.L("Archive"), i18n.L("Close"), container.NewVScroll(content), w.win)
	a.d.Resize(fyne.NewSize(640, 600))
	a.d.Show()
	a.refresh()
	return a
}

// chosenArchive is the location chosen in Settings as it may be shown and edited:
// without its password, "" for the default.
func (w *Window) chosenArchive() string {
	without, _ := place.SplitPassword(w.archive.chosen())
	return without
}

// showInUse says which archive is in use, without a password.
func (a *archiveDialog) showInUse() {
	loc, err := a.w.archive.where()
	if err != nil {
		a.inUse.SetText(alert.Explain(err).What)
		return
	}
	a.inUse.SetText(i18n.L("In use: {{.Location}}", map[string]any{"Location": place.Display(loc)}))
}

// apply makes the typed location the archive in use. It is opened in the background
// first; only once it opened are the preferences (without the password) and the
// keyring (the password) changed. A failure is explained and changes nothing.
func (a *archiveDialog) apply() {
	w := a.w
	typed := strings.TrimSpace(a.location.Text)
	a.inUse.SetText(i18n.L("Opening the archive…"))
	go func() {
		err := w.archive.move(context.Background(), typed)
		w.opts.OnUI(func() {
			if err != nil {
				a.showInUse()
				alert.Show(err, w.win)
				w.done("archivedialog:moved")
				return
			}
			without, password := place.SplitPassword(typed)
			w.app.Preferences().SetString(prefArchive, without)
			a.location.SetText(without)
			a.showInUse()
			if password != "" && w.opts.Store != nil {
				if err := w.opts.Store.SetArchivePassword(without, password); err != nil {
					alert.Show(err, w.win) // in use now; the password must be typed again next time
				}
			}
			a.refresh()
			w.done("archivedialog:moved")
		})
	}()
}

// heading is a section's title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

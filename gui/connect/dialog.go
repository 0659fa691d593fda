package connect

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// connectDialog is the connection dialog: the saved profiles, the form of one of them,
// notices that stay (keyring, failed logins), an area for progress, results and
// problems, and the buttons.
type connectDialog struct {
	win         fyne.Window
	deps        Deps
	onConnected func(Result)
	dlg         *dialog.CustomDialog

	profiles                 *widget.Select
	newBtn, rename, delete   *widget.Button
	form                     *form
	keyringNotice, lockout   *fyne.Container
	status                   *fyne.Container
	middle                   *container.Scroll // form, notices and status
	demo, close, test, apply *widget.Button

	current     string             // the saved profile shown; "" for a new one
	cancel      context.CancelFunc // cancels the running work; nil when idle
	closed      bool               // the dialog was closed: late results are dropped
	keyringTold bool               // the keyring notice is shown
	sub         dialog.Dialog      // the last dialog opened over this one (tests read it)

	afterStep func(step string) // tests: runs after each background step's UI update
}

// newConnectDialog builds the dialog in the current language; open shows it.
func newConnectDialog(w fyne.Window, deps Deps, onConnected func(Result)) *connectDialog {
	d := &connectDialog{win: w, deps: deps.withDefaults(), onConnected: onConnected, form: newForm(), afterStep: deps.AfterStep}
	d.profiles = widget.NewSelect(nil, d.profileChosen)
	d.profiles.PlaceHolder = i18n.L("New connection")
	d.newBtn = widget.NewButtonWithIcon(i18n.L("New"), theme.ContentAddIcon(), d.newProfile)
	d.rename = widget.NewButton(i18n.L("Rename…"), d.renameTapped)
	d.delete = widget.NewButtonWithIcon(i18n.L("Delete…"), theme.DeleteIcon(), d.deleteTapped)
	d.keyringNotice, d.lockout, d.status = container.NewVBox(), container.NewVBox(), container.NewVBox()

	d.demo = widget.NewButtonWithIcon(i18n.L("Try the demo PBX"), theme.MediaPlayIcon(), d.demoTapped)
	d.close = widget.NewButton(i18n.L("Close"), func() { d.dlg.Hide() })
	d.test = widget.NewButton(i18n.L("Test connection"), func() { d.submit(actTest) })
	d.apply = widget.NewButtonWithIcon(i18n.L("Connect"), theme.LoginIcon(), func() { d.submit(actConnect) })
	d.apply.Importance = widget.HighImportance
	if d.deps.StartDemo == nil {
		d.demo.Hide()
	}

	d.dlg = dialog.NewCustomWithoutButtons(i18n.L("Connect to a PBX"), d.layout(), w)
	d.dlg.SetOnClosed(d.onClose)
	d.dlg.Resize(fyne.NewSize(660, 640))
	return d
}

// layout arranges the dialog: the profiles on top, the buttons at the bottom, and
// between them the form, notices and status, scrolling when a certificate warning makes
// them taller than the window.
func (d *connectDialog) layout() fyne.CanvasObject {
	row := container.NewBorder(nil, nil, widget.NewLabel(i18n.L("Saved connection")),
		container.NewHBox(d.newBtn, d.rename, d.delete), d.profiles)
	buttons := container.NewBorder(nil, nil, d.demo, container.NewHBox(d.close, d.test, d.apply))
	d.middle = container.NewVScroll(container.NewVBox(d.form.widget, d.keyringNotice, d.lockout, d.status))
	return container.NewBorder(container.NewVBox(row, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), buttons), nil, nil, d.middle)
}

// open shows the dialog with the profile current, else the last used one, else a new one.
func (d *connectDialog) open(current string) {
	d.refreshProfiles()
	d.dlg.Show()
	for _, name := range []string{current, d.deps.Store.Last()} {
		if _, ok := d.deps.Store.Get(name); ok && name != "" {
			d.load(name)
			return
		}
	}
	d.newProfile()
}

// onClose runs when the dialog closes, however: running work is cancelled.
func (d *connectDialog) onClose() {
	d.closed = true
	if d.cancel != nil {
		d.cancel()
	}
}

// showStatus replaces what the status area shows.
func (d *connectDialog) showStatus(objs ...fyne.CanvasObject) {
	d.status.Objects = objs
	d.relayout()
}

// relayout lays the middle part out again after a section changed height (a container
// only lays out its own objects, so the rows below would overlap), and scrolls the
// status into view, from its first line.
func (d *connectDialog) relayout() {
	d.middle.Refresh()
	if len(d.status.Objects) > 0 {
		d.middle.ScrollToOffset(fyne.NewPos(0, d.status.Position().Y))
	}
}

// stepDone tells tests that a background step has shown its result.
func (d *connectDialog) stepDone(step string) {
	if d.afterStep != nil {
		d.afterStep(step)
	}
}

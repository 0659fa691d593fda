package connect

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// start runs work off the UI goroutine with a context the Cancel button cancels, while
// the status area says what is being done and the buttons are disabled. The function
// work returns runs on the UI goroutine afterwards; it sees a closed dialog as closed.
func (d *connectDialog) start(step, doing string, work func(ctx context.Context) (then func())) {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.setBusy(true)
	d.showStatus(d.workingRow(doing, cancel))
	go func() {
		then := work(ctx)
		d.deps.OnUI(func() {
			cancel()
			d.cancel = nil
			d.setBusy(false)
			d.showStatus()
			then()
			d.stepDone(step)
		})
	}()
}

// workingRow is an activity indicator, what is being done, and Cancel.
func (d *connectDialog) workingRow(doing string, cancel context.CancelFunc) fyne.CanvasObject {
	activity := widget.NewActivity()
	activity.Start()
	stop := widget.NewButtonWithIcon(i18n.L("Cancel"), theme.CancelIcon(), cancel)
	return container.NewBorder(nil, nil, activity, stop, widget.NewLabel(doing))
}

// setBusy disables the buttons that start work while work runs. Close stays: it
// cancels the work and closes.
func (d *connectDialog) setBusy(busy bool) {
	for _, w := range []fyne.Disableable{d.profiles, d.newBtn, d.rename, d.delete, d.demo, d.test, d.apply} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if !busy {
		d.updateProfileButtons()
	}
}

// updateProfileButtons enables Rename… and Delete… only for a saved profile.
func (d *connectDialog) updateProfileButtons() {
	if d.current == "" {
		d.rename.Disable()
		d.delete.Disable()
	} else {
		d.rename.Enable()
		d.delete.Enable()
	}
}

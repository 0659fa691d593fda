package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// recordingBar is the row of recording actions above the grid: Play and Save
// recording… for the selected call, Save recordings… for the calls shown.
type recordingBar struct {
	play, saveOne, saveAll *widget.Button
	box                    fyne.CanvasObject
}

func newRecordingBar(play, saveOne, saveAll func()) *recordingBar {
	b := &recordingBar{
		play:    widget.NewButtonWithIcon(i18n.L("Play"), theme.MediaPlayIcon(), play),
		saveOne: widget.NewButtonWithIcon(i18n.L("Save recording…"), theme.DownloadIcon(), saveOne),
		saveAll: widget.NewButtonWithIcon(i18n.L("Save recordings…"), theme.FolderIcon(), saveAll),
	}
	b.box = container.NewHBox(b.play, b.saveOne, b.saveAll)
	return b
}

// update enables the actions that make sense: one needs a selected call with a
// recording, all of them that no recording work is running.
func (b *recordingBar) update(selected, busy, hasRows bool) {
	enable := func(btn *widget.Button, on bool) {
		if on {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
	enable(b.play, selected && !busy)
	enable(b.saveOne, selected && !busy)
	enable(b.saveAll, hasRows && !busy)
}

package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fyneChooser picks the folder through Fyne's folder dialog. Fyne's save dialog is
// not used: it creates (or empties) the chosen file before handing it over, which
// would lose an existing file's contents before the user confirmed the replacement
// and leave an empty file after a failed save.
type fyneChooser struct{}

// ChooseFolder implements FileChooser.
func (fyneChooser) ChooseFolder(w fyne.Window, start string, done func(dir string)) {
	pickFolder(w, start, done)
}

// pickFolder shows Fyne's folder dialog at about 80 % of the window (it is drawn
// inside the window, whose size it does not follow by itself).
func pickFolder(w fyne.Window, folder string, chosen func(dir string)) {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			chosen(dir.Path())
			return
		}
		chosen("")
	}, w)
	if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
		fd.SetLocation(l)
	}
	s := w.Canvas().Size()
	fd.Resize(fyne.NewSize(s.Width*0.8, s.Height*0.8))
	fd.Show()
}

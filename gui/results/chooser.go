package results

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// fyneChooser asks for a file name and a folder, the folder through Fyne's file
// dialog. Fyne's own save dialog is not used: it creates (or empties) the chosen
// file before handing it over, which would lose an existing file's contents before
// the user confirmed the replacement and leave an empty file after a failed save.
type fyneChooser struct{}

// ChooseSave implements FileChooser.
func (fyneChooser) ChooseSave(w fyne.Window, suggestedName, folder string, done func(path string)) {
	folder = startFolder(folder)
	name := widget.NewEntry()
	name.SetText(suggestedName)
	where := widget.NewLabel(folder)
	where.Wrapping = fyne.TextWrapBreak
	change := widget.NewButtonWithIcon(i18n.L("Change folder…"), theme.FolderOpenIcon(), func() {
		pickFolder(w, folder, func(dir string) {
			folder = dir
			where.SetText(dir)
		})
	})
	form := widget.NewForm(
		widget.NewFormItem(i18n.L("File name"), name),
		widget.NewFormItem(i18n.L("Folder"), container.NewBorder(nil, nil, nil, change, where)))
	d := dialog.NewCustomConfirm(i18n.L("Save as"), i18n.L("Save"), i18n.L("Cancel"), form, func(ok bool) {
		file := strings.TrimSpace(name.Text)
		if !ok || file == "" {
			done("")
			return
		}
		done(filepath.Join(folder, file))
	}, w)
	d.Resize(fyne.NewSize(min(640, w.Canvas().Size().Width*0.9), 0))
	d.Show()
}

// pickFolder shows Fyne's folder dialog at about 80 % of the window (it is drawn
// inside the window, whose size it does not follow by itself).
func pickFolder(w fyne.Window, folder string, chosen func(dir string)) {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			chosen(dir.Path())
		}
	}, w)
	if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
		fd.SetLocation(l)
	}
	s := w.Canvas().Size()
	fd.Resize(fyne.NewSize(s.Width*0.8, s.Height*0.8))
	fd.Show()
}

// startFolder is where saving starts: the last folder if it still exists, else the
// user's Documents folder, else their home.
func startFolder(last string) string {
	home, err := os.UserHomeDir()
	candidates := []string{last}
	if err == nil {
		candidates = append(candidates, filepath.Join(home, "Documents"), home)
	}
	for _, dir := range candidates {
		if fi, err := os.Stat(dir); dir != "" && err == nil && fi.IsDir() {
			return dir
		}
	}
	wd, _ := os.Getwd()
	return wd
}

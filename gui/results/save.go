package results

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/report"
)

// Save shows the one Save dialog (format, which records, file name, folder) and
// writes the file in the background with a progress dialog that can cancel it. The
// folder is the last one used, else the user's Documents folder.
func (v *View) Save() {
	if v.table == nil || v.saving {
		return
	}
	form := newSaveForm(v.table.Len(), v.rows, v.filtered, v.lastFormat, v.startFolder(),
		func(f report.Format) string { return suggestName(v.info, f) },
		func(f *saveForm) {
			v.chooser.ChooseFolder(v.win, f.dir, func(dir string) {
				if dir != "" {
					f.setFolder(dir)
				}
			})
		})
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(i18n.L("Save"), theme.DocumentSaveIcon(), func() {
		name, ok := form.fileName()
		if !ok {
			return // the reason is shown under the name
		}
		d.Hide()
		j := form.job(v)
		v.lastFolder, v.lastFormat = form.dir, j.format
		v.saveTo(filepath.Join(form.dir, name), j, false)
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(i18n.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	form.name.OnSubmitted = func(string) { save.OnTapped() }
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	d = dialog.NewCustomWithoutButtons(i18n.L("Save records"), container.NewVBox(form.box, buttons), v.win)
	d.Resize(fyne.NewSize(min(640, v.win.Canvas().Size().Width*0.9), 0))
	d.Show()
}

// startFolder is where the Save dialog starts: the last folder used if it still
// exists, else the user's Documents folder, else the working folder.
func (v *View) startFolder() string {
	for _, dir := range []string{v.lastFolder, v.Documents()} {
		if fi, err := os.Stat(dir); dir != "" && err == nil && fi.IsDir() {
			return dir
		}
	}
	wd, _ := os.Getwd()
	return wd
}

// saveTo writes j to path; an existing file is replaced only when the user says so.
func (v *View) saveTo(path string, j saveJob, overwrite bool) {
	if _, err := os.Lstat(path); err == nil && !overwrite {
		v.confirmReplace(path, j)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	prog := newSaveProgress(v.win, filepath.Base(path), j.count(), cancel)
	v.saving = true
	v.Background(func() {
		err := atomicfile.Write(ctx, path, overwrite, func(w io.Writer) error {
			return j.write(ctx, w, prog.report)
		})
		cancel()
		fyne.Do(func() { v.saved(path, j, err, prog) })
	})
}

// confirmReplace asks before replacing path.
func (v *View) confirmReplace(path string, j saveJob) {
	msg := i18n.L("“{{.Name}}” already exists in this folder. Replace it?", map[string]any{"Name": filepath.Base(path)})
	dialog.ShowConfirm(i18n.L("Replace the file?"), msg, func(yes bool) {
		if yes {
			v.saveTo(path, j, true)
		}
	}, v.win)
}

// saved reports how a save ended.
func (v *View) saved(path string, j saveJob, err error, prog *saveProgress) {
	v.saving = false
	prog.hide()
	var exists *atomicfile.ExistsError
	switch {
	case errors.As(err, &exists): // created by someone else while we wrote
		v.confirmReplace(path, j)
	case errors.Is(err, context.Canceled): // the user's choice: nothing to say
	case err != nil:
		alert.Show(err, v.win)
	default:
		v.showSaved(path, j.count())
	}
	if v.OnSaved != nil {
		v.OnSaved(path, err)
	}
}

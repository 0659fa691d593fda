package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FileOpener asks for a file to open, of one of the name endings exts (".csv"); done
// gets its path, or "" when the person cancelled.
type FileOpener interface {
	OpenFile(w fyne.Window, exts []string, done func(path string))
}

// fyneOpener is Fyne's file open dialog.
type fyneOpener struct{}

// OpenFile implements FileOpener. Only the path is kept: the file is read later, in
// the background, not on the UI goroutine.
func (fyneOpener) OpenFile(w fyne.Window, exts []string, done func(path string)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("")
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		done(path)
	}, w)
	fd.SetFilter(storage.NewExtensionFileFilter(exts))
	s := w.Canvas().Size()
	fd.Resize(fyne.NewSize(s.Width*0.8, s.Height*0.8)) // drawn inside the window, which it does not follow
	fd.Show()
}

// fileOpener is Options.FileOpener, else Fyne's dialog.
func (w *Window) fileOpener() FileOpener {
	if w.opts.FileOpener != nil {
		return w.opts.FileOpener
	}
	return fyneOpener{}
}

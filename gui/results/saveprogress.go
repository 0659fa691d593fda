package results

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
)

// saveProgress is the dialog shown while a report is written: an Excel workbook of
// a million records takes a while.
type saveProgress struct {
	d     dialog.Dialog
	bar   *widget.ProgressBar
	text  *widget.Label
	total int
}

func newSaveProgress(win fyne.Window, name string, total int, cancel func()) *saveProgress {
	p := &saveProgress{bar: widget.NewProgressBar(), total: total}
	p.text = widget.NewLabel(i18n.L("Saving {{.Count}} records to {{.Name}}…", map[string]any{
		"Count": i18n.Count(total), "Name": name}))
	p.text.Wrapping = fyne.TextWrapWord
	stop := widget.NewButton(i18n.L("Cancel"), cancel)
	p.d = dialog.NewCustomWithoutButtons(i18n.L("Saving"), container.NewVBox(p.bar, p.text, container.NewCenter(stop)), win)
	p.d.Resize(fyne.NewSize(460, 0))
	p.d.Show()
	return p
}

// report shows how many records are written; it may be called from any goroutine.
func (p *saveProgress) report(done int) {
	fyne.Do(func() {
		if p.total > 0 {
			p.bar.SetValue(float64(done) / float64(p.total))
		}
		if done >= p.total {
			p.text.SetText(i18n.L("Finishing the file…"))
		}
	})
}

func (p *saveProgress) hide() { p.d.Hide() }

// showSaved says where the report went, with a way to open its folder.
func (v *View) showSaved(path string, count int) {
	dir := filepath.Dir(path)
	msg := widget.NewLabel(i18n.L("Saved {{.Count}} records to {{.Name}}", map[string]any{
		"Count": i18n.Count(count), "Name": filepath.Base(path)}))
	where := widget.NewLabel(i18n.L("Folder: {{.Folder}}", map[string]any{"Folder": dir}))
	where.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomConfirm(i18n.L("Saved"), i18n.L("Open folder"), i18n.L("Close"),
		container.NewVBox(msg, where), func(open bool) {
			if open {
				v.openFolder(dir)
			}
		}, v.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// openFolder shows dir in the system's file manager.
func (v *View) openFolder(dir string) {
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = v.openURL(u)
	}
	if err != nil {
		alert.Show(err, v.win)
	}
}

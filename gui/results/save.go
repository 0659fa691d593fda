package results

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/report"
)

// Save asks which format and which records, then where, and writes the file in the
// background with a progress dialog that can cancel it.
func (v *View) Save() {
	if v.table == nil || v.saving {
		return
	}
	form := newSaveForm(v.table.Len(), v.rows, v.filtered)
	d := dialog.NewCustomConfirm(i18n.L("Save records"), i18n.L("Choose where to save…"), i18n.L("Cancel"),
		form.box, func(ok bool) {
			if ok {
				v.chooseFile(form.job(v))
			}
		}, v.win)
	d.Show()
}

// saveForm is the body of the Save… dialog: the format and which records.
type saveForm struct {
	format *widget.RadioGroup
	scope  *widget.RadioGroup // nil when nothing is filtered: all records are shown
	rows   []int
	box    fyne.CanvasObject
}

// formats are the choices of the format group, in its order.
var formats = []report.Format{report.CSV, report.ExcelCSV, report.XLSX}

func newSaveForm(total int, rows []int, filtered bool) *saveForm {
	f := &saveForm{rows: rows}
	f.format = widget.NewRadioGroup([]string{
		i18n.L("CSV as sent by the PBX"), i18n.L("CSV for Excel"), i18n.L("Excel workbook (.xlsx)")}, nil)
	f.format.Required = true
	f.format.SetSelected(f.format.Options[2]) // what an office opens
	items := []fyne.CanvasObject{bold(i18n.L("Format")), f.format, bold(i18n.L("Records"))}
	all := i18n.L("All {{.N}} records", map[string]any{"N": formatCount(total)})
	if !filtered {
		items = append(items, widget.NewLabel(all))
	} else {
		f.scope = widget.NewRadioGroup([]string{all,
			i18n.L("Only the {{.N}} shown", map[string]any{"N": formatCount(len(rows))})}, nil)
		f.scope.Required = true
		f.scope.SetSelected(all)
		note := widget.NewLabel(i18n.L("A search or filter is active: {{.N}} records are not shown.",
			map[string]any{"N": formatCount(total - len(rows))}))
		note.Wrapping = fyne.TextWrapWord
		items = append(items, f.scope, note)
	}
	f.box = container.NewVBox(items...)
	return f
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// job returns the report the form asks for.
func (f *saveForm) job(v *View) saveJob {
	j := saveJob{table: v.table, format: formats[max(selected(f.format), 0)], opts: report.Options{
		DurationsAsSeconds: v.seconds, HeaderLabels: headerLabels(v.table, v.words)}}
	if f.scope != nil && selected(f.scope) == 1 {
		j.rows = f.rows
	}
	return j
}

// selected returns the index of g's choice, -1 for none.
func selected(g *widget.RadioGroup) int { return slices.Index(g.Options, g.Selected) }

// chooseFile asks where to save j, in the last folder used.
func (v *View) chooseFile(j saveJob) {
	v.chooser.ChooseSave(v.win, suggestName(v.info, j.format), v.lastFolder, func(path string) {
		if path == "" {
			return
		}
		v.lastFolder = filepath.Dir(path)
		v.saveTo(path, j, false)
	})
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

package results

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/report"
	"cdrdesk/internal/reportname"
)

// saveForm is the body of the one Save dialog: the format, which records, the file
// name and the folder. With the defaults right, Save is one tap.
type saveForm struct {
	format  *widget.RadioGroup
	scope   *widget.RadioGroup // nil when nothing is filtered: all records are shown
	name    *widget.Entry
	folder  *widget.Label
	choose  *widget.Button
	problem *widget.Label // why the typed name is refused; hidden when it is not
	rows    []int
	box     fyne.CanvasObject

	dir       string                     // the folder to save in
	suggest   func(report.Format) string // the suggested name for a format
	suggested string                     // the suggestion the name field holds, "" once typed over
}

// newSaveForm builds the form for total records of which rows are shown. format is
// preselected, dir is the folder offered; chooseFolder is called by Choose folder….
func newSaveForm(total int, rows []int, filtered bool, format report.Format, dir string,
	suggest func(report.Format) string, chooseFolder func(f *saveForm)) *saveForm {
	f := &saveForm{rows: rows, dir: dir, suggest: suggest}
	f.format = widget.NewRadioGroup(formatLabels(), nil)
	f.format.Required = true
	f.format.SetSelected(f.format.Options[max(slices.Index(formats, format), 0)])
	f.format.OnChanged = func(string) { f.formatChanged() }
	items := []fyne.CanvasObject{bold(i18n.L("Format")), f.format, bold(i18n.L("Records"))}
	all := i18n.L("All {{.N}} records", map[string]any{"N": i18n.Count(total)})
	if !filtered {
		items = append(items, widget.NewLabel(all))
	} else {
		f.scope = widget.NewRadioGroup([]string{all,
			i18n.L("Only the {{.N}} shown", map[string]any{"N": i18n.Count(len(rows))})}, nil)
		f.scope.Required = true
		f.scope.SetSelected(all)
		note := widget.NewLabel(i18n.L("A search or filter is active: {{.N}} records are not shown.",
			map[string]any{"N": i18n.Count(total - len(rows))}))
		note.Wrapping = fyne.TextWrapWord
		items = append(items, f.scope, note)
	}
	f.name = widget.NewEntry()
	f.suggested = suggest(f.chosenFormat())
	f.name.SetText(f.suggested)
	f.name.OnChanged = func(string) { f.nameChanged() }
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.folder = widget.NewLabel(dir)
	f.folder.Wrapping = fyne.TextWrapBreak
	f.choose = widget.NewButtonWithIcon(i18n.L("Choose folder…"), theme.FolderOpenIcon(), func() { chooseFolder(f) })
	items = append(items,
		bold(i18n.L("File name")), f.name, f.problem,
		bold(i18n.L("Folder")), container.NewBorder(nil, nil, nil, f.choose, f.folder))
	f.box = container.NewVBox(items...)
	return f
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// chosenFormat is the format selected.
func (f *saveForm) chosenFormat() report.Format { return formats[max(selected(f.format), 0)] }

// formatChanged keeps a suggested name's extension in step with the format; a name the
// person typed is theirs and stays.
func (f *saveForm) formatChanged() {
	if f.suggested == "" || f.name.Text != f.suggested {
		return
	}
	f.suggested = f.suggest(f.chosenFormat())
	f.name.SetText(f.suggested)
}

// nameChanged shows at once why a typed name would be refused.
func (f *saveForm) nameChanged() {
	if f.name.Text != f.suggested {
		f.suggested = ""
	}
	f.showProblem(reportname.Check(f.name.Text))
}

// setFolder shows the folder chosen.
func (f *saveForm) setFolder(dir string) {
	f.dir = dir
	f.folder.SetText(dir)
}

// fileName returns the typed name, or false (with the reason shown) when it is not a
// plain file name: it is never joined to the folder then.
func (f *saveForm) fileName() (string, bool) {
	err := reportname.Check(f.name.Text)
	f.showProblem(err)
	return strings.TrimSpace(f.name.Text), err == nil
}

func (f *saveForm) showProblem(err error) {
	if err == nil {
		f.problem.Hide()
		return
	}
	f.problem.SetText(nameProblem(err))
	f.problem.Show()
}

// nameProblem words why a typed name is refused, in the user's language.
func nameProblem(err error) string {
	switch {
	case errors.Is(err, reportname.ErrEmpty):
		return i18n.L("Enter a file name.")
	case errors.Is(err, reportname.ErrSeparator):
		return i18n.L("Type only the file name, without / or \\. Use Choose folder… to save elsewhere.")
	case errors.Is(err, reportname.ErrDots):
		return i18n.L("The file name cannot be “.” or contain “..”. Use Choose folder… to save elsewhere.")
	}
	return i18n.L("The file name cannot contain < > : \" | ? * or control characters.")
}

// job returns the report the form asks for.
func (f *saveForm) job(v *View) saveJob {
	j := saveJob{table: v.table, format: f.chosenFormat(), opts: report.Options{
		DurationsAsSeconds: v.seconds, HeaderLabels: headerLabels(v.table, v.words)}}
	if f.scope != nil && selected(f.scope) == 1 {
		j.rows = f.rows
	}
	if j.format == reportWorkbook {
		j.book = newReportBook(v)
	}
	return j
}

// selected returns the index of g's choice, -1 for none.
func selected(g *widget.RadioGroup) int { return slices.Index(g.Options, g.Selected) }

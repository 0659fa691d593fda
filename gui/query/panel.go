// Package query is the query side of cdrdesk's main window: which extensions, which
// dates, and the Get records button. It turns what the user chose into a
// cdrclient.Query and hands it to the window through OnSubmit; it talks to no PBX.
package query

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// listMinHeight keeps about four extensions in view however short the window is; the
// search box finds the others. More would push Get records out of the smallest window.
const listMinHeight = 150

// Panel is the query side of the main window. Build it with New, on the UI goroutine,
// and touch it only there.
type Panel struct {
	// OnSubmit is called with the query when Get records is pressed (or Enter in a field)
	// and the input is valid.
	OnSubmit func(q cdrclient.Query)

	now        func() time.Time
	exts       *extPicker
	groups     *groupBar
	dates      *rangeInputs
	extProblem *widget.Label
	dateIssue  *widget.Label
	get        *widget.Button
	busy       bool
	content    fyne.CanvasObject
}

// New builds the panel in the current language: all extensions, today. w hosts its
// dialogs; now tells it the date (the PBX's wall clock is read as local time).
func New(w fyne.Window, now func() time.Time) *Panel {
	p := &Panel{now: now}
	p.exts = newExtPicker(p.selectionEdited)
	p.groups = newGroupBar(w, p.groupable, p.applyGroup)
	p.dates = newRangeInputs(now, func() { p.check() }, p.submit)
	p.exts.search.OnSubmitted = func(string) { p.submit() }
	p.extProblem, p.dateIssue = problemLabel(), problemLabel()
	p.get = widget.NewButtonWithIcon(i18n.L("Get records"), theme.DownloadIcon(), p.submit)
	p.get.Importance = widget.HighImportance
	p.content = p.layout()
	p.dates.choose(defaultPreset)
	return p
}

// problemLabel shows what is wrong with the input, in the error colour; hidden when
// nothing is.
func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// layout stacks extensions over dates over the button; the extension list takes the
// height that is left.
func (p *Panel) layout() fyne.CanvasObject {
	top := container.NewVBox(
		container.NewBorder(nil, nil, p.exts.all, p.exts.count),
		p.exts.search)
	clock := func(e *widget.Entry) fyne.CanvasObject { return withMin(e, clockWidth(), 0) }
	dates := container.New(layout.NewFormLayout(),
		widget.NewLabel(i18n.L("From")), container.NewBorder(nil, nil, nil, clock(p.dates.fromTime), p.dates.fromDate),
		widget.NewLabel(i18n.L("To")), container.NewBorder(nil, nil, nil, clock(p.dates.toTime), p.dates.toDate))
	bottom := container.NewVBox(
		container.NewGridWithColumns(2, p.exts.selectAll, p.exts.selectNone),
		p.extProblem,
		p.groups.pick,
		container.NewGridWithColumns(2, p.groups.save, p.groups.remove),
		widget.NewSeparator(),
		p.dates.presetGrid(),
		dates,
		p.dateIssue,
		p.get)
	return container.NewBorder(top, bottom, nil, nil, withMin(p.exts.list, 0, listMinHeight))
}

// Widget returns the panel's content.
func (p *Panel) Widget() fyne.CanvasObject { return p.content }

// SetExtensions shows the PBX's extensions, keeping those selected that still exist.
func (p *Panel) SetExtensions(exts []cdrclient.Extension) {
	p.exts.setExtensions(exts)
	p.check()
}

// SetBusy disables Get records while a download runs.
func (p *Panel) SetBusy(busy bool) {
	p.busy = busy
	if busy {
		p.get.Disable()
	} else {
		p.get.Enable()
	}
}

// selectionEdited follows a change the user made to the extensions.
func (p *Panel) selectionEdited() {
	p.groups.selectionEdited()
	p.check()
}

// groupable returns the extensions a new group would hold: none while All is ticked.
func (p *Panel) groupable() []string {
	if p.exts.all.Checked {
		return nil
	}
	return p.exts.numbers()
}

// applyGroup selects exactly the extensions of a group.
func (p *Panel) applyGroup(numbers []string) {
	p.exts.setSelection(false, numbers)
	p.check()
}

// form reads the fields.
func (p *Panel) form() form {
	f := form{all: p.exts.all.Checked, extensions: p.exts.numbers()}
	f.fromDate, f.fromTime = p.dates.fromDate.Text(), p.dates.fromTime.Text
	f.toDate, f.toTime = p.dates.toDate.Text(), p.dates.toTime.Text
	return f
}

// check validates the input and shows what is wrong under the fields.
func (p *Panel) check() (cdrclient.Query, bool) {
	q, probs := p.form().query()
	showProblem(p.extProblem, probs.extensions)
	showProblem(p.dateIssue, strings.Join(probs.dates, "\n"))
	p.groups.refresh()
	return q, probs.none()
}

func showProblem(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// Submit does what Get records does (the window's Ctrl+R): nothing while a download
// runs or the button is off.
func (p *Panel) Submit() {
	if p.busy || p.get.Disabled() {
		return
	}
	p.submit()
}

// submit hands a valid query to OnSubmit; with invalid input it only shows why.
func (p *Panel) submit() {
	if p.busy {
		return
	}
	p.dates.renew()
	q, ok := p.check()
	if ok && p.OnSubmit != nil {
		p.OnSubmit(q)
	}
}

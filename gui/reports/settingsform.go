package reports

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// SettingsForm edits the report settings: the call-back window in hours, the rings
// to ignore in seconds, the country code and the business hours as text. A refused
// value says why under its field, in the user's language, as soon as it is typed.
type SettingsForm struct {
	// OnValidChanged is called when the form turns valid or invalid.
	OnValidChanged func(valid bool)

	window, ignore, country, hours *field
	base                           callreport.Settings
	valid                          bool
	box                            fyne.CanvasObject
}

// field is an entry with the line that says why its value is refused.
type field struct {
	entry   *widget.Entry
	problem *widget.Label
}

func newField(text string) *field {
	f := &field{entry: widget.NewEntry(), problem: widget.NewLabel("")}
	f.entry.SetText(text)
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	return f
}

func (f *field) show(problem string) {
	if problem == "" {
		f.problem.Hide()
		return
	}
	f.problem.SetText(problem)
	f.problem.Show()
}

// NewSettingsForm makes a form holding s.
func NewSettingsForm(s callreport.Settings) *SettingsForm {
	f := &SettingsForm{base: s,
		window:  newField(hoursText(s.CallbackWindow)),
		ignore:  newField(strconv.Itoa(int((s.IgnoreShorter + time.Second - 1) / time.Second))),
		country: newField(s.CountryCode),
		hours:   newField(s.BusinessHours.String()),
	}
	hint := widget.NewLabel(i18n.L("Like Mon-Fri 09:00-18:00 or Mon-Sat 08:30-17:30, days in English."))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	var items []fyne.CanvasObject
	for _, it := range []struct {
		title string
		f     *field
		hint  fyne.CanvasObject
	}{
		{i18n.L("Call-back window, in hours"), f.window, nil},
		{i18n.L("Ignore rings shorter than, in seconds"), f.ignore, nil},
		{i18n.L("Country code"), f.country, nil},
		{i18n.L("Business hours"), f.hours, hint},
	} {
		items = append(items, widget.NewLabelWithStyle(it.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			it.f.entry, it.f.problem)
		if it.hint != nil {
			items = append(items, it.hint)
		}
		it.f.entry.OnChanged = func(string) { f.check() }
	}
	f.box = container.NewVBox(items...)
	f.check()
	return f
}

// hoursText writes a call-back window in hours: "24", "1.5".
func hoursText(d time.Duration) string { return strconv.FormatFloat(d.Hours(), 'f', -1, 64) }

// Widget returns the form's content.
func (f *SettingsForm) Widget() fyne.CanvasObject { return f.box }

// Settings returns the settings typed, and whether they are valid; invalid settings
// are never returned as valid.
func (f *SettingsForm) Settings() (callreport.Settings, bool) {
	s, problems := f.read()
	for _, p := range problems {
		if p != "" {
			return callreport.Settings{}, false
		}
	}
	return s, true
}

// check shows why each field is refused and reports a change of validity.
func (f *SettingsForm) check() {
	_, problems := f.read()
	valid := true
	for fl, p := range problems {
		fl.show(p)
		valid = valid && p == ""
	}
	if valid != f.valid {
		f.valid = valid
		if f.OnValidChanged != nil {
			f.OnValidChanged(valid)
		}
	}
}

// read parses the fields into settings and says what is wrong with each ("" for
// nothing): a field that does not parse, then whatever callreport.Settings.Validate
// refuses.
func (f *SettingsForm) read() (callreport.Settings, map[*field]string) {
	s := f.base
	problems := map[*field]string{f.window: "", f.ignore: "", f.country: "", f.hours: ""}
	if h, err := strconv.ParseFloat(typed(f.window), 64); err == nil && h > 0 && h <= 744 {
		s.CallbackWindow = time.Duration(h * float64(time.Hour)).Round(time.Minute)
	} else {
		problems[f.window] = problemText(callreport.MsgCallbackWindow)
	}
	if sec, err := strconv.Atoi(typed(f.ignore)); err == nil && sec >= 0 && sec <= 3600 {
		s.IgnoreShorter = time.Duration(sec) * time.Second
	} else {
		problems[f.ignore] = problemText(callreport.MsgIgnoreShorter)
	}
	s.CountryCode = strings.TrimPrefix(typed(f.country), "+")
	if h, err := callreport.ParseBusinessHours(typed(f.hours)); err == nil {
		s.BusinessHours = h
	} else {
		problems[f.hours] = settingsProblem(err)
	}
	if err := s.Validate(); err != nil {
		fl := map[string]*field{"callback-window": f.window, "ignore-shorter": f.ignore,
			"country-code": f.country, "business-hours": f.hours}[inputField(err)]
		if fl == nil {
			fl = f.hours
		}
		if problems[fl] == "" {
			problems[fl] = settingsProblem(err)
		}
	}
	return s, problems
}

// typed is an entry's text trimmed, with full-width digits and signs (as a Chinese
// input method may type them) made plain.
func typed(f *field) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		if r == 0x3000 {
			return ' '
		}
		return r
	}, f.entry.Text))
}

// ShowSettings opens the settings form over w, holding s. Save is enabled only while
// every field is valid and calls onSave with the settings typed; Cancel keeps s.
func ShowSettings(w fyne.Window, s callreport.Settings, onSave func(callreport.Settings)) {
	f := NewSettingsForm(s)
	d := dialog.NewCustomWithoutButtons(i18n.L("Report settings"), f.Widget(), w)
	save := widget.NewButtonWithIcon(i18n.L("Save"), theme.ConfirmIcon(), func() {
		if set, ok := f.Settings(); ok {
			d.Hide()
			onSave(set)
		}
	})
	save.Importance = widget.HighImportance
	if !f.valid {
		save.Disable()
	}
	f.OnValidChanged = func(valid bool) {
		if valid {
			save.Enable()
		} else {
			save.Disable()
		}
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(i18n.L("Cancel"), theme.CancelIcon(), d.Hide), save})
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
}

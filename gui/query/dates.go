package query

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/period"
)

// Times of day the fields start with: whole days, as people ask for them.
const (
	startOfDay = "00:00:00"
	endOfDay   = "23:59:59"
)

// rangeInputs are the date fields: a preset (今天, 上月, …) or a custom from/to, each a
// date and a time of day. The presets are buttons, one tap away rather than inside a
// drop-down; the one shown is highlighted.
type rangeInputs struct {
	presets  []*widget.Button // one per period.Presets name, in that order
	fromDate *DateField
	fromTime *widget.Entry
	toDate   *DateField
	toTime   *widget.Entry

	now     func() time.Time
	current string // the preset shown (a period.Presets name), "" when custom
	filling bool   // set while the program fills the fields

	onEdit func() // called after any change
}

func newRangeInputs(now func() time.Time, onEdit, onSubmit func()) *rangeInputs {
	r := &rangeInputs{now: now, onEdit: onEdit}
	for _, name := range period.Presets {
		r.presets = append(r.presets, widget.NewButton(presetLabel(name), func() { r.choose(name) }))
	}
	submit := func(string) { onSubmit() }
	r.fromDate, r.toDate = NewDateField(now), NewDateField(now)
	r.fromTime, r.toTime = newClockEntry(), newClockEntry()
	for _, d := range []*DateField{r.fromDate, r.toDate} {
		d.OnChanged, d.OnSubmitted = r.typed, submit
	}
	for _, e := range []*widget.Entry{r.fromTime, r.toTime} {
		e.OnChanged, e.OnSubmitted = r.typed, submit
	}
	return r
}

// newClockEntry is a time-of-day field, wide enough for 23:59:59.
func newClockEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(startOfDay)
	return e
}

// clockWidth is the width a time-of-day field needs.
func clockWidth() float32 {
	th := theme.Current()
	text := fyne.MeasureText("00:00:00", th.Size(theme.SizeNameText), fyne.TextStyle{})
	return text.Width + 4*th.Size(theme.SizeNameInnerPadding)
}

// choose shows a preset and fills the fields with its range as of now.
func (r *rangeInputs) choose(name string) {
	rg, err := period.Preset(name, r.now())
	if err != nil {
		return
	}
	r.current = name
	r.fill(rg.From, rg.To)
	r.markPreset()
	r.onEdit()
}

// renew recomputes the preset shown, so that "Today" chosen yesterday means today.
func (r *rangeInputs) renew() {
	if r.current != "" {
		r.choose(r.current)
	}
}

// setCustom shows a custom range: dates and times as "yyyy-mm-dd HH:MM:SS" texts.
func (r *rangeInputs) setCustom(from, to string) {
	r.current = ""
	r.markPreset()
	r.filling = true
	fd, ft := splitDateTime(from, startOfDay)
	td, tt := splitDateTime(to, endOfDay)
	r.fromDate.SetText(fd)
	r.fromTime.SetText(ft)
	r.toDate.SetText(td)
	r.toTime.SetText(tt)
	r.filling = false
	r.onEdit()
}

// splitDateTime splits "2026-05-18 08:30:00" at the space; a date alone gets clock.
func splitDateTime(s, clock string) (date, tod string) {
	date, tod, found := strings.Cut(strings.TrimSpace(s), " ")
	if !found {
		return date, clock
	}
	return date, strings.TrimSpace(tod)
}

// fill writes from and to into the fields.
func (r *rangeInputs) fill(from, to time.Time) {
	r.filling = true
	r.fromDate.SetDate(from)
	r.fromTime.SetText(from.Format(period.ClockLayout))
	r.toDate.SetDate(to)
	r.toTime.SetText(to.Format(period.ClockLayout))
	r.filling = false
}

// typed is any field edited by the user: the range is custom from now on.
func (r *rangeInputs) typed(string) {
	if r.filling {
		return
	}
	if r.current != "" {
		r.current = ""
		r.markPreset()
	}
	r.onEdit()
}

// markPreset highlights the button of the preset shown, none for a custom range.
func (r *rangeInputs) markPreset() {
	for i, b := range r.presets {
		imp := widget.MediumImportance
		if period.Presets[i] == r.current {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// presetGrid lays the presets out three to a row, with less padding than other
// buttons, so that they fit the query side of the smallest window in every language.
func (r *rangeInputs) presetGrid() fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.presets))
	for i, b := range r.presets {
		objs[i] = b
	}
	return container.NewThemeOverride(container.NewGridWithColumns(presetColumns, objs...), newCompactTheme())
}

// presetColumns is how many preset buttons share a row.
const presetColumns = 3

// texts returns "yyyy-mm-dd HH:MM:SS" for each end, as typed.
func (r *rangeInputs) texts() (from, to string) {
	join := func(d *DateField, t *widget.Entry) string {
		return strings.TrimSpace(strings.TrimSpace(d.Text()) + " " + strings.TrimSpace(t.Text))
	}
	return join(r.fromDate, r.fromTime), join(r.toDate, r.toTime)
}

// presetLabel is a preset's name in the user's language.
func presetLabel(name string) string {
	switch name {
	case period.Today:
		return i18n.L("Today")
	case period.Yesterday:
		return i18n.L("Yesterday")
	case period.ThisWeek:
		return i18n.L("This week")
	case period.LastWeek:
		return i18n.L("Last week")
	case period.ThisMonth:
		return i18n.L("This month")
	case period.LastMonth:
		return i18n.L("Last month")
	case period.Last7Days:
		return i18n.L("Last 7 days")
	case period.Last30Days:
		return i18n.L("Last 30 days")
	}
	return name
}

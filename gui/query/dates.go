package query

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
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
// date and a time of day.
type rangeInputs struct {
	preset   *widget.Select
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
	labels := make([]string, len(period.Presets))
	for i, name := range period.Presets {
		labels[i] = presetLabel(name)
	}
	r.preset = widget.NewSelect(labels, func(label string) {
		if i := slices.Index(labels, label); i >= 0 && !r.filling {
			r.choose(period.Presets[i])
		}
	})
	r.preset.PlaceHolder = i18n.L("Custom range")
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
	r.filling = true
	r.preset.SetSelectedIndex(slices.Index(period.Presets, name))
	r.filling = false
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
	r.filling = true
	r.preset.ClearSelected()
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
		r.filling = true
		r.preset.ClearSelected()
		r.filling = false
	}
	r.onEdit()
}

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

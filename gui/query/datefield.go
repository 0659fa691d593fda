package query

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/period"
)

// DateField is a date input for people who write dates as 2026-05-18: an entry that
// shows and reads yyyy-mm-dd (see period.ParseDate) and a button that opens a calendar in the
// user's language. Picking a day fills the entry and closes the calendar.
type DateField struct {
	widget.BaseWidget

	// OnChanged is called with the new text whenever it changes: typed, picked or set.
	OnChanged func(text string)
	// OnSubmitted is called when Enter is pressed in the entry.
	OnSubmitted func(text string)

	now   func() time.Time
	entry *widget.Entry
	open  *widget.Button
	popup *widget.PopUp
	cal   *calendar // the calendar last opened, for tests
}

// NewDateField returns an empty date field; now tells it which day is today.
func NewDateField(now func() time.Time) *DateField {
	d := &DateField{now: now, entry: widget.NewEntry()}
	d.entry.SetPlaceHolder(i18n.L("yyyy-mm-dd"))
	d.entry.OnChanged = func(s string) {
		if d.OnChanged != nil {
			d.OnChanged(s)
		}
	}
	d.entry.OnSubmitted = func(s string) {
		if d.OnSubmitted != nil {
			d.OnSubmitted(s)
		}
	}
	d.open = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.ShowCalendar)
	d.ExtendBaseWidget(d)
	return d
}

// Text returns the entry's text as typed.
func (d *DateField) Text() string { return d.entry.Text }

// SetText replaces the entry's text.
func (d *DateField) SetText(s string) { d.entry.SetText(s) }

// Date returns the date typed, at midnight in loc.
func (d *DateField) Date(loc *time.Location) (time.Time, error) {
	return period.ParseDate(d.entry.Text, loc)
}

// SetDate shows day as yyyy-mm-dd.
func (d *DateField) SetDate(day time.Time) { d.entry.SetText(day.Format(period.DateLayout)) }

// ShowCalendar opens the calendar under the field, at the month of the date typed, or
// of today when the text is not a date.
func (d *DateField) ShowCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	today := d.now()
	chosen, err := d.Date(today.Location())
	if err != nil {
		chosen = time.Time{}
	}
	d.cal = newCalendar(chosen, today, d.pick)
	d.popup = widget.NewPopUp(d.cal.content, c)
	d.popup.ShowAtRelativePosition(fyne.NewPos(0, d.Size().Height), d)
}

// pick fills the entry with day and closes the calendar.
func (d *DateField) pick(day time.Time) {
	if d.popup != nil {
		d.popup.Hide()
		d.popup = nil
	}
	d.SetDate(day)
}

// CreateRenderer lays the entry out with the calendar button on its right.
func (d *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, d.open, withMin(d.entry, dateWidth(), 0)))
}

// dateWidth is wide enough to show 2026-11-28 without clipping.
func dateWidth() float32 {
	th := theme.Current()
	text := fyne.MeasureText("0000-00-00", th.Size(theme.SizeNameText), fyne.TextStyle{})
	return text.Width + 4*th.Size(theme.SizeNameInnerPadding)
}

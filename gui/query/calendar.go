package query

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// calendar is the month view the date field pops up. It is cdrdesk's own rather than
// Fyne's widget.Calendar, which names months in English whatever the language: here the
// heading reads 2026年11月 in Chinese, weeks start on Monday and today stands out.
type calendar struct {
	month  time.Time // first day of the month shown
	chosen time.Time // the field's date (zero if none), marked when in view
	today  time.Time
	onPick func(day time.Time)

	heading *widget.Label
	days    *fyne.Container // 7 columns: the weekday names, then the month's days
	content fyne.CanvasObject
}

// newCalendar shows the month of chosen, or of today when chosen is zero.
func newCalendar(chosen, today time.Time, onPick func(day time.Time)) *calendar {
	c := &calendar{chosen: chosen, today: today, onPick: onPick}
	c.heading = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.days = container.NewGridWithColumns(7)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.show(c.month.AddDate(0, -1, 0)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.show(c.month.AddDate(0, 1, 0)) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	c.content = container.NewBorder(container.NewBorder(nil, nil, prev, next, c.heading), nil, nil, nil, c.days)
	shown := today
	if !chosen.IsZero() {
		shown = chosen
	}
	c.show(shown)
	return c
}

// show turns the calendar to the month of day.
func (c *calendar) show(day time.Time) {
	c.month = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, day.Location())
	c.heading.SetText(monthHeading(c.month.Year(), c.month.Month()))

	cells := make([]fyne.CanvasObject, 0, 7*7)
	for _, name := range weekdayNames() {
		cells = append(cells, widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	blanks := (int(c.month.Weekday()) + 6) % 7 // Monday-first
	for range blanks {
		cells = append(cells, widget.NewLabel(""))
	}
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		cells = append(cells, c.dayButton(d))
	}
	c.days.Objects = cells
	c.days.Refresh()
}

// dayButton is one day: today in the primary colour, the field's date filled, others flat.
func (c *calendar) dayButton(d time.Time) *widget.Button {
	b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.onPick(d) })
	b.Importance = widget.LowImportance
	switch {
	case sameDay(d, c.today):
		b.Importance = widget.HighImportance
	case sameDay(d, c.chosen):
		b.Importance = widget.MediumImportance
	}
	return b
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// monthHeading names a month as the user's language does: "November 2026", "2026年11月".
func monthHeading(year int, m time.Month) string {
	return i18n.L("{{.Month}} {{.Year}}", map[string]any{"Month": monthName(m), "Year": strconv.Itoa(year)})
}

// monthName is written out month by month so that the translation check sees each one.
func monthName(m time.Month) string {
	switch m {
	case time.January:
		return i18n.L("January")
	case time.February:
		return i18n.L("February")
	case time.March:
		return i18n.L("March")
	case time.April:
		return i18n.L("April")
	case time.May:
		return i18n.L("May")
	case time.June:
		return i18n.L("June")
	case time.July:
		return i18n.L("July")
	case time.August:
		return i18n.L("August")
	case time.September:
		return i18n.L("September")
	case time.October:
		return i18n.L("October")
	case time.November:
		return i18n.L("November")
	}
	return i18n.L("December")
}

// weekdayNames are the column headings, Monday first as calendars in China have them.
func weekdayNames() []string {
	return []string{i18n.L("Mon"), i18n.L("Tue"), i18n.L("Wed"), i18n.L("Thu"), i18n.L("Fri"), i18n.L("Sat"), i18n.L("Sun")}
}

package reports

import (
	"fyne.io/fyne/v2"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// Days is the "By day" view: one line per PBX date from the first call to the last,
// quiet days included, with the calls, answered, missed, not returned, talk time, and
// the calls in and after business hours. The summary line has the totals.
type Days struct {
	sheet   *sheet
	days    []callreport.Day
	seconds bool
}

// NewDays makes an empty By day view.
func NewDays() *Days {
	d := &Days{}
	names := WeekdayNames()
	cols := []column{
		{title: i18n.L("Date"), text: func(row int) string { return formatDate(d.days[row].Date) }},
		{title: i18n.L("Weekday"), text: func(row int) string { return names[d.days[row].Date.Weekday()] },
			samples: names[:]},
	}
	cols = append(cols, tallyColumns(func(row int) *callreport.Tally { return &d.days[row].Tally }, &d.seconds)...)
	d.sheet = newSheet(cols)
	return d
}

// Widget implements View.
func (d *Days) Widget() fyne.CanvasObject { return d.sheet.box }

// Show implements View.
func (d *Days) Show(_ *callreport.Calls, r *callreport.Report) {
	d.days = nil
	empty := ""
	if r != nil {
		d.days = r.Days
		empty = i18n.L("No calls in this range")
	}
	d.sheet.setRows(len(d.days), empty)
}

// SetSeconds implements View.
func (d *Days) SetSeconds(seconds bool) {
	d.seconds = seconds
	d.sheet.fit()
	d.sheet.table.Refresh()
}

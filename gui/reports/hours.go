package reports

import (
	"fmt"

	"fyne.io/fyne/v2"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// Hours is the "By hour" view: one line per hour of the day (PBX time), 00:00–01:00
// to 23:00–24:00, with the figures of By day. (The weekday × hour heat map is a chart
// placed beside it.)
type Hours struct {
	sheet   *sheet
	hours   *[24]callreport.Tally // nil when cleared
	seconds bool
}

// NewHours makes an empty By hour view.
func NewHours() *Hours {
	h := &Hours{}
	cols := []column{{title: i18n.L("Hour"), text: hourText, samples: []string{hourText(23)}}}
	cols = append(cols, tallyColumns(func(row int) *callreport.Tally { return &h.hours[row] }, &h.seconds)...)
	h.sheet = newSheet(cols)
	return h
}

// hourText names an hour of the day as the span it covers: "09:00–10:00".
func hourText(hour int) string { return fmt.Sprintf("%02d:00–%02d:00", hour, hour+1) }

// Widget implements View.
func (h *Hours) Widget() fyne.CanvasObject { return h.sheet.box }

// Show implements View.
func (h *Hours) Show(_ *callreport.Calls, r *callreport.Report) {
	h.hours = nil
	rows, empty := 0, ""
	if r != nil {
		h.hours = &r.Hours
		empty = i18n.L("No calls in this range")
		if len(r.Calls) > 0 {
			rows = len(r.Hours)
		}
	}
	h.sheet.setRows(rows, empty)
}

// SetSeconds implements View.
func (h *Hours) SetSeconds(seconds bool) {
	h.seconds = seconds
	h.sheet.fit()
	h.sheet.table.Refresh()
}

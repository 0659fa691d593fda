package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// summaryStrip sums up the calls shown in one line. It counts calls, not records: a
// ring-group call writes a record per phone that rang, and counting those would show
// a call Anna answered as missed by her colleagues.
type summaryStrip struct {
	text *widget.Label
	box  fyne.CanvasObject
}

func newSummaryStrip() *summaryStrip {
	s := &summaryStrip{text: widget.NewLabel("")}
	s.text.Truncation = fyne.TextTruncateEllipsis
	s.box = s.text
	return s
}

// show displays the summary of rep; nil (no figures yet) shows nothing.
func (s *summaryStrip) show(rep *callreport.Report) {
	if rep == nil {
		s.clear()
		return
	}
	sum := rep.Summary
	s.text.SetText(summaryText(sum))
}

// summaryText is the one line of figures: "2,830 calls (3,764 records) · 2,301 answered ·
// 412 missed · 37 not returned · talk time 151:12:09 · average 0:03:56". It names both
// counts, so that nobody takes the grid's records for calls.
func summaryText(sum callreport.Summary) string {
	return i18n.L("{{.Calls}} calls ({{.Records}} records) · {{.Answered}} answered · {{.Missed}} missed · {{.NotReturned}} not returned · talk time {{.Talk}} · average {{.Average}}", map[string]any{
		"Calls":       i18n.Count(sum.All.Calls),
		"Records":     i18n.Count(sum.Legs),
		"Answered":    i18n.Count(sum.All.Answered),
		"Missed":      i18n.Count(sum.All.Missed),
		"NotReturned": i18n.Count(sum.All.NotReturned),
		"Talk":        cdrclient.FormatDuration(int(sum.All.TalkSeconds)),
		"Average":     cdrclient.FormatDuration(sum.All.AverageTalk()),
	})
}

// clear shows nothing, while a summary is being made.
func (s *summaryStrip) clear() { s.text.SetText("") }

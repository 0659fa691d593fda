package results

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/records"
)

// summaryStrip sums up the records shown in one line, with an expandable table of
// calls per extension.
type summaryStrip struct {
	text    *widget.Label
	byExt   []records.ExtensionSummary
	table   *widget.Table
	headers []string
	box     fyne.CanvasObject
}

// byExtensionHeight is how tall the per-extension table is when expanded.
const byExtensionHeight = 180

func newSummaryStrip() *summaryStrip {
	s := &summaryStrip{
		text:    widget.NewLabel(""),
		headers: []string{i18n.L("Extension"), i18n.L("Name"), i18n.L("Calls"), i18n.L("Answered"), i18n.L("Talk time")},
	}
	s.text.Truncation = fyne.TextTruncateEllipsis
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.byExt), len(s.headers) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = s.updateHeader
	for i, w := range []float32{90, 180, 80, 80, 100} {
		s.table.SetColumnWidth(i, w)
	}
	room := canvas.NewRectangle(color.Transparent) // holds the table open to a useful height
	room.SetMinSize(fyne.NewSize(0, byExtensionHeight))
	item := widget.NewAccordionItem(i18n.L("By extension"), container.NewStack(room, s.table))
	s.box = container.NewVBox(s.text, widget.NewAccordion(item))
	return s
}

// show displays sum.
func (s *summaryStrip) show(sum records.Summary) {
	s.text.SetText(i18n.L("{{.Records}} calls · {{.Answered}} answered · {{.Missed}} missed · talk time {{.Talk}} · average {{.Average}}", map[string]any{
		"Records":  formatCount(sum.Records),
		"Answered": formatCount(sum.Answered),
		"Missed":   formatCount(sum.Missed),
		"Talk":     cdrclient.FormatDuration(int(sum.TalkSeconds)),
		"Average":  cdrclient.FormatDuration(sum.AverageTalk),
	}))
	s.byExt = sum.ByExtension
	s.table.Refresh()
}

// clear shows nothing, while a summary is being made.
func (s *summaryStrip) clear() {
	s.text.SetText("")
	s.byExt = nil
	s.table.Refresh()
}

func (s *summaryStrip) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col >= 0 && id.Col < len(s.headers) {
		l.SetText(s.headers[id.Col])
	}
}

func (s *summaryStrip) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= len(s.byExt) {
		return
	}
	e := s.byExt[id.Row]
	var text string
	switch id.Col {
	case 0:
		text = e.Number
	case 1:
		text = e.Name
	case 2:
		text = strconv.Itoa(e.Calls)
	case 3:
		text = strconv.Itoa(e.Answered)
	case 4:
		text = cdrclient.FormatDuration(int(e.TalkSeconds))
	}
	o.(*widget.Label).SetText(text)
}

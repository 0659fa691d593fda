package workbook

import (
	"github.com/xuri/excelize/v2"

	"cdrdesk/internal/callreport"
)

// Rows of the Summary sheet's key figures; the chart reads the answered, missed and
// not-returned rows of the "All calls" column.
const (
	figuresHeaderRow = 12
	figuresFirstRow  = figuresHeaderRow + 1
	answeredRow      = figuresFirstRow + 1
	notReturnedRow   = figuresFirstRow + 3
)

var figureColumns = []string{"Figure", "All calls", "Inbound", "Outbound", "In business hours", "After hours"}

// summary writes the Summary sheet: the query, the settings, the key figures (all
// calls, by direction, in and after business hours), the other counts, the note on
// call-backs after the range, and a chart of answered, missed and not returned.
func (b *book) summary() error {
	name := b.name(sheetSummary)
	sw, err := b.newSheet(name, b.widthsFor(figureColumns, []float64{30, 14, 14, 14, 14, 14}), 0)
	if err != nil {
		return err
	}
	s := b.in.Report.Summary
	set := b.in.Calls.Settings()
	q := b.in.Query
	label := func(l string) any { return excelize.Cell{StyleID: b.styles.header, Value: b.tr(l)} }
	rows := map[int][]any{
		1:  {excelize.Cell{StyleID: b.styles.title, Value: b.tr("Call report")}},
		3:  {label("PBX"), text(q.PBX)},
		4:  {label("Extensions"), text(q.Extensions)},
		5:  {label("From"), b.dateTime(q.From)},
		6:  {label("To"), b.dateTime(q.To)},
		7:  {label("Country code"), text(set.CountryCode)},
		8:  {label("Call-back window"), b.seconds(int64(set.CallbackWindow.Seconds()))},
		9:  {label("Ignore rings shorter than"), b.seconds(int64(set.IgnoreShorter.Seconds()))},
		10: {label("Business hours"), text(set.BusinessHours.String())},
	}
	rows[figuresHeaderRow] = b.headerRow(figureColumns)
	parts := []callreport.Figures{s.All, s.Inbound, s.Outbound, s.InHours, s.AfterHours}
	for i, fig := range []struct {
		label string
		value func(callreport.Figures) any
	}{
		{"Calls", func(f callreport.Figures) any { return f.Calls }},
		{"Answered", func(f callreport.Figures) any { return f.Answered }},
		{"Missed", func(f callreport.Figures) any { return f.Missed }},
		{"Not returned", func(f callreport.Figures) any { return f.NotReturned }},
		{"Talk time", func(f callreport.Figures) any { return b.seconds(f.TalkSeconds) }},
		{"Average talk", func(f callreport.Figures) any { return b.seconds(int64(f.AverageTalk())) }},
	} {
		row := []any{label(fig.label)}
		for _, p := range parts {
			row = append(row, fig.value(p))
		}
		rows[figuresFirstRow+i] = row
	}
	next := figuresFirstRow + 7
	for _, c := range []struct {
		label string
		n     int
	}{
		{"Records", s.Legs},
		{"Returned", s.Returned},
		{"Tried, not reached", s.Tried},
		{"Ignored as too short", s.Short},
		{"Internal calls", s.Internal},
		{"Other calls", s.Other},
		{"Calls without a time", s.Untimed},
	} {
		rows[next] = []any{label(c.label), c.n}
		next++
	}
	rows[next+1] = []any{b.in.Translate("Call-backs after the end of the range ({{.End}}) are not seen: {{.Open}} of the missed calls not returned may still have been returned.",
		map[string]any{"End": s.End.Format("2006-01-02 15:04:05"), "Open": s.Open})}
	for r := 1; r <= next+1; r++ {
		if row, ok := rows[r]; ok {
			if err := sw.SetRow(cellName(1, r), row); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return b.f.AddChart(name, "H3", &excelize.Chart{
		Type:   excelize.Col,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.tr("Answered, missed, not returned")}}},
		Legend: excelize.ChartLegend{Position: "none"},
		Series: []excelize.ChartSeries{{
			Name:       ref(name, 2, figuresHeaderRow, 2, figuresHeaderRow),
			Categories: ref(name, 1, answeredRow, 1, notReturnedRow),
			Values:     ref(name, 2, answeredRow, 2, notReturnedRow),
		}},
		Dimension: excelize.ChartDimension{Width: 480, Height: 290},
	})
}

package workbook

import "github.com/xuri/excelize/v2"

var dayColumns = []string{"Date", "Calls", "Answered", "Missed", "Not returned", "Talk time", "Average talk",
	"In business hours", "After hours"}

// days writes the By day sheet, every day of the range's calls (quiet days
// included), with a chart of the calls per day, answered and missed stacked.
func (b *book) days() error {
	name := b.name(sheetDays)
	sw, err := b.newSheet(name, b.widthsFor(dayColumns, []float64{12}), 1)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", b.headerRow(dayColumns)); err != nil {
		return err
	}
	days := b.in.Report.Days
	for i, d := range days {
		a := d.All
		if err := sw.SetRow(cellName(1, i+2), []any{
			b.date(d.Date), a.Calls, a.Answered, a.Missed, a.NotReturned,
			b.seconds(a.TalkSeconds), b.seconds(int64(a.AverageTalk())), d.InHours.Calls, d.AfterHours.Calls,
		}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if len(days) == 0 {
		return nil // nothing to draw; an empty series would make Excel repair the file
	}
	last := len(days) + 1
	series := func(col int) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       ref(name, col, 1, col, 1),
			Categories: ref(name, 1, 2, 1, last),
			Values:     ref(name, col, 2, col, last),
		}
	}
	return b.f.AddChart(name, cellName(len(dayColumns)+2, 2), &excelize.Chart{
		Type:      excelize.ColStacked,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.tr("Calls per day")}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Series:    []excelize.ChartSeries{series(3), series(4)},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320},
	})
}

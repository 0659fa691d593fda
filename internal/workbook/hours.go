package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"cdrdesk/internal/callreport"
)

var hourColumns = []string{"Hour", "Calls", "Answered", "Missed", "Not returned", "Talk time", "Average talk"}

// weekRow is the first row of the weekday × hour table, under the hours of day.
const weekRow = 24 + 3

// hours writes the By hour sheet: the 24 hours of the day, then calls by weekday and
// hour.
func (b *book) hours() error {
	name := b.name(sheetHours)
	widths := b.widthsFor(hourColumns, []float64{12})
	for len(widths) < 25 {
		widths = append(widths, 7)
	}
	sw, err := b.newSheet(name, widths, 1)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", b.headerRow(hourColumns)); err != nil {
		return err
	}
	rep := b.in.Report
	for h, t := range rep.Hours {
		a := t.All
		if err := sw.SetRow(cellName(1, h+2), []any{
			fmt.Sprintf("%02d:00", h), a.Calls, a.Answered, a.Missed, a.NotReturned,
			b.seconds(a.TalkSeconds), b.seconds(int64(a.AverageTalk())),
		}); err != nil {
			return err
		}
	}
	if err := sw.SetRow(cellName(1, weekRow), []any{excelize.Cell{StyleID: b.styles.header, Value: b.tr("Calls by weekday and hour")}}); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: b.styles.header, Value: b.tr("Weekday")}}
	for h := range 24 {
		head = append(head, excelize.Cell{StyleID: b.styles.header, Value: fmt.Sprintf("%02d", h)})
	}
	if err := sw.SetRow(cellName(1, weekRow+1), head); err != nil {
		return err
	}
	for i, d := range callreport.Week {
		row := []any{b.tr(d.String())}
		for h := range 24 {
			row = append(row, rep.WeekHours[d][h].All.Calls)
		}
		if err := sw.SetRow(cellName(1, weekRow+2+i), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

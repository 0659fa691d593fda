package workbook

var extensionColumns = []string{"Extension", "Name", "Rang", "Answered", "Answered by a colleague", "Missed",
	"Outgoing", "Outgoing answered", "Talk time", "Average talk"}

// extensions writes the By extension sheet, one line per extension, by number.
func (b *book) extensions() error {
	name := b.name(sheetExtensions)
	sw, err := b.newSheet(name, b.widthsFor(extensionColumns, []float64{12, 20}), 1)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", b.headerRow(extensionColumns)); err != nil {
		return err
	}
	for i, e := range b.in.Report.Extensions {
		if err := sw.SetRow(cellName(1, i+2), []any{
			text(e.Number), text(e.Name), e.Rang, e.Answered, e.AnsweredByColleague, e.Missed,
			e.Outgoing, e.AnsweredOutgoing, b.seconds(e.TalkSeconds), b.seconds(int64(e.AverageTalk())),
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

package workbook

import "strings"

var unreturnedColumns = []string{"Number", "Missed calls", "First missed", "Last missed", "Extensions that rang",
	"Call-back attempts", "Last attempt", "May be returned after the range"}

// unreturned writes the Missed not returned sheet: one line per caller, newest last
// missed call first, the number as the PBX wrote it.
func (b *book) unreturned() error {
	name := b.name(sheetUnreturned)
	sw, err := b.newSheet(name, b.widthsFor(unreturnedColumns, []float64{18, 0, 20, 20, 20, 0, 20}), 1)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", b.headerRow(unreturnedColumns)); err != nil {
		return err
	}
	yes := b.tr("Yes")
	for i, c := range b.in.Report.Unreturned {
		open := any(nil)
		if c.Open {
			open = yes
		}
		attempt := any(nil)
		if c.Attempts > 0 {
			attempt = b.dateTime(c.LastAttempt)
		}
		if err := sw.SetRow(cellName(1, i+2), []any{
			text(c.Number), c.Missed, b.dateTime(c.First), b.dateTime(c.Last),
			text(strings.Join(c.Extensions, ", ")), c.Attempts, attempt, open,
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

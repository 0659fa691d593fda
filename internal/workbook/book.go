package workbook

import (
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"cdrdesk/internal/report"
)

// The sheets' names, as keys of the translation.
const (
	sheetSummary    = "Summary"
	sheetExtensions = "By extension"
	sheetDays       = "By day"
	sheetHours      = "By hour"
	sheetUnreturned = "Missed not returned"
	sheetCalls      = "Call records"
)

// book is a workbook being written: the file, its styles and the input.
type book struct {
	f      *excelize.File
	in     Input
	styles styles
	sheets int // sheets made so far
}

// styles are the style ids of the report sheets' cells.
type styles struct {
	header, title, date, dateTime, duration int
}

func newBook(f *excelize.File, in Input) (*book, error) {
	b := &book{f: f, in: in}
	bold := &excelize.Font{Bold: true}
	date, dateTime, duration := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", "[h]:mm:ss"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&b.styles.header, excelize.Style{Font: bold}},
		{&b.styles.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.styles.date, excelize.Style{CustomNumFmt: &date}},
		{&b.styles.dateTime, excelize.Style{CustomNumFmt: &dateTime}},
		{&b.styles.duration, excelize.Style{CustomNumFmt: &duration}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return b, nil
}

// tr translates an English sentence of the sheets.
func (b *book) tr(english string) string { return b.in.Translate(english, nil) }

// name returns the translated name of a sheet, safe for Excel: at most 31
// characters and none of the ones a sheet name may not hold.
func (b *book) name(sheet string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]'`, r) {
			return ' '
		}
		return r
	}, b.tr(sheet))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// ref returns an absolute reference to cells of sheet, from (col1,row1) to
// (col2,row2), quoted for charts: 'By day'!$B$2:$B$31.
func ref(sheet string, col1, row1, col2, row2 int) string {
	a, _ := excelize.CoordinatesToCellName(col1, row1, true)
	z, _ := excelize.CoordinatesToCellName(col2, row2, true)
	return "'" + sheet + "'!" + a + ":" + z
}

// newSheet adds the next sheet (the workbook's first one is renamed) and returns a
// stream writer for it, its columns given their widths and its first freezeRows rows
// frozen (0: none).
func (b *book) newSheet(name string, widths []float64, freezeRows int) (*excelize.StreamWriter, error) {
	b.sheets++
	if b.sheets == 1 {
		if err := b.f.SetSheetName(b.f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	// Phone numbers and extensions are text on purpose: no "number stored as text"
	// warning. Set before streaming, which reads it when it starts.
	if err := b.f.AddIgnoredErrors(name, "A1:"+cellName(max(len(widths), 1), excelize.TotalRows), excelize.IgnoredErrorsNumberStoredAsText); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// Last column first: excelize puts each new width before the others.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
	}
	if freezeRows > 0 {
		top, _ := excelize.CoordinatesToCellName(1, freezeRows+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: freezeRows, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// headerRow returns the translated, bold labels of a table's header.
func (b *book) headerRow(labels []string) []any {
	row := make([]any, len(labels))
	for i, l := range labels {
		row[i] = excelize.Cell{StyleID: b.styles.header, Value: b.tr(l)}
	}
	return row
}

// widthsFor returns column widths fitting the translated labels and at least min.
func (b *book) widthsFor(labels []string, min []float64) []float64 {
	w := make([]float64, len(labels))
	for i, l := range labels {
		w[i] = float64(report.DisplayWidth(b.tr(l)) + 2)
		if i < len(min) && min[i] > w[i] {
			w[i] = min[i]
		}
	}
	return w
}

// seconds is a duration cell: a number of days shown as [h]:mm:ss, like the plain
// export's durations.
func (b *book) seconds(s int64) excelize.Cell {
	return excelize.Cell{StyleID: b.styles.duration, Value: float64(s) / secondsPerDay}
}

// dateTime is a PBX wall-clock time cell, or an empty cell for the zero time.
func (b *book) dateTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: b.styles.dateTime, Value: serial(t)}
}

// date is a day cell.
func (b *book) date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: b.styles.date, Value: serial(t)}
}

// text is a text cell: never read as a number, so phone numbers keep their "+" and
// leading zeros. Empty text is an empty cell.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const secondsPerDay = 86400

// excelEpoch is day 0 of Excel's 1900 date system.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial returns the Excel serial date of a wall-clock time, read as it is written
// (no time zone applied), the way the plain export writes timestart.
func serial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return float64(wall.Unix()-excelEpoch.Unix()) / secondsPerDay
}

// cellName returns the A1 name of a cell.
func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

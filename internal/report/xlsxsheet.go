package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxSheetNameLength is Excel's limit on a worksheet name, in UTF-16 units.
const maxSheetNameLength = 31

// xlsxStyles are the style ids a report uses.
type xlsxStyles struct {
	header, dateTime, duration int
}

func newXLSXStyles(f *excelize.File) (s xlsxStyles, err error) {
	dateTime, duration := "yyyy-mm-dd hh:mm:ss", "[h]:mm:ss"
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	if s.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateTime}); err != nil {
		return s, err
	}
	s.duration, err = f.NewStyle(&excelize.Style{CustomNumFmt: &duration})
	return s, err
}

// headerCells returns the bold header row, labels checked like any other text.
func (x *xlsxWriter) headerCells() ([]any, error) {
	cells := make([]any, len(x.cols))
	for i, name := range x.cols {
		v, err := textCell(x.opt.label(name), 0, name)
		if err != nil {
			return nil, err
		}
		cells[i] = excelize.Cell{StyleID: x.styles.header, Value: v}
	}
	return cells, nil
}

// startSheet creates the next worksheet and writes its header. What the stream
// writer cannot change once rows are written (widths, frozen pane) and what it
// reads from the sheet when it starts (ignored warnings) is set first.
func (x *xlsxWriter) startSheet() error {
	x.sheetCount++
	x.sheetName = sheetTitle(x.opt.SheetName, x.sheetCount)
	if err := x.createSheet(); err != nil {
		return err
	}
	lastCol := max(len(x.cols), 1)
	allCells := "A1:" + columnLetters(lastCol) + itoa(excelMaxRows)
	if err := x.file.AddIgnoredErrors(x.sheetName, allCells, excelize.IgnoredErrorsNumberStoredAsText); err != nil {
		return err
	}
	sw, err := x.file.NewStreamWriter(x.sheetName)
	if err != nil {
		return err
	}
	x.sheet, x.sheetRows = sw, 0
	// Last column first: excelize puts each new width before the others, and Excel
	// wants the <col> elements in ascending order.
	for i := len(x.cols) - 1; i >= 0; i-- {
		name := x.cols[i]
		if err := sw.SetColWidth(i+1, i+1, columnWidth(name, x.opt.label(name))); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	return x.writeRow(x.labels)
}

// createSheet renames the workbook's initial sheet for the first worksheet and
// adds the others.
func (x *xlsxWriter) createSheet() error {
	if strings.Contains(x.sheetName, "'") { // AutoFilter would write 'Li's CDR'!$A$1:... unescaped
		return errApostrophe
	}
	if x.sheetCount == 1 && !x.into {
		return x.file.SetSheetName(x.file.GetSheetName(0), x.sheetName)
	}
	_, err := x.file.NewSheet(x.sheetName)
	return err
}

// finishSheet puts the autofilter over the header and the rows written, then ends
// the stream. The filter's range is only known now; excelize keeps the sheet it
// streams open until Flush, so AutoFilter still reaches the sheet being written.
func (x *xlsxWriter) finishSheet() error {
	if len(x.cols) > 0 {
		ref := "A1:" + columnLetters(len(x.cols)) + itoa(x.sheetRows)
		if err := x.file.AutoFilter(x.sheetName, ref, nil); err != nil {
			return err
		}
	}
	return x.sheet.Flush()
}

// writeRow appends values as the next row of the current worksheet.
func (x *xlsxWriter) writeRow(values []any) error {
	x.sheetRows++
	return x.sheet.SetRow("A"+itoa(x.sheetRows), values)
}

// frozenHeader keeps row 1 in view while scrolling.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
}

// sheetTitle names worksheet n of a report: base, then "base (2)", "base (3)", ...
// base is shortened when the suffix would pass Excel's 31-character limit.
func sheetTitle(base string, n int) string {
	if n == 1 {
		return base
	}
	suffix := " (" + itoa(n) + ")"
	for utf16Units(base)+len(suffix) > maxSheetNameLength {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	return base + suffix
}

// utf16Units counts s in UTF-16 units, the way Excel counts characters.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// columnLetters returns the letters of column n (1 = "A").
func columnLetters(n int) string {
	name, _ := excelize.ColumnNumberToName(n) // n is at most the header's width, checked by the stream writer
	return name
}

func itoa(n int) string { return strconv.Itoa(n) }

package report

import "fmt"

// ExcelMaxCellChars is Excel's limit on the text of one cell, in UTF-16 units.
const ExcelMaxCellChars = 32767

// CellTooLongError reports a value longer than an Excel cell can hold. The XLSX
// writer refuses it rather than cut call data short.
type CellTooLongError struct {
	Row    int    // the record's number, counting from 1; 0 is the header row
	Column string // the column's name, or "column N" past the header
	Length int    // the value's length in UTF-16 units, as Excel counts
}

// Error says which cell is too long and what Excel allows.
func (e *CellTooLongError) Error() string {
	where := fmt.Sprintf("row %d", e.Row)
	if e.Row == 0 {
		where = "the header row"
	}
	return fmt.Sprintf("report: %s, column %q, holds %d characters; an Excel cell holds at most %d",
		where, e.Column, e.Length, ExcelMaxCellChars)
}

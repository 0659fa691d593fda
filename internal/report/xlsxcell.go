package report

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

const (
	// timestartLayout is how the PBX writes timestart: its local time, no zone.
	timestartLayout = "2006-01-02 15:04:05"
	secondsPerDay   = 86400
)

var (
	// excelEpoch is day 0 of Excel's 1900 date system (1899-12-30, which makes
	// 1900-03-01 day 61 despite Lotus's phantom 1900-02-29).
	excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	// firstExactDay is the first day whose serial number means the same thing in
	// Excel and in the calendar; earlier dates are written as text.
	firstExactDay = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)
)

// excelDateTime converts a timestart value into an Excel serial date. The wall-clock
// reading is parsed as if it were UTC and only differences between UTC times are
// taken, so no time zone (neither the PBX's nor this computer's) shifts it: the cell
// shows exactly the digits the PBX wrote. ok is false for anything that is not
// "yyyy-mm-dd hh:mm:ss" or lies before 1900-03-01.
func excelDateTime(s string) (serial float64, ok bool) {
	t, err := time.Parse(timestartLayout, s)
	if err != nil || t.Before(firstExactDay) {
		return 0, false
	}
	return float64(t.Unix()-excelEpoch.Unix()) / secondsPerDay, true // Unix, not Sub: a Duration ends in 2262
}

// xmlText returns s with every character XML 1.0 cannot carry (control characters
// other than TAB, LF and CR; U+FFFE, U+FFFF; invalid UTF-8) replaced by U+FFFD, so
// a stray byte in a trunk name cannot make the workbook unreadable.
func xmlText(s string) string {
	if xmlClean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return utf8.RuneError
		}
		return r // invalid UTF-8 arrives here as utf8.RuneError already
	}, s)
}

// xmlClean is the fast check that xmlText has nothing to replace.
func xmlClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return false
		}
	}
	return utf8.ValidString(s)
}

// textCell returns the value for a text cell: nil (no cell) when empty, else the
// string, cleaned for XML. A string cell is never read as a number or a formula,
// so no neutralisation is needed. row and column only name the cell in an error.
func textCell(s string, row int, column string) (any, error) {
	if s == "" {
		return nil, nil
	}
	s = xmlText(s)
	if len(s) > ExcelMaxCellChars { // never more UTF-16 units than bytes: count only when it may matter
		if n := utf16Units(s); n > ExcelMaxCellChars {
			return nil, &CellTooLongError{Row: row, Column: column, Length: n}
		}
	}
	return s, nil
}

// cellValue returns the value written for field f of a column of the given kind.
func (x *xlsxWriter) cellValue(kind columnKind, f string, row int, column string) (any, error) {
	switch kind {
	case durationColumn:
		if secs, ok := parseSeconds(f); ok {
			if x.opt.DurationsAsSeconds {
				return int64(secs), nil
			}
			return excelize.Cell{StyleID: x.styles.duration, Value: float64(secs) / secondsPerDay}, nil
		}
	case timeColumn:
		if serial, ok := excelDateTime(f); ok {
			return excelize.Cell{StyleID: x.styles.dateTime, Value: serial}, nil
		}
	}
	return textCell(f, row, column)
}

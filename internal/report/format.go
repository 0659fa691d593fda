package report

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is a report file format.
type Format int

const (
	// CSV is the PBX's CSV exactly as sent. The caller writes it from the raw
	// downloaded bytes; this package has no writer for it.
	CSV Format = iota
	// ExcelCSV is CSV for Excel: UTF-8 with a BOM, CRLF line ends, durations as
	// h:mm:ss and formula-like cells neutralised (see [NewExcelCSV]).
	ExcelCSV
	// XLSX is an Excel workbook (see [NewXLSX]).
	XLSX
)

// formatNames are the command-line names, indexed by Format.
var formatNames = [...]string{CSV: "csv", ExcelCSV: "excel-csv", XLSX: "xlsx"}

// ParseFormat returns the format called s ("csv", "excel-csv" or "xlsx", in any
// letter case). The error for any other name lists the valid ones.
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Format(f), nil
		}
	}
	return CSV, fmt.Errorf("unknown report format %q: use one of %s", s, strings.Join(formatNames[:], ", "))
}

// FormatForPath returns the format a file name asks for: XLSX for a ".xlsx"
// extension (any letter case), CSV for ".csv" and everything else, including "-"
// (standard output). ExcelCSV is never guessed: it shares the ".csv" extension and
// must be asked for.
func FormatForPath(path string) Format {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return XLSX
	}
	return CSV
}

// String returns the command-line name of f: "csv", "excel-csv" or "xlsx".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext returns the file extension for f, with its dot: ".xlsx" for XLSX, ".csv"
// otherwise.
func (f Format) Ext() string {
	if f == XLSX {
		return ".xlsx"
	}
	return ".csv"
}

package report

import (
	"errors"
	"io"
)

// Writer receives a report row by row: Header once, then any number of Rows, then
// Close, which finishes the file. Nothing is complete before Close, and Close must be
// called even after an error, because it releases temporary files.
//
// Header and Row match the row handler of a streaming CSV parser, so a parser can
// feed a Writer directly. The slices passed in may be reused by the caller as soon as
// the call returns. After any error the Writer is spent: later calls return the same
// error and Close writes nothing more.
type Writer interface {
	// Header receives the column names, as the PBX spells them.
	Header(cols []string) error
	// Row receives one record's fields, in header order. A row may be shorter or
	// longer than the header; extra fields are written as text.
	Row(fields []string) error
	// Close finishes the report and releases what the Writer holds. It does not
	// close the io.Writer given to the constructor.
	Close() error
}

// Options choose how a report is shown. The zero value is the default.
type Options struct {
	// DurationsAsSeconds writes callduraction and talkduraction as whole seconds
	// instead of h:mm:ss.
	DurationsAsSeconds bool
	// SheetName names the first worksheet of an XLSX report; "" means "CDR".
	// Further sheets, needed past Excel's row limit, are named "CDR (2)", ...
	// It must be a valid Excel sheet name (at most 31 characters, none of
	// : \ / ? * [ ]) and may not contain an apostrophe, which the workbook's
	// filter range could not quote.
	SheetName string
	// HeaderLabels gives the text shown in the header row for a column name (for
	// example a translation). Columns not in the map show their name as-is.
	HeaderLabels map[string]string
}

// defaultSheetName names the first worksheet when Options.SheetName is empty.
const defaultSheetName = "CDR"

// label returns the header text for column name.
func (o Options) label(name string) string {
	if l, ok := o.HeaderLabels[name]; ok {
		return l
	}
	return name
}

var (
	errHeaderTwice = errors.New("report: Header called twice")
	errNoHeader    = errors.New("report: Row called before Header")
	errClosed      = errors.New("report: writer already closed")
	errApostrophe  = errors.New("report: a sheet name may not contain an apostrophe")
)

// New returns the Writer of an Excel-friendly format: XLSX gives NewXLSX, anything else
// NewExcelCSV. The PBX's own CSV (format CSV) is not written row by row: callers copy
// its raw bytes instead.
func New(f Format, w io.Writer, opt Options) Writer {
	if f == XLSX {
		return NewXLSX(w, opt)
	}
	return NewExcelCSV(w, opt)
}

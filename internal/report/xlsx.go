package report

import (
	"archive/zip"
	"errors"
	"io"

	"github.com/xuri/excelize/v2"
)

// excelMaxRows is the number of rows an Excel worksheet holds, header included.
const excelMaxRows = excelize.TotalRows

// xlsxWriter writes the xlsx format. See NewXLSX.
type xlsxWriter struct {
	out     io.Writer
	opt     Options
	maxRows int // rows per worksheet, header included; lowered by tests
	file    *excelize.File
	styles  xlsxStyles

	cols   []string // column names, as given to Header
	labels []any    // header cells, ready to write on every sheet
	kinds  []columnKind

	// into: the worksheets go into a workbook someone else owns and writes (see
	// NewXLSXSheets); Close then only finishes them.
	into bool

	sheet      *excelize.StreamWriter // the worksheet being written, nil before Header
	sheetName  string
	sheetCount int
	sheetRows  int // rows on the current sheet, header included
	records    int // records written so far, on all sheets
	values     []any

	header, closed bool
	err            error // sticky: the first error ends the report
}

// NewXLSX returns a Writer of an Excel workbook, streamed so that memory stays flat
// however many rows are written (the sheet data spills to a temporary file, which
// Close removes). Close writes the whole workbook to w.
//
// The worksheet is named opt.SheetName ("CDR" by default). Its header row is bold,
// frozen and carries an autofilter; columns have widths fit for their content.
// Cells are:
//   - timestart: an Excel date-time with the format "yyyy-mm-dd hh:mm:ss", holding
//     exactly the PBX's local wall-clock time (no time zone is applied anywhere), so
//     it sorts and filters as a date; a value in any other form is written as text;
//   - callduraction, talkduraction: a number of days with the format "[h]:mm:ss",
//     or whole seconds as a plain number with opt.DurationsAsSeconds; a value that
//     is not whole seconds is written as text;
//   - everything else, unknown columns included: text, so phone numbers, call ids,
//     PINs and serial numbers keep their leading zeros and '+' (Excel's "number
//     stored as text" warning is switched off for the sheet). Text cells are never
//     read as formulas, so no neutralisation is needed. Empty fields are empty cells.
//
// Past Excel's limit of 1,048,576 rows the report continues on sheets "CDR (2)",
// "CDR (3)", ..., each with the header. Characters XML cannot carry (control
// characters) become U+FFFD. A value longer than an Excel cell's 32,767 characters
// fails the report with a *CellTooLongError naming the row: cutting it would lose
// data silently.
func NewXLSX(w io.Writer, opt Options) Writer {
	return newXLSX(w, opt, excelMaxRows)
}

func newXLSX(w io.Writer, opt Options, maxRows int) *xlsxWriter {
	return newXLSXOf(excelize.NewFile(), w, opt, maxRows)
}

func newXLSXOf(f *excelize.File, w io.Writer, opt Options, maxRows int) *xlsxWriter {
	if opt.SheetName == "" {
		opt.SheetName = defaultSheetName
	}
	return &xlsxWriter{out: w, opt: opt, maxRows: maxRows, file: f}
}

// NewXLSXSheets returns a Writer of the same worksheets as NewXLSX, cell for cell,
// added after the sheets f already has: a workbook with other sheets before the
// records (the report workbook). Its Close finishes the worksheets but neither writes
// nor closes f; the caller does both. f must not be written by anyone else until
// then, because the records' sheet is streamed.
func NewXLSXSheets(f *excelize.File, opt Options) Writer {
	x := newXLSXOf(f, nil, opt, excelMaxRows)
	x.into = true
	return x
}

// Header starts the first worksheet with the header row.
func (x *xlsxWriter) Header(cols []string) error {
	if err := x.usable(); err != nil {
		return err
	}
	if x.header {
		return x.fail(errHeaderTwice)
	}
	x.header = true
	x.cols = append([]string(nil), cols...)
	x.kinds = kindsOf(cols)
	styles, err := newXLSXStyles(x.file)
	if err != nil {
		return x.fail(err)
	}
	x.styles = styles
	if x.labels, err = x.headerCells(); err != nil {
		return x.fail(err)
	}
	return x.fail(x.startSheet())
}

// Row writes one record, opening a new worksheet when the current one is full.
func (x *xlsxWriter) Row(fields []string) error {
	if err := x.usable(); err != nil {
		return err
	}
	if !x.header {
		return x.fail(errNoHeader)
	}
	x.records++
	x.values = x.values[:0]
	for i, f := range fields {
		v, err := x.cellValue(kindAt(x.kinds, i), f, x.records, x.columnName(i))
		if err != nil {
			return x.fail(err)
		}
		x.values = append(x.values, v)
	}
	if x.sheetRows >= x.maxRows {
		if err := x.finishSheet(); err != nil {
			return x.fail(err)
		}
		if err := x.startSheet(); err != nil {
			return x.fail(err)
		}
	}
	return x.fail(x.writeRow(x.values))
}

// Close finishes the last worksheet, writes the workbook to the io.Writer and
// removes the temporary files, whatever happened before.
func (x *xlsxWriter) Close() (err error) {
	if x.closed {
		return x.errOr(errClosed)
	}
	x.closed = true
	if x.into {
		if x.err == nil {
			x.err = x.finish()
		}
		return x.err
	}
	defer func() { err = errors.Join(err, x.file.Close()) }() // removes the spill files
	if x.err != nil {
		return x.err
	}
	if err := x.finish(); err != nil {
		x.err = err
		return err
	}
	return x.writeWorkbook()
}

// finish completes the last worksheet, or names the empty one of a report that
// never had a header.
func (x *xlsxWriter) finish() error {
	if x.sheet == nil {
		x.sheetCount, x.sheetName = 1, x.opt.SheetName
		return x.createSheet()
	}
	return x.finishSheet()
}

// writeWorkbook zips the workbook straight into the io.Writer. excelize's Write
// would first assemble the whole compressed file in memory; its ZipWriter hook lets
// the archive go to x.out instead, and the (empty) buffer is ignored.
func (x *xlsxWriter) writeWorkbook() error {
	x.file.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(x.out) })
	if _, err := x.file.WriteToBuffer(); err != nil {
		x.err = err
		return err
	}
	return nil
}

// columnName names column i for an error message.
func (x *xlsxWriter) columnName(i int) string {
	if i < len(x.cols) {
		return x.cols[i]
	}
	return "column " + itoa(i+1)
}

func (x *xlsxWriter) usable() error {
	if x.closed {
		return x.errOr(errClosed)
	}
	return x.err
}

// fail records err, if any, as the writer's end and returns it.
func (x *xlsxWriter) fail(err error) error {
	if err != nil && x.err == nil {
		x.err = err
	}
	return err
}

func (x *xlsxWriter) errOr(fallback error) error {
	if x.err != nil {
		return x.err
	}
	return fallback
}

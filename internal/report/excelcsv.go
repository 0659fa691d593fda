package report

import (
	"bufio"
	"io"
	"strings"
)

// utf8BOM tells Excel the file is UTF-8; without it Excel reads Chinese as the
// system's ANSI code page and shows mojibake.
const utf8BOM = "\ufeff"

// excelCSV writes the excel-csv format. See NewExcelCSV.
type excelCSV struct {
	w          *bufio.Writer
	opt        Options
	kinds      []columnKind
	bomWritten bool
	header     bool
	closed     bool
	err        error // sticky: the first error ends the report
}

// NewExcelCSV returns a Writer of CSV made for Excel: UTF-8 with a BOM, CRLF line
// ends, RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes
// doubled, everything else kept byte for byte), header labels from
// opt.HeaderLabels, and durations as h:mm:ss ("0:00:42", "27:00:00") unless
// opt.DurationsAsSeconds (a duration that is not whole seconds is kept verbatim).
//
// Every cell, header included, is guarded against formula injection:
//   - a cell starting with '=', '@', TAB or CR, or with a full-width '＝', '＠',
//     '＋' or '－', gets a leading apostrophe;
//   - so does a cell starting with '+' or '-', unless all that follows the sign is
//     digits, spaces, '-', '(' and ')': a phone number ("+8613800138000",
//     "+1 (555) 123-4567"), a negative number ("-42") or a lone sign ("-", a common
//     placeholder). Excel can at worst read such a cell as arithmetic on literal
//     numbers — never a function call, a cell reference or a DDE link, which need
//     letters, '!' or '|' — while an apostrophe would spoil the number for every
//     program that reads the file, so it is left as it is;
//   - every other cell is written unchanged.
//
// Excel's CSV import still turns long digit strings into numbers: phone numbers
// lose a leading '+' or zero and serial numbers show as 3.69E+11. Use XLSX to keep
// them as text. Output is buffered; Close flushes it.
func NewExcelCSV(w io.Writer, opt Options) Writer {
	return &excelCSV{w: bufio.NewWriterSize(w, 64<<10), opt: opt}
}

// Header writes the BOM and the header row.
func (c *excelCSV) Header(cols []string) error {
	if err := c.usable(); err != nil {
		return err
	}
	if c.header {
		return c.fail(errHeaderTwice)
	}
	c.header, c.kinds = true, kindsOf(cols)
	c.writeBOM()
	for i, name := range cols {
		c.writeField(i, c.opt.label(name))
	}
	return c.endRecord()
}

// Row writes one record.
func (c *excelCSV) Row(fields []string) error {
	if err := c.usable(); err != nil {
		return err
	}
	if !c.header {
		return c.fail(errNoHeader)
	}
	for i, f := range fields {
		c.writeField(i, c.cell(kindAt(c.kinds, i), f))
	}
	return c.endRecord()
}

// Close flushes the report. A report without a header is a file holding only the
// BOM, which Excel opens as an empty sheet.
func (c *excelCSV) Close() error {
	if c.closed {
		return c.errOr(errClosed)
	}
	c.closed = true
	if c.err != nil {
		return c.err
	}
	c.writeBOM()
	if err := c.w.Flush(); err != nil {
		c.err = err
	}
	return c.err
}

// cell returns the text shown for a field of the given kind.
func (c *excelCSV) cell(kind columnKind, f string) string {
	if kind == durationColumn && !c.opt.DurationsAsSeconds {
		if secs, ok := parseSeconds(f); ok {
			return formatHMS(secs)
		}
	}
	return f
}

func (c *excelCSV) writeBOM() {
	if !c.bomWritten {
		c.bomWritten = true
		_, _ = c.w.WriteString(utf8BOM) // a bufio error is sticky and comes back from endRecord or Flush
	}
}

// writeField writes field number i, neutralised and quoted as needed. Quoting is
// done here rather than with encoding/csv because its UseCRLF mode drops a lone CR
// inside a field and rewrites LF as CRLF: the data must come out as it went in.
func (c *excelCSV) writeField(i int, f string) {
	if i > 0 {
		_ = c.w.WriteByte(',')
	}
	f = neutralise(f)
	if !strings.ContainsAny(f, ",\"\r\n") {
		_, _ = c.w.WriteString(f)
		return
	}
	_ = c.w.WriteByte('"')
	_, _ = c.w.WriteString(strings.ReplaceAll(f, `"`, `""`))
	_ = c.w.WriteByte('"')
}

// endRecord ends the line and reports any write error so far.
func (c *excelCSV) endRecord() error {
	if _, err := c.w.WriteString("\r\n"); err != nil {
		return c.fail(err)
	}
	return nil
}

func (c *excelCSV) usable() error {
	if c.closed {
		return c.errOr(errClosed)
	}
	return c.err
}

func (c *excelCSV) fail(err error) error {
	c.err = err
	return err
}

func (c *excelCSV) errOr(fallback error) error {
	if c.err != nil {
		return c.err
	}
	return fallback
}

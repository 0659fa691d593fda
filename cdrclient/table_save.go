package cdrclient

import (
	"bufio"
	"bytes"
	"io"
)

// WriteTo writes the raw bytes exactly as received.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for _, c := range t.raw.chunks {
		n, err := w.Write(c)
		total += int64(n)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// WriteRowsTo writes a filtered view as the PBX's CSV: the raw header line (with its
// byte order mark and line ending), then the raw bytes of the given records in the
// given order, each with its own line ending. A record without one (the last line of
// the input) gets the header's, so the rows never run together. Nothing is written
// for a table without a header. It panics, before writing, if a row is not in
// [0, Len()).
func (t *Table) WriteRowsTo(w io.Writer, rows []int) (int64, error) {
	if t.rowStart.n == 0 {
		return 0, nil
	}
	for _, r := range rows {
		t.checkRow(r) // fail before writing anything
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var total int64
	put := func(b []byte) {
		n, _ := bw.Write(b) // a write error is sticky in bufio and surfaces at Flush
		total += int64(n)
	}
	if t.bom == bomPresent {
		put(utf8BOM)
	}
	header := t.rawRow(0)
	put(header)
	eol := lineEnding(header)
	if len(eol) == 0 {
		eol = crlf
	}
	for _, r := range rows {
		row := t.rawRow(r + 1)
		put(row)
		switch {
		case bytes.HasSuffix(row, []byte{'\n'}):
		case bytes.HasSuffix(row, []byte{'\r'}):
			put(eol[len(eol)-1:]) // "\r" at the end of input: complete it to "\r\n"
		default:
			put(eol)
		}
	}
	if err := bw.Flush(); err != nil {
		return total - int64(bw.Buffered()), err
	}
	return total, nil
}

var crlf = []byte("\r\n")

// lineEnding returns the "\r\n" or "\n" that ends a raw row, or nil if it has none.
func lineEnding(row []byte) []byte {
	switch {
	case bytes.HasSuffix(row, crlf):
		return crlf
	case bytes.HasSuffix(row, crlf[1:]):
		return crlf[1:]
	}
	return nil
}

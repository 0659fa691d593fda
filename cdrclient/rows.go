package cdrclient

import (
	"io"
	"slices"
)

// RowHandler receives a CSV as decoded rows, in order.
type RowHandler interface {
	// Header receives the header names (decoded, byte order mark and surrounding
	// space removed). The slice is the handler's to keep.
	Header(cols []string) error
	// Row receives one record's values, exactly one per header column (a short row is
	// padded with "", fields beyond the header are left out, as in Table.Field). The
	// slice is reused for the next row: copy it to keep it; the strings may be kept.
	Row(fields []string) error
}

// NewRowParser returns a writer that parses the CSV written to it and hands each row
// to h as soon as it is complete, keeping only the unfinished row in memory. It is for
// exports that must not hold the whole table.
//
// The rules are those of Table and of encoding/csv with LazyQuotes: the first
// non-empty line is the header; an optional UTF-8 byte order mark is skipped; rows end
// with "\n" or "\r\n" outside quotes and empty lines are skipped; a field starting
// with a quote is quoted (`""` is a quote, commas and line breaks are data, a stray
// quote is kept); "\r\n" inside quotes reads as "\n". The encoding is decided once,
// by the rule Table uses (see Table.Encoding): rows that are not plain ASCII wait,
// at most 4 MiB of them, until the decision is made.
//
// Write returns the first error of the handler, and Close a *CSVError when a quoted
// field is still open at the end. Empty input or a header alone is not an error.
func NewRowParser(h RowHandler) io.WriteCloser {
	return &rowParser{h: h, sc: newScanner(), ncols: -1, held: -1}
}

type rowParser struct {
	h       RowHandler
	buf     []byte // the unfinished row (and any bytes not yet looked at)
	sc      scanner
	bom     bomCheck
	ncols   int // header width, -1 until the header is known
	fields  []string
	scratch []byte
	gb      gbDecoder // made when a row first needs it

	enc      encodingDecision
	fed      int // bytes of buf given to enc (while it is undecided)
	held     int // start of the first row waiting for the decision, -1 if none
	heldLine int // its line
	closed   bool
	err      error
}

func (p *rowParser) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if p.closed {
		return 0, errWriteAfterClose
	}
	p.buf = append(p.buf, b...)
	if p.err = p.drain(false); p.err != nil {
		return len(b), p.err
	}
	return len(b), nil
}

// Close hands over the last row if it had no line ending. Calling it again returns
// the same result.
func (p *rowParser) Close() error {
	if p.closed {
		return p.err
	}
	p.closed = true
	if p.err == nil {
		p.err = p.drain(true)
	}
	return p.err
}

// drain hands over every complete row in buf, then drops the bytes it is done with.
func (p *rowParser) drain(atEOF bool) error {
	if p.bom == bomUndecided {
		if p.bom = checkBOM(p.buf, atEOF); p.bom == bomUndecided {
			return nil
		}
		if p.bom == bomPresent {
			p.sc.pos = len(utf8BOM)
		}
		p.enc.bom(p.bom)
	}
	if err := p.scanRows(); err != nil {
		return err
	}
	if atEOF {
		if !p.enc.isDecided() {
			p.enc.see(p.buf[p.fed:])
			p.enc.end()
			if p.rewind() {
				if err := p.scanRows(); err != nil {
					return err
				}
			}
		}
		done, err := p.sc.finish(p.buf)
		if err != nil {
			return err
		}
		if done {
			if err := p.emit(); err != nil {
				return err
			}
		}
	}
	p.compact()
	return nil
}

// scanRows hands over the complete rows in buf. While the encoding is undecided a
// row that is not plain ASCII waits, and so do the rows after it; once the decision
// is made the scanner goes back to the first that waited.
func (p *rowParser) scanRows() error {
	for p.sc.scan(p.buf) {
		if !p.enc.isDecided() {
			end := p.sc.rowStart + p.sc.rowLen
			p.enc.see(p.buf[p.fed:end])
			p.fed = end
			switch {
			case p.enc.isDecided():
				if p.rewind() {
					continue
				}
			case p.held < 0 && isASCII(p.buf[p.sc.rowStart:end]):
				// Plain ASCII reads the same in either encoding.
			default:
				if p.held < 0 {
					p.held, p.heldLine = p.sc.rowStart, p.sc.rowLine
				}
				continue
			}
		}
		if err := p.emit(); err != nil {
			return err
		}
	}
	return nil
}

// rewind sends the scanner back to the first row that waited for the encoding, if
// any, and reports whether it did.
func (p *rowParser) rewind() bool {
	if p.held < 0 {
		return false
	}
	p.sc = scanner{pos: p.held, line: p.heldLine, ends: p.sc.ends[:0]}
	p.held = -1
	return true
}

// compact moves the unfinished row (and the rows waiting for the encoding) to the
// front of buf once the finished part is at least as large, so the cost stays linear
// even when bytes come one at a time.
func (p *rowParser) compact() {
	keep := p.sc.keepFrom()
	if !p.enc.isDecided() {
		keep = min(keep, p.fed)
		if p.held >= 0 {
			keep = min(keep, p.held)
		}
	}
	if keep == 0 || keep < len(p.buf)-keep {
		return
	}
	n := copy(p.buf, p.buf[keep:])
	p.buf = p.buf[:n]
	p.sc.shift(-keep)
	p.fed = max(p.fed-keep, 0)
	if p.held >= 0 {
		p.held -= keep
	}
}

// emit decodes the row the scanner just completed and hands it to the handler.
func (p *rowParser) emit() error {
	row := p.buf[p.sc.rowStart : p.sc.rowStart+p.sc.rowLen]
	var dec gbDecoder
	if p.enc.gb18030 {
		if p.gb == nil {
			p.gb = newGB18030()
		}
		dec = p.gb
	}
	p.fields, p.scratch = decodeRow(p.fields[:0], p.scratch, row, p.sc.ends, dec)
	if p.ncols < 0 {
		cols := slices.Clone(p.fields)
		for i, c := range cols {
			cols[i] = trimColumnName(c)
		}
		p.ncols = len(cols)
		return p.h.Header(cols)
	}
	for len(p.fields) < p.ncols {
		p.fields = append(p.fields, "")
	}
	return p.h.Row(p.fields[:p.ncols])
}

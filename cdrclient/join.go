package cdrclient

import (
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// Joiner writes several CSV bodies as one CSV: the first body's bytes (byte order
// mark, header and rows) unchanged, then from each later body only its rows, byte for
// byte. The windowed download uses it: every time window is a separate download of a
// whole CSV with its own header.
//
// Bytes stream to the destination as they arrive, a complete line at a time: a body's
// start, up to the end of its header line, and its unfinished last line are held back.
// A later body whose header differs from the first (compared by canonical names,
// ignoring case) is an error, a *CSVError, because its rows would land under the wrong
// columns. A body that is empty or holds only a header adds nothing. A body whose last
// row has fewer fields than the header, or ends inside a quoted field, was cut off: it
// ends with a *TruncatedError and its unfinished row is never passed on, so the window
// can be downloaded again (see RepeatWindow).
type Joiner struct {
	dst io.Writer

	inBody  bool     // some body is in progress
	inRows  bool     // its header line is done: its complete lines now go to dst
	rowsOut bool     // it has written row bytes (the line-ending check is done)
	head    []byte   // its bytes up to the end of the header line, held back
	hsc     scanner  // finds the end of the header line in head
	bom     bomCheck // whether head starts with a byte order mark
	tail    []byte   // its unfinished last line, held back

	header []string // canonical names of the first header, nil until one arrived
	eol    []byte   // that header's line ending ("\r\n" when it had none)

	win windowRows // the current window's rows passed on, to check a repeat against

	rc        rowCounter
	written   int64
	last      byte // last byte written to dst
	closed    bool
	dstFailed bool // err is the destination's: repeating a window cannot help
	err       error
}

// NewJoiner returns a Joiner writing to dst. Writes before the first BeginWindow
// belong to the first body.
func NewJoiner(dst io.Writer) *Joiner {
	return &Joiner{dst: dst, hsc: newScanner()}
}

// BeginWindow ends the current body; the following Writes are a new body, the first
// of a new window. A problem with the body just ended is returned by the next Write or
// by Close.
func (j *Joiner) BeginWindow() {
	if j.err == nil && !j.closed {
		j.err = j.endBody()
	}
	j.win.begin()
}

// EndWindow ends the current body and returns its problem, if any: a *TruncatedError
// when it was cut off, a *CSVError when its columns differ from the first body's.
func (j *Joiner) EndWindow() error {
	if j.err == nil && !j.closed {
		j.err = j.endBody()
	}
	return j.err
}

// RepeatWindow starts the current window over after its body failed: cut off (see
// EndWindow) or ended by a network error. The next body must repeat the window: the
// rows already passed on are checked against its first rows, byte for byte, and
// skipped; a body that differs there fails with a *CSVError. The unfinished row held
// back from the failed body is dropped. RepeatWindow clears the failed body's error,
// unless it was the destination's own.
func (j *Joiner) RepeatWindow() {
	if j.closed || j.dstFailed {
		return
	}
	j.err = nil
	j.resetBody()
	j.win.repeat()
}

// Write passes p on, dropping a later body's byte order mark and header line.
func (j *Joiner) Write(p []byte) (int, error) {
	if j.err != nil {
		return 0, j.err
	}
	if j.closed {
		return 0, errWriteAfterClose
	}
	j.inBody = true
	if j.inRows {
		j.err = j.passRows(p)
	} else {
		j.head = append(j.head, p...)
		j.err = j.takeHeader(false)
	}
	if j.err != nil {
		return 0, j.err
	}
	return len(p), nil
}

// Records returns the number of rows passed to dst so far: line ends outside quotes,
// headers and empty lines not counted, and a body's last row counted even without a
// line ending once the body has ended.
func (j *Joiner) Records() int64 { return j.rc.rows }

// Bytes returns the number of bytes written to dst.
func (j *Joiner) Bytes() int64 { return j.written }

// Close ends the last body. If no body had a header, it writes the standard 14-column
// header and "\r\n", so that a report with zero records is still a valid CSV. Calling
// it again returns the same result.
func (j *Joiner) Close() error {
	if j.closed {
		return j.err
	}
	j.closed = true
	if j.err != nil {
		return j.err
	}
	if j.err = j.endBody(); j.err == nil && j.header == nil {
		j.err = j.out([]byte(strings.Join(StandardColumns, ",") + "\r\n"))
	}
	return j.err
}

// takeHeader looks for the end of the body's header line in head; atEOF says the body
// has ended. Once found, the header is written (first body) or checked and dropped
// (later bodies), and what follows it is passed on as rows.
func (j *Joiner) takeHeader(atEOF bool) error {
	if j.bom == bomUndecided {
		if j.bom = checkBOM(j.head, atEOF); j.bom == bomUndecided {
			return nil
		}
		if j.bom == bomPresent {
			j.hsc.pos = len(utf8BOM)
		}
	}
	found := j.hsc.scan(j.head)
	if !found && atEOF {
		var err error
		if found, err = j.hsc.finish(j.head); err != nil {
			return &TruncatedError{Line: j.hsc.quoteLine, Msg: msgCutInQuote}
		}
	}
	if !found {
		return nil // more to come, or a body of empty lines: nothing to pass on
	}
	end := j.hsc.rowStart + j.hsc.rowLen
	row := j.head[j.hsc.rowStart:end]
	names := headerKey(row, j.hsc.ends)
	switch {
	case j.header == nil:
		j.header, j.eol = names, lineEnding(row)
		if j.eol == nil {
			j.eol = crlf
		}
		if err := j.out(j.head[:end]); err != nil {
			return err
		}
	case atEOF && lineEnding(row) == nil && len(names) < len(j.header):
		return &TruncatedError{Line: j.hsc.rowLine, Msg: msgCutShortRow}
	case !slices.EqualFunc(names, j.header, sameName):
		return &CSVError{Line: j.hsc.rowLine, Msg: msgColumnsChanged}
	}
	j.inRows = true
	j.rc.reset(j.hsc.line)
	return j.passRows(j.head[end:])
}

// headerKey returns the canonical names of a header row, undecoded: comparing the
// bytes needs no encoding decision (the PBX writes every window's header the same
// way), so the Joiner makes none (see Table.Encoding for the one there is).
func headerKey(row []byte, ends []int) []string {
	names, _ := decodeRow(nil, nil, row, ends, nil)
	for i, n := range names {
		names[i] = CanonicalColumn(n)
	}
	return names
}

// sameName compares two header names of headerKey: equal bytes, or equal but for
// case when both are text (strings.EqualFold would take any two invalid bytes, as
// GBK's are, for the same).
func sameName(a, b string) bool {
	return a == b || utf8.ValidString(a) && utf8.ValidString(b) && strings.EqualFold(a, b)
}

// passRows takes row bytes of the current body: a repeated window's rows already
// passed on are checked and skipped, complete lines go to dst, and the unfinished last
// line is held back in tail.
func (j *Joiner) passRows(p []byte) error {
	if j.win.skip > 0 && len(p) > 0 {
		n := int(min(j.win.skip, int64(len(p))))
		rows := j.rc.rows
		j.rc.feed(p[:n]) // these rows were counted the first time
		j.rc.rows = rows
		if !j.win.check(p[:n]) {
			return &CSVError{Line: j.rc.line, Msg: msgRepeatDiffers}
		}
		p = p[n:]
	}
	if len(p) == 0 {
		return nil
	}
	n := j.rc.feed(p)
	if n == 0 {
		j.tail = append(j.tail, p...)
		return nil
	}
	if err := j.passLines(j.tail); err != nil {
		return err
	}
	if err := j.passLines(p[:n]); err != nil {
		return err
	}
	j.tail = append(j.tail[:0], p[n:]...)
	return nil
}

// passLines writes complete lines of the current body. Before a later body's first
// rows it ends the previous body's last row if that had no line ending.
func (j *Joiner) passLines(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	if !j.rowsOut {
		j.rowsOut = true
		if j.written > 0 && j.last != '\n' {
			eol := j.eol
			if j.last == '\r' {
				eol = eol[len(eol)-1:] // complete a "\r" to "\r\n"
			}
			if err := j.out(eol); err != nil {
				return err
			}
		}
	}
	j.win.passed(p)
	return j.out(p)
}

// endBody finishes the current body and prepares for the next.
func (j *Joiner) endBody() error {
	if !j.inBody {
		return nil
	}
	var err error
	if !j.inRows {
		err = j.takeHeader(true)
	}
	if err == nil && j.inRows {
		err = j.endRows()
	}
	j.resetBody()
	return err
}

// endRows ends the rows of a body: its held-back last line is passed on unless the
// body was cut off in the middle of a row.
func (j *Joiner) endRows() error {
	switch {
	case j.win.skip > 0:
		return &TruncatedError{Line: j.rc.line, Msg: msgCutRepeat}
	case j.rc.inRow() && j.shortRow(j.tail):
		return &TruncatedError{Line: j.rc.line, Msg: msgCutShortRow}
	}
	if err := j.rc.finish(); err != nil {
		return err
	}
	return j.passLines(j.tail)
}

// shortRow reports whether row, a last row without a line ending, has fewer fields
// than the header.
func (j *Joiner) shortRow(row []byte) bool {
	sc := newScanner()
	sc.ends = j.hsc.ends[:0]
	sc.scan(row)
	done, err := sc.finish(row)
	j.hsc.ends = sc.ends[:0]
	return err != nil || !done || len(sc.ends) < len(j.header)
}

// resetBody forgets the current body's state, ready for the next body.
func (j *Joiner) resetBody() {
	j.inBody, j.inRows, j.rowsOut = false, false, false
	j.head, j.tail = j.head[:0], j.tail[:0]
	j.hsc = scanner{line: 1, ends: j.hsc.ends[:0]}
	j.bom = bomUndecided
	j.rc.reset(1)
}

func (j *Joiner) out(p []byte) error {
	n, err := j.dst.Write(p)
	j.written += int64(n)
	if n > 0 {
		j.last = p[n-1]
	}
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	j.dstFailed = err != nil
	return err
}

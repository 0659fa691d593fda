package cdrclient

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// scanState says where the scanner is inside the CSV grammar.
type scanState uint8

const (
	stLineStart  scanState = iota // between rows: empty lines are skipped here
	stFieldStart                  // at the first byte of a field (a quote opens a quoted field)
	stUnquoted                    // inside a field that did not start with a quote
	stQuoted                      // inside a quoted field
	stQuoteSeen                   // just after a quote inside a quoted field
)

// scanner splits CSV bytes into rows and fields without copying them. It is the one
// CSV grammar of the package, shared by Table, the RowParser and the Joiner's header
// handling, and it follows encoding/csv with LazyQuotes (so both agree on every input
// encoding/csv accepts):
//   - a row ends at "\n" outside quotes; "\r\n" counts as "\n"; a "\r" elsewhere is data;
//   - empty lines ("\n" or "\r\n") between rows are skipped;
//   - a field is quoted only if its first byte is a quote; inside it `""` is a quote and
//     a quote not followed by a comma or line end is kept as data (lazy quotes);
//   - a "\r" just before the end of input is dropped, as encoding/csv does.
//
// The scanner works on a buffer that its owner appends to. Positions are indexes into
// that buffer; when the owner moves the unfinished row elsewhere it calls shift.
// Field ends are kept relative to the row start so they survive moves.
type scanner struct {
	state      scanState
	pos        int   // next byte of buf to look at
	rowStart   int   // first byte of the row being scanned (or just completed)
	fieldStart int   // first byte of the field being scanned
	ends       []int // field ends of the current row, relative to rowStart
	rowLen     int   // after a completed row: its length including the line ending
	line       int   // 1-based line number at pos
	rowLine    int   // line where the current row began
	quoteLine  int   // line where the open quoted field began
}

func newScanner() scanner { return scanner{line: 1} }

// keepFrom returns the first byte of buf that scanning has not finished with: the start
// of an unfinished row, or a "\r" whose meaning depends on the next byte. Everything
// before it belongs to completed rows or skipped empty lines.
func (s *scanner) keepFrom() int {
	if s.state == stLineStart {
		return s.pos
	}
	return s.rowStart
}

// shift moves all positions by d after the owner moved the bytes from keepFrom on.
func (s *scanner) shift(d int) {
	s.pos += d
	s.rowStart += d
	s.fieldStart += d
}

// scan advances through buf and reports true each time a row is complete: the row is
// buf[s.rowStart : s.rowStart+s.rowLen] and s.ends holds its field ends. The caller
// must use them before calling scan again. False means more input is needed.
func (s *scanner) scan(buf []byte) bool {
	for s.pos < len(buf) {
		switch s.state {
		case stLineStart:
			if !s.startRow(buf) {
				return false
			}
		case stFieldStart:
			if buf[s.pos] == '"' {
				s.openQuote()
				continue
			}
			s.state = stUnquoted
		case stUnquoted:
			if s.scanUnquoted(buf) {
				return true
			}
		case stQuoted:
			s.scanQuoted(buf)
		case stQuoteSeen:
			if done, more := s.afterQuote(buf); done || !more {
				return done
			}
		}
	}
	return false
}

// startRow skips an empty line or starts a row at s.pos. It returns false when it
// cannot decide yet (a "\r" is the last byte of buf).
func (s *scanner) startRow(buf []byte) bool {
	switch buf[s.pos] {
	case '\n':
		s.pos++
		s.line++
		return true
	case '\r':
		if s.pos+1 == len(buf) {
			return false
		}
		if buf[s.pos+1] == '\n' {
			s.pos += 2
			s.line++
			return true
		}
	}
	s.rowStart = s.pos
	s.rowLine = s.line
	s.fieldStart = s.pos
	s.ends = s.ends[:0]
	s.state = stFieldStart
	return true
}

func (s *scanner) openQuote() {
	s.state = stQuoted
	s.quoteLine = s.line
	s.pos++
}

// scanUnquoted is the hot loop: it runs through unquoted fields up to the end of the
// row or of buf. Only a comma, "\n" and a quote opening a field matter here (a quote
// elsewhere in an unquoted field is data, "\r" counts only right before "\n"). Eight
// bytes are tested at a time; a word with a quote in it goes byte by byte.
func (s *scanner) scanUnquoted(buf []byte) bool {
	pos, start, rowStart := s.pos, s.fieldStart, s.rowStart
	ends := s.ends
	for pos < len(buf) {
		if pos+8 <= len(buf) {
			x := binary.LittleEndian.Uint64(buf[pos:])
			if q := x ^ swarQuote; (q-swarOnes)&^q&swarHigh == 0 {
				commas, lf := zeroBytes(x^swarComma), zeroBytes(x^swarLF)
				if lf != 0 {
					commas &= lf&-lf - 1 // only the commas before the line end
				}
				for ; commas != 0; commas &= commas - 1 {
					i := pos + bits.TrailingZeros64(commas)>>3
					ends = append(ends, i-rowStart)
					start = i + 1
				}
				if lf != 0 {
					s.ends = ends
					s.endUnquotedRow(buf, start, pos+bits.TrailingZeros64(lf)>>3)
					return true
				}
				pos += 8
				continue
			}
		}
		switch buf[pos] {
		case ',':
			ends = append(ends, pos-rowStart)
			start = pos + 1
		case '\n':
			s.ends = ends
			s.endUnquotedRow(buf, start, pos)
			return true
		case '"':
			if pos == start {
				s.ends, s.pos, s.fieldStart = ends, pos, pos
				s.openQuote()
				return false
			}
		}
		pos++
	}
	s.ends, s.pos, s.fieldStart = ends, pos, start
	if start == pos {
		// A comma was the last byte: the next field may still turn out to be quoted.
		s.state = stFieldStart
	}
	return false
}

// endUnquotedRow ends the row at the "\n" at nl; the last field began at start.
func (s *scanner) endUnquotedRow(buf []byte, start, nl int) {
	end := nl
	if end > start && buf[end-1] == '\r' {
		end--
	}
	s.ends = append(s.ends, end-s.rowStart)
	s.rowLen = nl + 1 - s.rowStart
	s.pos = nl + 1
	s.line++
	s.state = stLineStart
}

// SWAR constants: one byte value repeated in all eight bytes of a word.
const (
	swarOnes  = 0x0101010101010101
	swarLow7  = 0x7f7f7f7f7f7f7f7f
	swarHigh  = 0x8080808080808080
	swarComma = ',' * swarOnes
	swarLF    = '\n' * swarOnes
	swarQuote = '"' * swarOnes
)

// zeroBytes returns a word with the high bit set in exactly the bytes of v that are
// zero. (Adding 0x7f to the low seven bits never carries into the next byte.)
func zeroBytes(v uint64) uint64 {
	return ^((v & swarLow7) + swarLow7 | v) & swarHigh
}

// scanQuoted jumps to the next quote inside a quoted field, counting lines on the way.
func (s *scanner) scanQuoted(buf []byte) {
	rest := buf[s.pos:]
	i := bytes.IndexByte(rest, '"')
	if i < 0 {
		s.line += bytes.Count(rest, newline)
		s.pos = len(buf)
		return
	}
	s.line += bytes.Count(rest[:i], newline)
	s.pos += i + 1
	s.state = stQuoteSeen
}

var newline = []byte{'\n'}

// afterQuote decides what the quote before s.pos meant. done reports a completed row;
// more is false when the next byte is needed and not there yet.
func (s *scanner) afterQuote(buf []byte) (done, more bool) {
	switch buf[s.pos] {
	case '"': // an escaped quote
		s.state = stQuoted
		s.pos++
	case ',':
		s.ends = append(s.ends, s.pos-s.rowStart)
		s.pos++
		s.fieldStart = s.pos
		s.state = stFieldStart
	case '\n':
		s.endQuotedRow(s.pos, s.pos+1)
		return true, true
	case '\r':
		if s.pos+1 == len(buf) {
			return false, false
		}
		if buf[s.pos+1] == '\n' {
			s.endQuotedRow(s.pos, s.pos+2)
			return true, true
		}
		s.state = stQuoted // a lazy quote; the "\r" is data
	default:
		s.state = stQuoted // a lazy quote, kept as data
	}
	return false, true
}

func (s *scanner) endQuotedRow(fieldEnd, rowEnd int) {
	s.ends = append(s.ends, fieldEnd-s.rowStart)
	s.rowLen = rowEnd - s.rowStart
	s.pos = rowEnd
	s.line++
	s.state = stLineStart
}

// finish ends the input: it reports a last row that had no line ending, or a
// *CSVError for a quoted field that was never closed. After finish the scanner is
// between rows with all of buf consumed.
func (s *scanner) finish(buf []byte) (bool, error) {
	end, pending := len(buf), s.pos < len(buf)
	state := s.state
	s.state = stLineStart
	s.pos = end
	switch state {
	case stLineStart:
		return false, nil // at most a lone "\r" is left: an empty line
	case stQuoted:
		return false, &CSVError{Line: s.quoteLine, Msg: msgOpenQuote}
	case stFieldStart, stUnquoted:
		if end > s.fieldStart && buf[end-1] == '\r' {
			end--
		}
	case stQuoteSeen:
		// The field ended with its quote; a byte still pending can only be a "\r".
		if pending {
			end--
		}
	}
	s.ends = append(s.ends, end-s.rowStart)
	s.rowLen = len(buf) - s.rowStart
	return true, nil
}

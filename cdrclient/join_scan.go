package cdrclient

import "bytes"

// counterState says where a rowCounter is in the CSV grammar.
type counterState uint8

const (
	cLineStart   counterState = iota // nothing of the current line seen yet
	cLineCR                          // the line so far is a single "\r"
	cRow                             // inside a row, outside quotes
	cQuoted                          // inside a quoted field
	cQuoteSeen                       // just after a quote inside a quoted field
	cQuoteSeenCR                     // just after a quote and a "\r" inside a quoted field
)

// rowCounter counts the rows of CSV bytes passing through the Joiner. It follows the
// scanner's grammar exactly (so it counts what a Table would index) but works a line
// at a time with bytes.IndexByte, looking closer only at quotes: a quote matters only
// where it opens a field (after a comma or at the start of a line).
type rowCounter struct {
	state     counterState
	prev      byte  // byte before the current position while in cRow
	line      int   // 1-based line at the current position, for error messages
	quoteLine int   // line where the open quoted field began
	rows      int64 // rows completed so far (all bodies)
}

// reset prepares the counter for the rows of a new body starting on line.
func (c *rowCounter) reset(line int) {
	c.state, c.line = cLineStart, line
}

// feed follows p, which continues the bytes fed before. It returns how much of p
// belongs to lines that are complete (rows or empty lines): the rest is the start of
// a line that later bytes, or the end of the body, complete.
func (c *rowCounter) feed(p []byte) (complete int) {
	pos := 0
	nl, q := -1, -1 // next "\n" and next quote at or after pos; len(p) when none
	for pos < len(p) {
		switch c.state {
		case cLineStart:
			pos = c.lineStart(p, pos)
		case cLineCR:
			if p[pos] == '\n' {
				c.endLine(false)
				pos++
			} else {
				c.state, c.prev = cRow, '\r'
			}
		case cRow:
			if nl < pos {
				nl = indexFrom(p, pos, '\n')
			}
			if q < pos {
				q = indexFrom(p, pos, '"')
			}
			for q < nl && !c.opensField(p, q) {
				q = indexFrom(p, q+1, '"')
			}
			switch {
			case q < nl: // a quoted field begins
				c.state, c.quoteLine = cQuoted, c.line
				pos = q + 1
			case nl < len(p):
				c.endLine(true)
				pos = nl + 1
			default:
				c.prev = p[len(p)-1]
				pos = len(p)
			}
		case cQuoted:
			i := bytes.IndexByte(p[pos:], '"')
			if i < 0 {
				c.line += bytes.Count(p[pos:], newline)
				pos = len(p)
			} else {
				c.line += bytes.Count(p[pos:pos+i], newline)
				pos += i + 1
				c.state = cQuoteSeen
			}
		case cQuoteSeen:
			pos = c.afterQuote(p, pos)
		case cQuoteSeenCR:
			if p[pos] == '\n' {
				c.endLine(true)
				pos++
			} else {
				c.state = cQuoted // the quote was data, and so is the "\r"
			}
		}
		if c.state == cLineStart {
			complete = pos
		}
	}
	return complete
}

// lineStart skips an empty line or starts a row at p[pos].
func (c *rowCounter) lineStart(p []byte, pos int) int {
	switch p[pos] {
	case '\n':
		c.endLine(false)
		return pos + 1
	case '\r':
		if pos+1 == len(p) {
			c.state = cLineCR
			return pos + 1
		}
		if p[pos+1] == '\n' {
			c.endLine(false)
			return pos + 2
		}
	}
	c.state, c.prev = cRow, '\n'
	return pos
}

// opensField reports whether the quote at p[q] is the first byte of a field.
func (c *rowCounter) opensField(p []byte, q int) bool {
	before := c.prev
	if q > 0 {
		before = p[q-1]
	}
	return before == ',' || before == '\n'
}

// afterQuote decides what the quote before p[pos] meant.
func (c *rowCounter) afterQuote(p []byte, pos int) int {
	switch p[pos] {
	case '"':
		c.state = cQuoted
		return pos + 1
	case ',':
		c.state, c.prev = cRow, ','
		return pos + 1
	case '\n':
		c.endLine(true)
		return pos + 1
	case '\r':
		c.state = cQuoteSeenCR
		return pos + 1
	}
	c.state = cQuoted
	return pos
}

func (c *rowCounter) endLine(row bool) {
	if row {
		c.rows++
	}
	c.line++
	c.state = cLineStart
}

// inRow reports whether a row has begun that no line ending has closed yet.
func (c *rowCounter) inRow() bool {
	return c.state == cRow || c.state == cQuoteSeen || c.state == cQuoteSeenCR
}

// finish ends a body: a row without a line ending still counts; a quoted field still
// open means the body was cut off (see TruncatedError).
func (c *rowCounter) finish() error {
	state := c.state
	c.state = cLineStart
	switch state {
	case cQuoted:
		return &TruncatedError{Line: c.quoteLine, Msg: msgCutInQuote}
	case cRow, cQuoteSeen, cQuoteSeenCR:
		c.rows++
	}
	return nil
}

// indexFrom returns the index of the first b in p at or after from, or len(p).
func indexFrom(p []byte, from int, b byte) int {
	if i := bytes.IndexByte(p[from:], b); i >= 0 {
		return from + i
	}
	return len(p)
}

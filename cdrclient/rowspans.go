package cdrclient

import (
	"bytes"
	"math"
	"slices"
	"unicode/utf8"
)

// RowSpans is a CDR CSV kept as received, as a Table keeps it, but indexed only as far
// as a few named columns: for a pass that reads each record's bytes and those columns
// once (the archive's sync: a million records a year), which a Table's index of every
// field would cost twice as much. Write the CSV to it as it arrives, Close it, then
// read it with Each; it reads every input as a Table does (the tests compare them).
//
// Most rows are found with a search for the line end and the columns' commas; a row
// with a quote in it goes through the package's one CSV scanner.
type RowSpans struct {
	buf   []byte
	sc    scanner
	bom   bomCheck
	names []string
	cols  []int // the names' columns, as the header read when it came; -1 when absent
	need  int   // fields a record needs: up to the last of cols

	header [2]int   // the header row's start and length; length 0 before it came
	spans  []uint32 // per record: start, length, then each column's field start and end in the row
	gb     bool     // the input is GB18030 (decided at Close, as a Table decides)
	redo   bool     // the header reads otherwise with the final encoding: Each reads buf again
	ends   []int    // field ends of a row found without the scanner
	closed bool
	err    error
}

// NewRowSpans returns a RowSpans for the columns named (found as Table.Column finds
// them), writing into buf's room (buf's bytes are not read).
func NewRowSpans(names []string, buf []byte) *RowSpans {
	r := &RowSpans{buf: buf[:0], sc: newScanner(), names: names, cols: make([]int, len(names))}
	r.spans = make([]uint32, 0, cap(buf)/100*(2+2*len(names))) // a record is 100 bytes or more
	return r
}

// Write appends p and finds the records it completes. It fails only after Close, or
// past 4 GiB of input (as a Table does).
func (r *RowSpans) Write(p []byte) (int, error) {
	switch {
	case r.err != nil:
		return 0, r.err
	case r.closed:
		return 0, errWriteAfterClose
	}
	if len(r.buf)+len(p) > math.MaxUint32 {
		r.err = errTooLarge
		return 0, r.err
	}
	r.buf = append(r.buf, p...)
	if r.bom == bomUndecided {
		if r.bom = checkBOM(r.buf, false); r.bom == bomUndecided {
			return len(p), nil
		}
		if r.bom == bomPresent {
			r.sc.pos = len(utf8BOM)
		}
	}
	r.find()
	return len(p), nil
}

// find takes the complete rows from the scanner's position on.
func (r *RowSpans) find() {
	for r.sc.pos < len(r.buf) {
		if r.sc.state == stLineStart {
			nl := bytes.IndexByte(r.buf[r.sc.pos:], '\n')
			if nl < 0 {
				return // the rest of the row is still to come
			}
			if line := r.buf[r.sc.pos : r.sc.pos+nl]; bytes.IndexByte(line, '"') < 0 {
				r.plainLine(line)
				continue
			}
		}
		if !r.sc.scan(r.buf) {
			return
		}
		r.add(r.sc.rowStart, r.sc.rowLen, r.sc.ends)
	}
}

// plainLine takes a line without a quote at the scanner's position: an empty line,
// skipped as the scanner skips it, or a row whose fields end at its commas.
func (r *RowSpans) plainLine(line []byte) {
	start := r.sc.pos
	r.sc.pos += len(line) + 1
	r.sc.line++
	if len(line) == 0 || len(line) == 1 && line[0] == '\r' {
		return
	}
	need := r.need
	if r.header[1] == 0 {
		need = len(line) + 1 // every field of the header
	}
	ends := r.ends[:0]
	// Fields are short: a loop beats a call of bytes.IndexByte per field.
	for i := 0; len(ends) < need; i++ {
		if i == len(line) {
			end := len(line)
			if end > 0 && line[end-1] == '\r' && (len(ends) == 0 || end-1 > ends[len(ends)-1]) {
				end-- // "\r\n" ends the row, as in the scanner
			}
			ends = append(ends, end)
			break
		}
		if line[i] == ',' {
			ends = append(ends, i)
		}
	}
	r.ends = ends
	r.add(start, len(line)+1, ends)
}

// add records a row at start of length n whose first fields end at ends (relative).
func (r *RowSpans) add(start, n int, ends []int) {
	if r.header[1] == 0 {
		r.header = [2]int{start, n}
		row := r.buf[start : start+n]
		var dec gbDecoder
		if r.bom != bomPresent && !utf8.Valid(row) { // as a Table reads it before Close
			dec = newGB18030()
		}
		r.cols = columnsOf(row, ends, dec, r.names)
		r.need = 0
		for _, c := range r.cols {
			r.need = max(r.need, c+1)
		}
		return
	}
	r.spans = append(r.spans, uint32(start), uint32(n))
	for _, c := range r.cols {
		if c < 0 || c >= len(ends) {
			r.spans = append(r.spans, 0, 0)
			continue
		}
		from := 0
		if c > 0 {
			from = ends[c-1] + 1
		}
		r.spans = append(r.spans, uint32(from), uint32(ends[c]))
	}
}

// columnsOf finds the columns named in a header row whose fields end at ends, read
// with dec, as a Table finds them.
func columnsOf(row []byte, ends []int, dec gbDecoder, names []string) []int {
	header := make([]string, len(ends))
	for i := range ends {
		header[i] = trimColumnName(string(appendDecoded(nil, fieldOf(row, ends, i), dec)))
	}
	var t Table
	t.setColumns(header)
	cols := make([]int, len(names))
	for i, name := range names {
		cols[i] = t.Column(name)
	}
	return cols
}

// Close ends the input; its error is the one Table.Close would give (a *CSVError).
func (r *RowSpans) Close() error {
	if r.closed || r.err != nil {
		r.closed = true
		return r.err
	}
	r.closed = true
	if r.bom == bomUndecided {
		if r.bom = checkBOM(r.buf, true); r.bom == bomPresent {
			r.sc.pos = len(utf8BOM)
		}
	}
	for r.sc.scan(r.buf) {
		r.add(r.sc.rowStart, r.sc.rowLen, r.sc.ends)
	}
	done, err := r.sc.finish(r.buf)
	if err != nil {
		r.err = err
		return err
	}
	if done {
		r.add(r.sc.rowStart, r.sc.rowLen, r.sc.ends)
	}
	var enc encodingDecision
	enc.bom(r.bom)
	enc.see(r.buf)
	enc.end()
	r.gb = enc.gb18030
	if r.header[1] > 0 && r.gb {
		// Read with the final encoding, the header may name other columns (a GB18030
		// name that was valid UTF-8): then the records are read again from the bytes.
		row := r.buf[r.header[0] : r.header[0]+r.header[1]]
		r.redo = !slices.Equal(columnsOf(row, endsOf(row), r.decoder(), r.names), r.cols)
	}
	return nil
}

func must(done bool, err error) bool { return done && err == nil }

// decoder is a GB18030 decoder when the input is GB18030, else nil.
func (r *RowSpans) decoder() gbDecoder {
	if r.gb {
		return newGB18030()
	}
	return nil
}

// Len is the number of records (after Close).
func (r *RowSpans) Len() int {
	if r.redo {
		n := 0
		eachRow(r.buf, nil, func([]byte, [][]byte) { n++ })
		return n
	}
	return len(r.spans) / (2 + 2*len(r.names))
}

// First returns the value of column name in the first record (after Close), "" when
// there is none, as Table.Field reads it.
func (r *RowSpans) First(name string) string {
	if r.redo {
		v, seen := "", false
		eachRow(r.buf, []string{name}, func(_ []byte, values [][]byte) {
			if !seen {
				v, seen = string(values[0]), true
			}
		})
		return v
	}
	if len(r.spans) == 0 {
		return ""
	}
	dec := r.decoder()
	header := r.buf[r.header[0] : r.header[0]+r.header[1]]
	col := columnsOf(header, endsOf(header), dec, []string{name})[0]
	rec := r.buf[r.spans[0] : r.spans[0]+r.spans[1]]
	ends := endsOf(rec)
	if col < 0 || col >= len(ends) {
		return ""
	}
	return string(appendDecoded(nil, fieldOf(rec, ends, col), dec))
}

// endsOf returns the field ends of one row alone.
func endsOf(row []byte) []int {
	sc := newScanner()
	if sc.scan(row) || must(sc.finish(row)) {
		return sc.ends
	}
	return nil
}

// Bytes returns the bytes written, for a later NewRowSpans to reuse once Each's rows
// are no longer needed.
func (r *RowSpans) Bytes() []byte { return r.buf }

// Each reads the records after Close as eachRow reads the bytes written, and returns
// the header row as eachRow does.
func (r *RowSpans) Each(f func(row []byte, values [][]byte)) (header []byte) {
	if r.redo || r.err != nil {
		header, _ = eachRow(r.buf, r.names, f)
		return header
	}
	if r.header[1] == 0 {
		return nil
	}
	header = r.buf[r.header[0] : r.header[0]+r.header[1]]
	if r.bom == bomPresent {
		header = append(slices.Clip(utf8BOM), header...)
	}
	dec := r.decoder()
	values := make([][]byte, len(r.names))
	var vbuf []byte
	per := 2 + 2*len(r.names)
	for k := 0; k < len(r.spans); k += per {
		s := r.spans[k : k+per]
		row := r.buf[s[0] : s[0]+s[1]]
		vbuf = vbuf[:0]
		for i := range r.names {
			v := row[s[2+2*i]:s[3+2*i]:s[3+2*i]]
			// A value of one byte is never quoted: appendFieldValue keeps a lone '"'.
			if len(v) > 1 && v[0] == '"' || dec != nil && !isASCII(v) {
				start := len(vbuf)
				vbuf = appendDecoded(vbuf, v, dec)
				v = vbuf[start:len(vbuf):len(vbuf)]
			}
			values[i] = v
		}
		f(row, values)
	}
	return header
}

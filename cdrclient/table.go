package cdrclient

import (
	"math"
	"sync"
	"unicode/utf8"
)

// Table is a CDR CSV kept as received plus an index of its rows and fields. It is an
// io.Writer: feed it the CSV as it arrives (in slices of any size), then Close.
//
// The raw bytes are kept unchanged, so the file can be saved exactly as the PBX sent
// it, and records point into them instead of copying: a row costs a few bytes of index
// (a 32-bit offset, a 32-bit index position and a 16-bit end per field: 38 bytes for
// the PBX's 14 columns, against ~130 bytes of CSV). Values are decoded only when asked
// for.
//
// Parsing follows encoding/csv with LazyQuotes (see [NewRowParser] for the rules). The
// first non-empty line is the header. Rows with fewer fields than the header read as ""
// in the missing columns; fields beyond the header are kept in the raw bytes only.
//
// A Table is not safe for concurrent use while it is being written. After Close it is
// read-only and any number of goroutines may read it.
type Table struct {
	raw      rawStore
	rowStart paged[uint32]    // virtual offset of each row; row 0 is the header
	rowIdx   paged[uint32]    // position in ends of each row's first field end
	ends     paged[uint16]    // per row: each field's end, then the row's length, all relative to the row start
	long     map[int][]uint32 // rows over 64 KiB (rare): their ends, 32-bit, by row
	sc       scanner

	bom       bomCheck
	validated int              // bytes of the last chunk already given to enc
	enc       encodingDecision // UTF-8 or GB18030, final at Close

	columns  []string
	colIndex map[string]int
	std      [14]int // index of each of StandardColumns, or -1

	decoders sync.Pool // of GB18030 decoders, for readers (see appendValue)

	closed bool
	err    error
}

// NewTable returns an empty Table ready to be written to.
func NewTable() *Table {
	t := &Table{sc: newScanner(), raw: rawStore{chunkSize: chunkSize}}
	t.setColumns(nil)
	return t
}

// Write copies p into the table and indexes every row it completes. It fails only
// after Close, or when the input exceeds 4 GiB; malformed quoting is tolerated except
// a quoted field still open at Close.
func (t *Table) Write(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	if t.closed {
		return 0, errWriteAfterClose
	}
	written := 0
	for len(p) > 0 {
		if len(t.raw.chunks) == 0 || len(t.raw.last()) == cap(t.raw.last()) {
			if err := t.makeRoom(); err != nil {
				t.err = err
				return written, err
			}
		}
		last := len(t.raw.chunks) - 1
		chunk := t.raw.chunks[last]
		n := copy(chunk[len(chunk):cap(chunk)], p)
		t.raw.chunks[last] = chunk[:len(chunk)+n]
		p = p[n:]
		written += n
		if err := t.scanLast(false); err != nil {
			t.err = err
			return written, err
		}
	}
	return written, nil
}

// Close ends the last row if it had no line ending. It reports a *CSVError when a
// quoted field was never closed. Calling it again returns the same result.
func (t *Table) Close() error {
	if t.closed {
		return t.err
	}
	t.closed = true
	if t.err != nil || len(t.raw.chunks) == 0 {
		return t.err
	}
	t.err = t.scanLast(true)
	t.enc.end()
	if t.rowStart.n > 0 {
		// The encoding is only known now; header names are decoded with it.
		t.setColumns(t.headerNames())
	}
	return t.err
}

// makeRoom is called when the last chunk is full. The unfinished row at its end moves
// to a new chunk so that rows never straddle chunks; the old chunk is cut where the
// row began, so the chunks still concatenate to the input.
func (t *Table) makeRoom() error {
	// Chunks start small and double up to the full size, so a small CSV (an empty
	// window, a test) does not cost a whole chunk.
	size := t.raw.chunkSize
	if n := len(t.raw.chunks); n < 8 {
		size = min(size, firstChunkSize<<n)
	}
	if len(t.raw.chunks) == 0 {
		return t.raw.addChunk(size)
	}
	cur := t.raw.last()
	keep := t.sc.keepFrom()
	if partial := len(cur) - keep; 2*partial > size {
		size = (2*partial + size - 1) / size * size
	}
	if keep == 0 {
		return t.raw.growLast(size) // one row fills the chunk: enlarge it in place
	}
	t.checkUTF8(cur, keep)
	if err := t.raw.addChunk(size); err != nil {
		return err
	}
	t.raw.chunks[len(t.raw.chunks)-2] = cur[:keep]
	t.raw.chunks[len(t.raw.chunks)-1] = append(t.raw.last(), cur[keep:]...)
	t.sc.shift(-keep)
	t.validated = 0
	return nil
}

// scanLast indexes the rows completed in the last chunk; atEOF ends the input.
func (t *Table) scanLast(atEOF bool) error {
	buf := t.raw.last()
	if t.bom == bomUndecided {
		if t.bom = checkBOM(buf, atEOF); t.bom == bomUndecided {
			return nil
		}
		if t.bom == bomPresent {
			t.sc.pos = len(utf8BOM)
		}
		t.enc.bom(t.bom)
	}
	for t.sc.scan(buf) {
		if err := t.addRow(); err != nil {
			return err
		}
	}
	if atEOF {
		done, err := t.sc.finish(buf)
		if err != nil {
			return err
		}
		if done {
			if err := t.addRow(); err != nil {
				return err
			}
		}
	}
	t.checkUTF8(buf, t.sc.keepFrom())
	return nil
}

// checkUTF8 gives buf[t.validated:upTo] to the encoding decision. The spans end at row
// boundaries (after a "\n"), so a multi-byte character is never cut in two.
func (t *Table) checkUTF8(buf []byte, upTo int) {
	if upTo > t.validated {
		t.enc.see(buf[t.validated:upTo])
	}
	t.validated = max(t.validated, upTo)
}

// addRow records the row the scanner just completed in the last chunk.
func (t *Table) addRow() error {
	s := &t.sc
	if t.ends.n > math.MaxUint32-len(s.ends)-1 {
		return errTooLarge
	}
	r := t.rowStart.n
	t.rowStart.push(t.raw.lastBase() + uint32(s.rowStart))
	t.rowIdx.push(uint32(t.ends.n))
	if s.rowLen <= math.MaxUint16 {
		t.ends.pushInts(s.ends)
		t.ends.push(uint16(s.rowLen))
	} else {
		// Rare: a row over 64 KiB gets 32-bit ends and no entries in ends, which is
		// how readers recognise it.
		if t.long == nil {
			t.long = make(map[int][]uint32)
		}
		e := make([]uint32, 0, len(s.ends)+1)
		for _, v := range s.ends {
			e = append(e, uint32(v))
		}
		t.long[r] = append(e, uint32(s.rowLen))
	}
	if r == 0 {
		t.setColumns(t.headerNames())
	}
	return nil
}

// setColumns sets the header names and the lookup tables derived from them.
func (t *Table) setColumns(names []string) {
	t.columns = names
	t.colIndex = make(map[string]int, len(names))
	for i, name := range names {
		key := CanonicalColumn(name)
		if _, dup := t.colIndex[key]; !dup {
			t.colIndex[key] = i
		}
	}
	for i, name := range StandardColumns {
		t.std[i] = t.Column(name)
	}
}

// headerNames decodes the header row's names.
func (t *Table) headerNames() []string {
	row := t.rawRow(0)
	var dec gbDecoder
	// Before Close the decision may still be open: guess from the header itself.
	if t.enc.gb18030 || !t.enc.isDecided() && !utf8.Valid(row) {
		dec = newGB18030()
	}
	n := t.fieldCount(0)
	names := make([]string, n)
	var buf []byte
	for i := range n {
		buf = appendDecoded(buf[:0], t.fieldBytes(0, i), dec)
		names[i] = trimColumnName(string(buf))
	}
	return names
}

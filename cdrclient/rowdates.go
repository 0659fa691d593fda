package cdrclient

import (
	"bytes"
	"io"
	"time"
)

// rowKeep is how many bytes of each window's start and end rowDates keeps: several
// rows, so the first and the last row of a window fit whole.
const rowKeep = 4 << 10

// rowDates passes a Fetch's output on and keeps the first and last bytes each window
// wrote, from which end reads the dates of the window's first and last rows. It copies
// at most rowKeep bytes per write and parses two rows per window, so checking the
// dates costs no second pass over the download.
type rowDates struct {
	w       io.Writer
	written int64
	begun   int64  // written when the window began
	head    []byte // the window's first bytes, up to rowKeep
	tail    []byte // the window's last bytes, up to rowKeep
	sc      scanner
}

func newRowDates(w io.Writer) *rowDates {
	return &rowDates{w: w, head: make([]byte, 0, rowKeep), tail: make([]byte, 0, 2*rowKeep)}
}

// begin starts a window: what is written next is its rows (and, first, the header).
func (d *rowDates) begin() {
	d.begun, d.head, d.tail = d.written, d.head[:0], d.tail[:0]
}

func (d *rowDates) Write(p []byte) (int, error) {
	n, err := d.w.Write(p)
	p = p[:n]
	d.written += int64(n)
	if room := rowKeep - len(d.head); room > 0 {
		d.head = append(d.head, p[:min(room, n)]...)
	}
	if n >= rowKeep {
		d.tail = append(d.tail[:0], p[n-rowKeep:]...)
	} else {
		if len(d.tail)+n > cap(d.tail) {
			d.tail = d.tail[:copy(d.tail, d.tail[len(d.tail)-rowKeep+n:])]
		}
		d.tail = append(d.tail, p...)
	}
	return n, err
}

// end returns the dates of the first and the last row the window wrote, whichever
// could be read from the bytes kept: a header, a row longer than rowKeep or a
// timestart that is not a PBX time gives none. col is timestart's column.
func (d *rowDates) end(col int) []time.Time {
	if col < 0 || d.written == d.begun {
		return nil
	}
	whole := d.written-d.begun <= rowKeep // head holds every byte of the window
	var dates []time.Time
	// The head starts at a row boundary: the first row that holds a date (the header
	// holds none) is the window's first.
	d.sc = scanner{line: 1, ends: d.sc.ends[:0]}
	for range 2 {
		found := d.sc.scan(d.head)
		if !found && whole {
			found, _ = d.sc.finish(d.head)
		}
		if !found {
			break
		}
		if t, ok := d.rowDate(d.head[d.sc.rowStart:d.sc.rowStart+d.sc.rowLen], col); ok {
			dates = append(dates, t)
			break
		}
	}
	// The tail ends with the last row; it starts after the line end before it (no
	// field of a PBX's CDR holds a line break).
	last := bytes.TrimRight(d.tail, "\r\n")
	i := bytes.LastIndexByte(last, '\n')
	if i < 0 && d.written-d.begun > int64(len(last)) {
		return dates
	}
	row := last[i+1:]
	d.sc = scanner{line: 1, ends: d.sc.ends[:0]}
	found := d.sc.scan(row)
	if !found {
		found, _ = d.sc.finish(row)
	}
	if found {
		if t, ok := d.rowDate(row[d.sc.rowStart:], col); ok {
			dates = append(dates, t)
		}
	}
	return dates
}

// rowDate reads field col of a row just scanned as a PBX time.
func (d *rowDates) rowDate(row []byte, col int) (time.Time, bool) {
	ends := d.sc.ends
	if col >= len(ends) {
		return time.Time{}, false
	}
	start := 0
	if col > 0 {
		start = ends[col-1] + 1
	}
	var buf [32]byte
	return ParsePBXTime(string(appendFieldValue(buf[:0], row[start:ends[col]])))
}

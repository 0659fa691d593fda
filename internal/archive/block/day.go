package block

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"sync"
)

// SecondsPerDay is the length of a block's day.
const SecondsPerDay = 86400

// A Day is the content of a block: one PBX-day's rows of one header, in time order.
type Day struct {
	Secs []int32  // each row's second of the day
	Rows [][]byte // each row's bytes with its line ending
	From []string // each row's callfrom, decoded as cdrclient.Record.CallFrom reads it
	To   []string // each row's callto
}

// Add appends a row.
func (d *Day) Add(sec int32, row []byte, from, to string) {
	d.Secs = append(d.Secs, sec)
	d.Rows = append(d.Rows, row)
	d.From = append(d.From, from)
	d.To = append(d.To, to)
}

// Len is the number of rows.
func (d Day) Len() int { return len(d.Rows) }

// format is the first byte of an encoded block: blocks of another layout (a newer
// cdrdesk's) are refused, not misread.
const format = 2

// headerLen is the format byte and the CRC-32C of the compressed bytes after it.
const headerLen = 5

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// level is DEFLATE's fastest: blocks are written at sync speed, and the CSV still
// shrinks about three times.
const level = flate.BestSpeed

var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, level)
	return w
}}

// Encode packs d: the format, a CRC-32C, then compressed: the row count; each row's
// length; each row's second, as the step from the one before (rows are in time
// order); each callfrom and each callto with its length; the rows' bytes. Column by
// column, alike values sit together and compress better.
func (d Day) Encode() []byte {
	out := bytes.NewBuffer(make([]byte, headerLen, headerLen+32*len(d.Rows)))
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(out)
	buf := make([]byte, 0, 16*len(d.Rows)+binary.MaxVarintLen64)
	buf = binary.AppendUvarint(buf, uint64(len(d.Rows)))
	for _, r := range d.Rows {
		buf = binary.AppendUvarint(buf, uint64(len(r)))
	}
	prev := int32(0)
	for _, s := range d.Secs {
		buf = binary.AppendUvarint(buf, uint64(s-prev))
		prev = s
	}
	for _, col := range [][]string{d.From, d.To} {
		for _, v := range col {
			buf = binary.AppendUvarint(buf, uint64(len(v)))
			buf = append(buf, v...)
		}
	}
	w.Write(buf) // writes to a bytes.Buffer cannot fail
	for _, r := range d.Rows {
		w.Write(r)
	}
	w.Close()
	b := out.Bytes()
	b[0] = format
	binary.LittleEndian.PutUint32(b[1:headerLen], crc32.Checksum(b[headerLen:], castagnoli))
	return b
}

// ErrDamaged says a block's bytes are not what Encode wrote: damaged on disk, or cut.
var ErrDamaged = errors.New("a block of rows is damaged (its checksum or layout is wrong)")

var readers = sync.Pool{New: func() any { return flate.NewReader(nil) }}

// Decode unpacks what Encode packed. The rows and values share one buffer.
func Decode(data []byte) (Day, error) {
	// Another layout would come with a newer schema, which Open refuses: here it
	// can only be damage.
	if err := Check(data); err != nil {
		return Day{}, err
	}
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	r.(flate.Resetter).Reset(bytes.NewReader(data[headerLen:]), nil)
	raw, err := io.ReadAll(r)
	if err != nil {
		return Day{}, ErrDamaged
	}
	return unpack(raw)
}

// unpack reads the columns of a decompressed block.
func unpack(raw []byte) (Day, error) {
	next := func() (uint64, bool) {
		v, k := binary.Uvarint(raw)
		if k <= 0 {
			return 0, false
		}
		raw = raw[k:]
		return v, true
	}
	n, ok := next()
	if !ok || n > uint64(len(raw)) {
		return Day{}, ErrDamaged
	}
	d := Day{Secs: make([]int32, n), Rows: make([][]byte, n), From: make([]string, n), To: make([]string, n)}
	lens := make([]int, n)
	total := 0
	for i := range lens {
		l, ok := next()
		if !ok || l > uint64(len(raw)) {
			return Day{}, ErrDamaged
		}
		lens[i] = int(l)
		total += int(l)
	}
	sec := uint64(0)
	for i := range d.Secs {
		step, ok := next()
		if !ok {
			return Day{}, ErrDamaged
		}
		if sec += step; sec >= SecondsPerDay {
			return Day{}, ErrDamaged
		}
		d.Secs[i] = int32(sec)
	}
	// The callfrom and callto values become one string, sliced: two allocations
	// for a day instead of two a row.
	cols := raw
	type span struct{ from, to int }
	spans := make([]span, 2*n)
	for i := range spans {
		l, ok := next()
		if !ok || l > uint64(len(raw)) {
			return Day{}, ErrDamaged
		}
		start := len(cols) - len(raw)
		spans[i] = span{start, start + int(l)}
		raw = raw[l:]
	}
	text := string(cols[:len(cols)-len(raw)])
	for i, sp := range spans {
		if i < int(n) {
			d.From[i] = text[sp.from:sp.to]
		} else {
			d.To[i-int(n)] = text[sp.from:sp.to]
		}
	}
	if total != len(raw) {
		return Day{}, ErrDamaged
	}
	for i, l := range lens {
		d.Rows[i], raw = raw[:l:l], raw[l:]
	}
	return d, nil
}

// Check says whether data is a block as Encode wrote it, by its format and checksum
// alone (nil, or ErrDamaged): it reads no row.
func Check(data []byte) error {
	if len(data) < headerLen || data[0] != format ||
		binary.LittleEndian.Uint32(data[1:headerLen]) != crc32.Checksum(data[headerLen:], castagnoli) {
		return ErrDamaged
	}
	return nil
}

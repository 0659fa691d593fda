package block

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sync"

	"github.com/golang/snappy"
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

// grow makes room for n more rows.
func (d *Day) grow(n int) {
	d.Secs = slices.Grow(d.Secs, n)
	d.Rows = slices.Grow(d.Rows, n)
	d.From = slices.Grow(d.From, n)
	d.To = slices.Grow(d.To, n)
}

// Len is the number of rows.
func (d Day) Len() int { return len(d.Rows) }

// format is the first byte of an encoded block: blocks of another layout (a newer
// cdrdesk's) are refused, not misread.
const format = 2

// headerLen is the format byte and the CRC-32C of the compressed bytes after it.
const headerLen = 5

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Encode packs d: the format, a CRC-32C, then compressed: the row count; each row's
// length; each row's second, as the step from the one before (rows are in time
// order); each callfrom and each callto with its length; the rows' bytes. Column by
// column, alike values sit together and compress better.
func (d Day) Encode() []byte {
	size := binary.MaxVarintLen64 * (1 + 4*len(d.Rows))
	for k, r := range d.Rows {
		size += len(r) + len(d.From[k]) + len(d.To[k])
	}
	bp := payloads.Get().(*[]byte)
	defer payloads.Put(bp)
	buf := slices.Grow((*bp)[:0], size)
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
	for _, r := range d.Rows {
		buf = append(buf, r...)
	}
	// Compressed into a second buffer of the pool, then copied out at its size: a
	// new buffer of the largest size would be cleared for nothing each time.
	sp := payloads.Get().(*[]byte)
	defer payloads.Put(sp)
	scratch := slices.Grow((*sp)[:0], headerLen+snappy.MaxEncodedLen(len(buf)))[:headerLen+snappy.MaxEncodedLen(len(buf))]
	n := len(snappy.Encode(scratch[headerLen:], buf))
	*bp, *sp = buf, scratch
	out := bytes.Clone(scratch[:headerLen+n])
	out[0] = format
	binary.LittleEndian.PutUint32(out[1:headerLen], crc32.Checksum(out[headerLen:], castagnoli))
	return out
}

// payloads are the buffers blocks are laid out in before they are compressed.
var payloads = sync.Pool{New: func() any { return new([]byte) }}

// ErrDamaged says a block's bytes are not what Encode wrote: damaged on disk, or cut.
var ErrDamaged = errors.New("a block of rows is damaged (its checksum or layout is wrong)")

// maxBlock bounds what a block may claim to hold when decoded (a day of a PBX that
// logged a call every second would take about 20 MB), so that a length the checksum
// happens to pass cannot make Decode allocate gigabytes.
const maxBlock = 1 << 30

// Decode unpacks what Encode packed. The rows and values share one buffer.
func Decode(data []byte) (Day, error) {
	// Another layout would come with a newer schema, which Open refuses: here it
	// can only be damage.
	if err := Check(data); err != nil {
		return Day{}, err
	}
	n, err := snappy.DecodedLen(data[headerLen:])
	if err != nil || n > maxBlock {
		return Day{}, ErrDamaged
	}
	raw, err := snappy.Decode(make([]byte, n), data[headerLen:])
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

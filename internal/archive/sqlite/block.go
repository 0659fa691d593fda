package sqlite

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// A dayRows is the decoded content of a block: one PBX-day's rows of one header, in
// time order.
type dayRows struct {
	secs []int32  // each row's second of the day
	rows [][]byte // each row's bytes with its line ending
}

func (d *dayRows) add(sec int32, row []byte) {
	d.secs = append(d.secs, sec)
	d.rows = append(d.rows, row)
}

// flateLevel is DEFLATE's fastest: blocks are written at sync speed; the CSV still
// shrinks several times.
const flateLevel = flate.BestSpeed

var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flateLevel)
	return w
}}

// encode packs d: the row count, each row's length and second (varints), then the
// rows' bytes, all compressed.
func (d *dayRows) encode() []byte {
	var out bytes.Buffer
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&out)
	var buf []byte
	buf = binary.AppendUvarint(buf, uint64(len(d.rows)))
	for i, r := range d.rows {
		buf = binary.AppendUvarint(buf, uint64(len(r)))
		buf = binary.AppendUvarint(buf, uint64(d.secs[i]))
	}
	w.Write(buf) // writes to a bytes.Buffer cannot fail
	for _, r := range d.rows {
		w.Write(r)
	}
	w.Close()
	return out.Bytes()
}

var errBadBlock = errors.New("a block of rows cannot be read")

// decodeBlock unpacks what encode packed.
func decodeBlock(data []byte) (dayRows, error) {
	r := flate.NewReader(bytes.NewReader(data))
	defer r.Close()
	raw, err := io.ReadAll(r)
	if err != nil {
		return dayRows{}, errBadBlock
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return dayRows{}, errBadBlock
	}
	raw = raw[k:]
	d := dayRows{secs: make([]int32, n), rows: make([][]byte, n)}
	lens := make([]int, n)
	total := 0
	for i := range int(n) {
		l, k1 := binary.Uvarint(raw)
		if k1 <= 0 {
			return dayRows{}, errBadBlock
		}
		sec, k2 := binary.Uvarint(raw[k1:])
		if k2 <= 0 || sec >= secondsPerDay {
			return dayRows{}, errBadBlock
		}
		raw = raw[k1+k2:]
		lens[i], d.secs[i] = int(l), int32(sec)
		total += int(l)
	}
	if total != len(raw) {
		return dayRows{}, errBadBlock
	}
	for i, l := range lens {
		d.rows[i], raw = raw[:l:l], raw[l:]
	}
	return d, nil
}

const secondsPerDay = 86400

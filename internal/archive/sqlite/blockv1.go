package sqlite

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"

	"cdrdesk/internal/archive/block"
)

// decodeV1 unpacks a block of a version-1 archive, for the step to version 2: DEFLATE
// of the row count, each row's length and second (varints), then the rows' bytes.
// Version 1 kept no callfrom or callto in its blocks; the step reads them from the
// rows.
func decodeV1(data []byte) (secs []int32, rows [][]byte, err error) {
	r := flate.NewReader(bytes.NewReader(data))
	defer r.Close()
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, block.ErrDamaged
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return nil, nil, block.ErrDamaged
	}
	raw = raw[k:]
	secs, rows = make([]int32, n), make([][]byte, n)
	lens := make([]int, n)
	total := 0
	for i := range int(n) {
		l, k1 := binary.Uvarint(raw)
		if k1 <= 0 {
			return nil, nil, block.ErrDamaged
		}
		sec, k2 := binary.Uvarint(raw[k1:])
		if k2 <= 0 || sec >= block.SecondsPerDay {
			return nil, nil, block.ErrDamaged
		}
		raw = raw[k1+k2:]
		lens[i], secs[i] = int(l), int32(sec)
		total += int(l)
	}
	if total != len(raw) {
		return nil, nil, block.ErrDamaged
	}
	for i, l := range lens {
		rows[i], raw = raw[:l:l], raw[l:]
	}
	return secs, rows, nil
}

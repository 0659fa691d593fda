package cdrclient

import (
	"fmt"
	"slices"
	"strings"
)

// Len returns the number of records: rows after the header, empty lines not counted.
func (t *Table) Len() int { return max(t.rowStart.n-1, 0) }

// Columns returns the header names as sent: decoded, byte order mark and surrounding
// space removed. It is nil before the header has arrived.
func (t *Table) Columns() []string { return slices.Clone(t.columns) }

// Column returns the index of a column by name, or -1 if the header has no such
// column. Names are compared in canonical form (see CanonicalColumn), so the
// documentation's spellings of dsttrunkname work too.
func (t *Table) Column(name string) int {
	if i, ok := t.colIndex[CanonicalColumn(name)]; ok {
		return i
	}
	name = trimColumnName(name)
	for i, c := range t.columns {
		if strings.EqualFold(c, name) {
			return i
		}
	}
	return -1
}

// Field returns the value of column col in record row: quotes removed, `""`
// unescaped, converted from GB18030 when the table is not UTF-8. A column the row
// lacks (a short row, or col outside the header) reads as "". Field panics if row is
// not in [0, Len()).
func (t *Table) Field(row, col int) string {
	raw := t.recordField(row, col)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] != '"' && (!t.isGB18030() || isASCII(raw)) {
		return string(raw)
	}
	var buf [128]byte // most values fit: decode on the stack
	return string(t.appendValue(buf[:0], raw))
}

// AppendField appends the value Field would return to dst, without allocating a
// string; for sorting and filtering many rows.
func (t *Table) AppendField(dst []byte, row, col int) []byte {
	return t.appendValue(dst, t.recordField(row, col))
}

// appendValue decodes a raw field of this table. GB18030 decoders come from a pool, so
// that sorting a million rows does not allocate one per value and readers on several
// goroutines never share one.
func (t *Table) appendValue(dst, raw []byte) []byte {
	if !t.isGB18030() || isASCII(raw) {
		return appendFieldValue(dst, raw)
	}
	dec, _ := t.decoders.Get().(gbDecoder)
	if dec == nil {
		dec = newGB18030()
	}
	dst = appendDecoded(dst, raw, dec)
	t.decoders.Put(dec)
	return dst
}

// RawRow returns record row's bytes as received, including its line ending. The slice
// points into the table: do not modify it.
func (t *Table) RawRow(row int) []byte {
	t.checkRow(row)
	return t.rawRow(row + 1)
}

// Size returns the number of raw bytes held.
func (t *Table) Size() int64 { return t.raw.size() }

// Encoding returns "UTF-8" or "GB18030", decided once for the whole input by the rule
// every reader of this package shares: a UTF-8 byte order mark means UTF-8; otherwise
// a byte sequence that is not valid UTF-8 (within the first 4 MiB from the first byte
// that is not ASCII) means the PBX wrote GB18030 (GBK), as Chinese-language PBXs may.
func (t *Table) Encoding() string { return t.enc.encoding() }

func (t *Table) isGB18030() bool { return t.enc.gb18030 }

func (t *Table) checkRow(row int) {
	if row < 0 || row >= t.Len() {
		panic(fmt.Sprintf("cdrclient: row %d out of range [0,%d)", row, t.Len()))
	}
}

// recordField returns the raw bytes of a record's field, or nil when it has none.
func (t *Table) recordField(row, col int) []byte {
	t.checkRow(row)
	if col < 0 || col >= len(t.columns) || col >= t.fieldCount(row+1) {
		return nil
	}
	return t.fieldBytes(row+1, col)
}

// entries returns where row r's ends lie in t.ends; from == to marks a long row.
func (t *Table) entries(r int) (from, to int) {
	from, to = int(t.rowIdx.at(r)), t.ends.n
	if r+1 < t.rowIdx.n {
		to = int(t.rowIdx.at(r + 1))
	}
	return from, to
}

// fieldCount returns the number of fields of internal row r (0 is the header).
func (t *Table) fieldCount(r int) int {
	from, to := t.entries(r)
	if from == to {
		return len(t.long[r]) - 1
	}
	return to - from - 1
}

// fieldBytes returns field col (< fieldCount(r)) of internal row r, as raw bytes.
func (t *Table) fieldBytes(r, col int) []byte {
	var start, end int
	if from, to := t.entries(r); from == to {
		e := t.long[r]
		end = int(e[col])
		if col > 0 {
			start = int(e[col-1]) + 1
		}
	} else {
		end = int(t.ends.at(from + col))
		if col > 0 {
			start = int(t.ends.at(from+col-1)) + 1
		}
	}
	chunk, off := t.raw.locate(t.rowStart.at(r))
	return chunk[off+start : off+end : off+end]
}

// rawRow returns internal row r with its line ending.
func (t *Table) rawRow(r int) []byte {
	n := 0
	if from, to := t.entries(r); from == to {
		e := t.long[r]
		n = int(e[len(e)-1])
	} else {
		n = int(t.ends.at(to - 1))
	}
	chunk, off := t.raw.locate(t.rowStart.at(r))
	return chunk[off : off+n : off+n]
}

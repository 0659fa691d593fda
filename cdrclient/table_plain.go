package cdrclient

// PlainFields sets fields[i] to the value of column cols[i] of record row, as
// AppendField would give it, without copying: the slices point into the table and
// must not be modified. It is for passes over a million rows, where copying every
// value costs more than reading it. It reports false, leaving fields unspecified, when
// some value is not its raw bytes (quoted, or GB18030 text that is not ASCII) or the
// row is kept apart as a long one; the caller then reads that row with AppendFields.
// fields must be as long as cols. A column the row lacks, or -1, reads as "".
func (t *Table) PlainFields(fields [][]byte, row int, cols []int) bool {
	t.checkRow(row)
	r := row + 1
	from, to := t.entries(r)
	if from == to {
		return false
	}
	n := min(to-from-1, len(t.columns))
	ends, ok := t.ends.span(from, to)
	if !ok { // the row's ends straddle two pages (one row in a few hundred)
		var copied [32]uint16
		ends = copied[:0]
		for i := from; i < to; i++ {
			ends = append(ends, t.ends.at(i))
		}
	}
	chunk, off := t.raw.locate(t.rowStart.at(r))
	raw := chunk[off : off+int(ends[len(ends)-1])]
	gb := t.isGB18030()
	for i, col := range cols {
		if col < 0 || col >= n {
			fields[i] = nil
			continue
		}
		start := 0
		if col > 0 {
			start = int(ends[col-1]) + 1
		}
		end := int(ends[col])
		v := raw[start:end:end]
		// A value of one byte is never quoted: appendFieldValue keeps a lone '"'.
		if len(v) > 1 && v[0] == '"' || gb && !isASCII(v) {
			return false
		}
		fields[i] = v
	}
	return true
}

// span returns entries [from, to) when they lie in one page, without copying.
func (p *paged[T]) span(from, to int) ([]T, bool) {
	if from>>pageShift != (to-1)>>pageShift {
		return nil, false
	}
	return p.pages[from>>pageShift][from&pageMask : (to-1)&pageMask+1], true
}

package cdrclient

// AppendFields appends the values of several columns of record row to dst, one after
// another, as AppendField would each, and sets ends[i] to the end of column cols[i]'s
// value in the result (so value i is dst[ends[i-1]:ends[i]], from the length dst had
// for i = 0). It is for passes that read a few columns of every row: the row is
// located once instead of once per column. ends must be as long as cols. A column
// the row lacks, or -1, reads as "".
func (t *Table) AppendFields(dst []byte, ends []int, row int, cols []int) []byte {
	t.checkRow(row)
	r := row + 1
	from, to := t.entries(r)
	if from == to { // a long row (rare): field by field
		for i, col := range cols {
			dst = t.appendValue(dst, t.recordField(row, col))
			ends[i] = len(dst)
		}
		return dst
	}
	n := min(to-from-1, len(t.columns))
	chunk, off := t.raw.locate(t.rowStart.at(r))
	for i, col := range cols {
		if col >= 0 && col < n {
			start := 0
			if col > 0 {
				start = int(t.ends.at(from+col-1)) + 1
			}
			end := int(t.ends.at(from + col))
			dst = t.appendValue(dst, chunk[off+start:off+end:off+end])
		}
		ends[i] = len(dst)
	}
	return dst
}

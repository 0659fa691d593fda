package cdrclient

// eachRow reads a whole CDR CSV as a Table given the same bytes would (the same
// grammar, byte order mark and encoding decision), calling f for each record: the
// reading RowSpans falls back on (a header that names other columns once the
// encoding is decided), and the one its tests compare it with.
//
// It returns the header row as sent (byte order mark included, line ending too when
// it has one), nil for an input without one, and calls f for every record in order
// with its bytes as received (its line ending included, when it has one) and the
// values of the columns named (as Table.Column finds them; "" for a column the header
// or the row lacks), as Table.Field reads them. row and values point into csv or into
// a buffer reused for the next record: copy what must be kept, and do not modify
// them. Its error is the one Table.Close would give (a *CSVError).
func eachRow(csv []byte, names []string, f func(row []byte, values [][]byte)) (header []byte, err error) {
	sc := newScanner()
	var enc encodingDecision
	bom := checkBOM(csv, true)
	enc.bom(bom)
	if bom == bomPresent {
		sc.pos = len(utf8BOM)
	}
	enc.see(csv) // one span or many: the decision is the same
	enc.end()
	var dec gbDecoder
	if enc.gb18030 {
		dec = newGB18030()
	}
	var cols []int
	values := make([][]byte, len(names))
	var buf []byte
	row := func() {
		raw := csv[sc.rowStart : sc.rowStart+sc.rowLen]
		if header == nil {
			// The byte order mark and the row, without empty lines between them.
			if bom == bomPresent {
				header = append(append(make([]byte, 0, len(utf8BOM)+len(raw)), utf8BOM...), raw...)
			} else {
				header = raw
			}
			cols = columnsOf(raw, sc.ends, dec, names)
			return
		}
		buf = buf[:0]
		for i, col := range cols {
			if col < 0 || col >= len(sc.ends) {
				values[i] = nil
				continue
			}
			v := fieldOf(raw, sc.ends, col)
			// A value of one byte is never quoted: appendFieldValue keeps a lone '"'.
			if len(v) > 1 && v[0] == '"' || dec != nil && !isASCII(v) {
				start := len(buf)
				buf = appendDecoded(buf, v, dec)
				v = buf[start:len(buf):len(buf)]
			}
			values[i] = v
		}
		f(raw, values)
	}
	for sc.scan(csv) {
		row()
	}
	done, err := sc.finish(csv)
	if err != nil {
		return header, err
	}
	if done {
		row()
	}
	return header, nil
}

// fieldOf is field i of a row scanned with field ends ends (relative to the row).
func fieldOf(row []byte, ends []int, i int) []byte {
	start := 0
	if i > 0 {
		start = ends[i-1] + 1
	}
	return row[start:ends[i]:ends[i]]
}

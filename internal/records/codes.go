package records

// overflowCode marks a value beyond the first 255 distinct ones of a column: such
// rows are compared by their field instead of their code.
const overflowCode = 255

// codes numbers the distinct values of a low-cardinality column (status, type) so
// that filtering compares one byte per row.
type codes struct {
	row  []uint8
	dict dict
}

// dict numbers values in the order they are first seen, up to overflowCode.
type dict struct {
	values []string // value of each code
	index  map[string]uint8
}

// code returns the code of value b, numbering it if new.
func (d *dict) code(b []byte) uint8 {
	if code, ok := d.index[string(b)]; ok { // no allocation for a lookup
		return code
	}
	if len(d.values) == overflowCode {
		return overflowCode
	}
	if d.index == nil {
		d.index = make(map[string]uint8)
	}
	code := uint8(len(d.values))
	d.values = append(d.values, string(b))
	d.index[d.values[code]] = code
	return code
}

// merge renumbers rows coded with part's dict (a part of the table read
// concurrently) into d's codes.
func (d *dict) merge(part *dict, rows []uint8) {
	var to [256]uint8
	to[overflowCode] = overflowCode
	for code, v := range part.values {
		to[code] = d.code([]byte(v))
	}
	for i, c := range rows {
		rows[i] = to[c]
	}
}

// codeSet is a filter's list of wanted values, as codes.
type codeSet struct {
	on     bool // the filter lists values; off keeps everything
	want   [256]bool
	values []string // the wanted values, for rows with overflowCode
}

func (d *dict) wanted(values []string) codeSet {
	s := codeSet{on: len(values) > 0, values: values}
	for _, v := range values {
		if code, ok := d.index[v]; ok {
			s.want[code] = true
		}
	}
	return s
}

// hasValue reports whether value is one of the wanted values: the test for rows
// whose code is overflowCode (for other rows, want[code] tells).
func (s *codeSet) hasValue(value []byte) bool {
	for _, v := range s.values {
		if string(value) == v {
			return true
		}
	}
	return false
}

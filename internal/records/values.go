package records

import "slices"

// maxValues caps Values: it offers quick-filter choices, which a column with
// thousands of values (numbers) cannot be.
const maxValues = 50

// Values returns the distinct non-empty values of a column in the whole table, in
// byte order, at most 50 (the smallest), e.g. the choices of the status and type
// quick filters. A column the table lacks has none. Results are kept per column.
func (v *View) Values(column string) []string {
	col := v.t.Column(column)
	if col < 0 {
		return nil
	}
	vals, ok := v.values[col]
	if !ok {
		vals, ok = v.coded(col)
	}
	if !ok {
		vals = v.distinct(col)
		if v.values == nil {
			v.values = make(map[int][]string)
		}
		v.values[col] = vals
	}
	return slices.Clone(vals)
}

// distinct returns the maxValues smallest distinct non-empty values of column col.
func (v *View) distinct(col int) []string {
	var (
		vals []string // sorted
		seen = make(map[string]struct{})
		buf  []byte
	)
	for r := range v.t.Len() {
		buf = v.t.AppendField(buf[:0], r, col)
		if len(buf) == 0 {
			continue
		}
		if _, ok := seen[string(buf)]; ok { // no allocation for a lookup
			continue
		}
		if len(vals) == maxValues && string(buf) >= vals[maxValues-1] {
			continue
		}
		s := string(buf)
		i, _ := slices.BinarySearch(vals, s)
		vals = slices.Insert(vals, i, s)
		seen[s] = struct{}{}
		if len(vals) > maxValues {
			delete(seen, vals[maxValues])
			vals = vals[:maxValues]
		}
	}
	return vals
}

// coded returns the values of the status or type column from the codes the facts
// already hold (once a quick filter or a search by extension name has built them),
// instead of reading a million fields again; ok is false for other columns, before
// the facts exist, or when the column has more distinct values than the codes
// number.
func (v *View) coded(col int) (vals []string, ok bool) {
	if v.facts == nil {
		return nil, false
	}
	var d *dict
	switch c := standardColumns(v.t); col {
	case c.status:
		d = &v.facts.status.dict
	case c.kind:
		d = &v.facts.kind.dict
	default:
		return nil, false
	}
	if len(d.values) >= overflowCode { // some rows were not numbered: their values are unknown here
		return nil, false
	}
	for _, s := range d.values {
		if s != "" {
			vals = append(vals, s)
		}
	}
	slices.Sort(vals)
	return vals[:min(len(vals), maxValues)], true
}

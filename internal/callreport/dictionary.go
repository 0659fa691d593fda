package callreport

// dictionary numbers the rare values that do not pack into an integer key (a callid
// not shaped "<seconds>.<sequence>", a number with letters or over 17 digits). Its
// keys carry dictBit.
type dictionary struct {
	index  map[string]uint64
	values []string
}

// key returns the key of b, numbering it if new.
func (d *dictionary) key(b []byte) uint64 {
	if k, ok := d.index[string(b)]; ok { // no allocation for a lookup
		return k
	}
	if d.index == nil {
		d.index = make(map[string]uint64)
	}
	k := dictBit | uint64(len(d.values))
	d.values = append(d.values, string(b))
	d.index[d.values[len(d.values)-1]] = k
	return k
}

// appendText appends the text a packed or dictionary key stands for.
func (d *dictionary) appendText(dst []byte, key uint64) []byte {
	switch {
	case key == 0:
		return dst
	case key&dictBit != 0:
		return append(dst, d.values[key&^dictBit]...)
	}
	return appendUnpacked(dst, key)
}

func (d *dictionary) text(key uint64) string { return string(d.appendText(nil, key)) }

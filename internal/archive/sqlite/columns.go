package sqlite

import (
	"time"

	"cdrdesk/cdrclient"
)

// recordColumns are the columns of table record, after pbx.
var recordColumns = []string{"callid", "timestart", "callfrom", "callto", "status", "type"}

// columnReader reads the record columns of a table's rows.
type columnReader struct {
	t    *cdrclient.Table
	cols []int
	ends []int
	buf  []byte
}

func newColumnReader(t *cdrclient.Table) *columnReader {
	r := &columnReader{t: t, ends: make([]int, len(recordColumns))}
	for _, name := range recordColumns {
		r.cols = append(r.cols, t.Column(name))
	}
	return r
}

// read returns row's timestart (ok false when it cannot be read) and appends the
// values of its other record columns to dst, setting ends as AppendFields does.
func (r *columnReader) read(dst []byte, ends []int, row int) (ts int64, out []byte, ok bool) {
	r.buf = r.t.AppendFields(r.buf[:0], r.ends, row, r.cols)
	field := func(i int) []byte {
		start := 0
		if i > 0 {
			start = r.ends[i-1]
		}
		return r.buf[start:r.ends[i]]
	}
	ts, ok = pbxSeconds(field(1))
	if !ok {
		return 0, dst, false
	}
	for k, i := range []int{0, 2, 3, 4, 5} {
		dst = append(dst, field(i)...)
		ends[k] = len(dst)
	}
	return ts, dst, true
}

// pbxSeconds reads a timestart as cdrclient.ParsePBXTime does, as wall-clock seconds.
// The PBX's own form (2025-03-04 09:30:00) is read without allocating.
func pbxSeconds(b []byte) (int64, bool) {
	if len(b) == len(cdrclient.TimeLayout) && b[4] == '-' && b[7] == '-' && b[10] == ' ' && b[13] == ':' && b[16] == ':' {
		num := func(from, to int) (int, bool) {
			n := 0
			for _, c := range b[from:to] {
				if c < '0' || c > '9' {
					return 0, false
				}
				n = n*10 + int(c-'0')
			}
			return n, true
		}
		y, ok1 := num(0, 4)
		mo, ok2 := num(5, 7)
		d, ok3 := num(8, 10)
		h, ok4 := num(11, 13)
		mi, ok5 := num(14, 16)
		s, ok6 := num(17, 19)
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 {
			t := time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
			// time.Date normalises 2025-02-30; the PBX's parser refuses it.
			if t.Year() == y && int(t.Month()) == mo && t.Day() == d && h < 24 && mi < 60 && s < 60 {
				return t.Unix(), true
			}
		}
	}
	t, ok := cdrclient.ParsePBXTime(string(b))
	return t.Unix(), ok
}

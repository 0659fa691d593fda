package records

import "cdrdesk/cdrclient"

// noExt is the extension index of a party that is no known extension.
const noExt = -1

// facts are what the quick filters and the search by extension name need of every
// row, derived in one pass so that later passes read small arrays instead of
// decoding fields: 10 bytes a row.
type facts struct {
	status   codes
	kind     codes
	from, to []int32 // extension index, or noExt
}

// buildFacts reads the status, type and parties of every row, in parts read
// concurrently.
func buildFacts(t *cdrclient.Table, exts *extensions, split splitter) *facts {
	n := t.Len()
	f := &facts{
		status: codes{row: make([]uint8, n)}, kind: codes{row: make([]uint8, n)},
		from: make([]int32, n), to: make([]int32, n),
	}
	c := standardColumns(t)
	reads := make([]partFacts, split.parts(n))
	split.run(n, func(part, lo, hi int) {
		reads[part].read(t, c, exts, f, lo, hi)
	})
	for p, pf := range reads {
		lo, hi := split.bounds(p, n)
		f.status.dict.merge(&pf.status, f.status.row[lo:hi])
		f.kind.dict.merge(&pf.kind, f.kind.row[lo:hi])
	}
	return f
}

// partFacts is what one part's reader keeps to itself: its own codes, merged
// afterwards.
type partFacts struct {
	status, kind dict
}

// read fills rows [lo, hi) of f.
func (pf *partFacts) read(t *cdrclient.Table, c columnSet, exts *extensions, f *facts, lo, hi int) {
	buf := make([]byte, 0, 256)
	field := func(r, col int) []byte {
		buf = t.AppendField(buf[:0], r, col) // kept: it grows to the longest field once
		return buf
	}
	for r := lo; r < hi; r++ {
		f.status.row[r] = pf.status.code(field(r, c.status))
		f.kind.row[r] = pf.kind.code(field(r, c.kind))
		f.from[r] = exts.lookup(field(r, c.from))
		f.to[r] = exts.lookup(field(r, c.to))
	}
}

// columnSet is the index of each column the facts read (-1 when missing: every
// field then reads as empty).
type columnSet struct {
	status, kind, from, to int
}

func standardColumns(t *cdrclient.Table) columnSet {
	return columnSet{
		status: t.Column(cdrclient.ColStatus), kind: t.Column(cdrclient.ColType),
		from: t.Column(cdrclient.ColCallFrom), to: t.Column(cdrclient.ColCallTo),
	}
}

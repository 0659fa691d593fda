package records

import (
	"bytes"
	"math"

	"cdrdesk/cdrclient"
)

// Bits of facts.flags.
const (
	answeredFlag uint8 = 1 << iota // status ANSWERED
	inboundFlag                    // type Inbound
	outboundFlag                   // type Outbound
	internalFlag                   // type Internal
)

// Sentinels of the per-row numbers.
const (
	noSeconds = math.MaxUint32 // duration empty, not a number, or over 136 years
	noTime    = math.MaxUint64 // timestart not shaped like yyyy-mm-dd hh:mm:ss
	noExt     = -1             // not a known extension
)

// facts are what the quick filters and the summaries need of every row, derived in
// one pass so that later passes read small arrays instead of decoding fields:
// about 26 bytes a row.
type facts struct {
	flags      []uint8
	status     codes
	kind       codes
	talk, call []uint32 // seconds, or noSeconds
	from, to   []int32  // extension index, or noExt
	start      []uint64 // packTime of timestart, or noTime
}

// buildFacts reads the status, type, durations, parties and start of every row,
// in parts read concurrently.
func buildFacts(t *cdrclient.Table, exts *extensions, split splitter) *facts {
	n := t.Len()
	f := &facts{
		flags: make([]uint8, n), status: codes{row: make([]uint8, n)},
		kind: codes{row: make([]uint8, n)}, talk: make([]uint32, n), call: make([]uint32, n),
		from: make([]int32, n), to: make([]int32, n), start: make([]uint64, n),
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
		status := field(r, c.status)
		f.status.row[r] = pf.status.code(status)
		flags := flagIf(bytes.EqualFold(status, []byte("ANSWERED")), answeredFlag)
		kind := field(r, c.kind)
		f.kind.row[r] = pf.kind.code(kind)
		f.flags[r] = flags | kindFlag(kind)
		f.talk[r] = seconds(field(r, c.talk))
		f.call[r] = seconds(field(r, c.call))
		f.from[r] = exts.lookup(field(r, c.from))
		f.to[r] = exts.lookup(field(r, c.to))
		f.start[r] = startTime(field(r, c.start))
	}
}

// startTime packs a timestart (surrounding space allowed); see noTime.
func startTime(b []byte) uint64 {
	if p, ok := packTime(bytes.TrimSpace(b)); ok {
		return p
	}
	return noTime
}

func kindFlag(b []byte) uint8 {
	switch {
	case bytes.EqualFold(b, []byte("Inbound")):
		return inboundFlag
	case bytes.EqualFold(b, []byte("Outbound")):
		return outboundFlag
	case bytes.EqualFold(b, []byte("Internal")):
		return internalFlag
	}
	return 0
}

func flagIf(cond bool, flag uint8) uint8 {
	if cond {
		return flag
	}
	return 0
}

// seconds reads a duration; see noSeconds.
func seconds(b []byte) uint32 {
	if s, ok := parseSeconds(b); ok && s < noSeconds {
		return uint32(s)
	}
	return noSeconds
}

// columnSet is the index of each column the facts read (-1 when missing: every
// field then reads as empty).
type columnSet struct {
	status, kind, talk, call, from, to, start int
}

func standardColumns(t *cdrclient.Table) columnSet {
	return columnSet{
		status: t.Column(cdrclient.ColStatus), kind: t.Column(cdrclient.ColType),
		talk: t.Column(cdrclient.ColTalkDuration), call: t.Column(cdrclient.ColCallDuration),
		from: t.Column(cdrclient.ColCallFrom), to: t.Column(cdrclient.ColCallTo),
		start: t.Column(cdrclient.ColTimeStart),
	}
}

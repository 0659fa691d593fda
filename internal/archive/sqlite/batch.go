package sqlite

import (
	"bytes"
	"slices"

	"cdrdesk/cdrclient"
)

// incoming is a row of a batch, ready to be kept.
type incoming struct {
	ts   int64  // timestart, Unix seconds of the PBX's wall clock
	row  []byte // as sent, with a line ending
	cols [5]string
}

// The columns of incoming.cols.
const (
	colCallID = iota
	colCallFrom
	colCallTo
	colStatus
	colType
)

// noTime marks a row without a readable timestart.
const noTime = -1 << 63

// batchRows reads a batch's header and rows by PBX-day, each day's in the order
// received. Rows without a readable timestart are left out: no PBX query by time
// selects them.
func batchRows(t *cdrclient.Table) (header []byte, days map[int64][]incoming) {
	var hb bytes.Buffer
	t.WriteRowsTo(&hb, nil) // the header as sent, byte order mark included
	header = hb.Bytes()
	eol := lineEnding(header)
	if len(header) > 0 && eol == nil {
		eol = []byte("\r\n")
		header = append(header, eol...)
	}
	cr := newColumnReader(t)
	// The values of every row go into one buffer made a string once: a million rows
	// cost two allocations instead of five million.
	var buf []byte
	ends := make([]int, 5*t.Len())
	tss := make([]int64, t.Len())
	for i := range t.Len() {
		ts, b, ok := cr.read(buf, ends[5*i:5*i+5], i)
		buf = b
		if !ok {
			ts = noTime
			for k := range 5 {
				ends[5*i+k] = len(buf)
			}
		}
		tss[i] = ts
	}
	all := string(buf)
	days = make(map[int64][]incoming)
	start := 0
	for i, ts := range tss {
		var cols [5]string
		for k := range cols {
			cols[k], start = all[start:ends[5*i+k]], ends[5*i+k]
		}
		if ts == noTime {
			continue
		}
		day := dayOf(ts)
		days[day] = append(days[day], incoming{ts: ts, row: withLineEnding(t.RawRow(i), eol), cols: cols})
	}
	return header, days
}

// withLineEnding returns row with a complete line ending, as Table.WriteRowsTo writes
// the last row of a CSV that lacks one: so it equals the same row sent mid-file.
func withLineEnding(row, eol []byte) []byte {
	switch {
	case bytes.HasSuffix(row, []byte{'\n'}):
		return row
	case bytes.HasSuffix(row, []byte{'\r'}):
		return append(slices.Clip(row), '\n')
	}
	return append(slices.Clip(row), eol...)
}

// lineEnding returns the "\r\n" or "\n" ending row, or nil.
func lineEnding(row []byte) []byte {
	switch {
	case bytes.HasSuffix(row, []byte("\r\n")):
		return []byte("\r\n")
	case bytes.HasSuffix(row, []byte("\n")):
		return []byte("\n")
	}
	return nil
}

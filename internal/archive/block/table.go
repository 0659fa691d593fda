package block

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"cdrdesk/cdrclient"
)

// FromTable reads a table's header (as sent, byte order mark included, with a line
// ending) and its rows by day, each day's in the order received. Rows without a
// readable timestart are left out: no PBX query by time selects them. A row that
// reached the end of its CSV without a line ending gets its header's, as
// cdrclient.Table.WriteRowsTo writes it, so it equals the same row sent inside a
// later window.
func FromTable(t *cdrclient.Table) (header []byte, days map[int64][]Row) {
	var hb bytes.Buffer
	t.WriteRowsTo(&hb, nil)
	header = hb.Bytes()
	eol := lineEnding(header)
	if len(header) > 0 && eol == nil {
		eol = []byte("\r\n")
		header = append(header, eol...)
	}
	cols := []int{t.Column("timestart"), t.Column("callfrom"), t.Column("callto")}
	// The values of every row go into one buffer made a string once: a million rows
	// cost two allocations instead of two million.
	var buf, field []byte
	fields := make([][]byte, len(cols))
	fieldEnds := make([]int, len(cols))
	ends := make([]int, 2*t.Len())
	tss := make([]int64, t.Len())
	for i := range t.Len() {
		// Most rows' values are their raw bytes: read in place, as the Table does.
		if !t.PlainFields(fields, i, cols) {
			field = t.AppendFields(field[:0], fieldEnds, i, cols)
			fields[0], fields[1], fields[2] = field[:fieldEnds[0]], field[fieldEnds[0]:fieldEnds[1]], field[fieldEnds[1]:fieldEnds[2]]
		}
		ts, ok := pbxSeconds(fields[0])
		if !ok {
			ts = noTime
		}
		tss[i] = ts
		buf = append(buf, fields[1]...)
		ends[2*i] = len(buf)
		buf = append(buf, fields[2]...)
		ends[2*i+1] = len(buf)
	}
	all := string(buf)
	// Each day's rows in a slice of its own size: appending a million rows would
	// copy and clear them several times over.
	count := make(map[int64]int)
	for _, ts := range tss {
		if ts != noTime {
			count[DayOf(ts)]++
		}
	}
	days = make(map[int64][]Row, len(count))
	for day, n := range count {
		days[day] = make([]Row, 0, n)
	}
	start := 0
	for i, ts := range tss {
		from, to := all[start:ends[2*i]], all[ends[2*i]:ends[2*i+1]]
		start = ends[2*i+1]
		if ts == noTime {
			continue
		}
		day := DayOf(ts)
		days[day] = append(days[day], Row{Day: day, Sec: int32(ts - day*SecondsPerDay),
			Bytes: withLineEnding(t.RawRow(i), eol), From: from, To: to})
	}
	return header, days
}

// noTime marks a row without a readable timestart.
const noTime = -1 << 63

// DayOf is the day (since 1970-01-01) of a wall-clock second.
func DayOf(s int64) int64 {
	d := s / SecondsPerDay
	if s%SecondsPerDay < 0 {
		d--
	}
	return d
}

// withLineEnding returns row with a complete line ending.
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

// dayText is a day as the PBX writes dates.
func dayText(day int64) string {
	return time.Unix(day*SecondsPerDay, 0).UTC().Format(time.DateOnly)
}

// Columns reads the callfrom and callto of rows with their header, as the PBX's CSV
// is read everywhere else (for a store's upgrade from blocks, or rows, that lacked
// them).
func Columns(header []byte, rows [][]byte) (from, to []string, err error) {
	t := cdrclient.NewTable()
	t.Write(header)
	for _, r := range rows {
		t.Write(r)
	}
	if err := t.Close(); err != nil {
		return nil, nil, err
	}
	if t.Len() != len(rows) {
		return nil, nil, fmt.Errorf("%w: %d rows read as %d records", ErrDamaged, len(rows), t.Len())
	}
	from, to = make([]string, len(rows)), make([]string, len(rows))
	for i := range rows {
		rec := t.Record(i)
		from[i], to[i] = rec.CallFrom(), rec.CallTo()
	}
	return from, to, nil
}

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
	// A window's rows come in time order: runs of one day, counted and added to
	// without a map access a row.
	count := make(map[int64]int)
	run, runDay := 0, int64(noTime)
	for _, ts := range tss {
		if ts == noTime {
			continue
		}
		if day := DayOf(ts); day != runDay {
			count[runDay] += run
			run, runDay = 0, day
		}
		run++
	}
	count[runDay] += run
	delete(count, noTime)
	days = make(map[int64][]Row, len(count))
	for day, n := range count {
		days[day] = make([]Row, 0, n)
	}
	var cur []Row
	curDay := int64(noTime)
	start := 0
	for i, ts := range tss {
		from, to := all[start:ends[2*i]], all[ends[2*i]:ends[2*i+1]]
		start = ends[2*i+1]
		if ts == noTime {
			continue
		}
		if day := DayOf(ts); day != curDay {
			if curDay != noTime {
				days[curDay] = cur
			}
			cur, curDay = days[day], day
		}
		cur = append(cur, Row{Day: curDay, Sec: int32(ts - curDay*SecondsPerDay),
			Bytes: withLineEnding(t.RawRow(i), eol), From: from, To: to})
	}
	if curDay != noTime {
		days[curDay] = cur
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
	switch n := len(row); { // not bytes.HasSuffix: a million calls of bytes.Equal
	case n > 0 && row[n-1] == '\n':
		return row
	case n > 0 && row[n-1] == '\r':
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
// The PBX's own form (2025-03-04 09:30:00) is read by arithmetic: a million rows'
// time.Date took a third of a commit's reading of them.
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
		// The PBX's parser refuses 2025-02-30 and 24:00:00, which time.Date would
		// carry over.
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h < 24 && mi < 60 && s < 60 {
			return daysFromCivil(y, mo, d)*SecondsPerDay + int64(h*3600+mi*60+s), true
		}
	}
	t, ok := cdrclient.ParsePBXTime(string(b))
	return t.Unix(), ok
}

// daysIn is the number of days of month mo (1–12) of year y.
func daysIn(y, mo int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the day since 1970-01-01 of a date of the proleptic Gregorian
// calendar, year 0 to 9999 (H. Hinnant's days_from_civil).
func daysFromCivil(y, mo, d int) int64 {
	if mo <= 2 {
		y--
	}
	era := (y+400)/400 - 1 // floor(y / 400) for y ≥ -1
	yoe := y - era*400
	mp := (mo + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
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

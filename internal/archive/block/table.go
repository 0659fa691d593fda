package block

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"cdrdesk/cdrclient"
)

// FromTable reads a table's header (as sent, byte order mark included, with a line
// ending) and its rows by day, each day's in the order received (as Fresh takes them).
// Rows without a readable timestart are left out: no PBX query by time selects them.
// A row that reached the end of its CSV without a line ending gets its header's, as
// cdrclient.Table.WriteRowsTo writes it, so it equals the same row sent inside a
// later window.
func FromTable(t *cdrclient.Table) (header []byte, days map[int64]Day) {
	var hb bytes.Buffer
	t.WriteRowsTo(&hb, nil)
	cols := []int{t.Column("timestart"), t.Column("callfrom"), t.Column("callto")}
	var l layout
	l.grow(t.Len())
	var field []byte
	fields := make([][]byte, len(cols))
	fieldEnds := make([]int, len(cols))
	for i := range t.Len() {
		// Most rows' values are their raw bytes: read in place, as the Table does.
		if !t.PlainFields(fields, i, cols) {
			field = t.AppendFields(field[:0], fieldEnds, i, cols)
			fields[0], fields[1], fields[2] = field[:fieldEnds[0]], field[fieldEnds[0]:fieldEnds[1]], field[fieldEnds[1]:fieldEnds[2]]
		}
		l.add(t.RawRow(i), fields[0], fields[1], fields[2])
	}
	return l.days(hb.Bytes())
}

// Rows are the records of a download laid out as a commit takes them.
type Rows struct {
	Header []byte        // as FromTable gives it
	Days   map[int64]Day // as FromTable gives them
	Len    int           // the records read, those left out included
	SN     string        // the first record's sn, "" without one
}

// SpanColumns are the columns FromSpans reads: give them to cdrclient.NewRowSpans.
var SpanColumns = []string{"timestart", "callfrom", "callto"}

// FromSpans reads the records of s (made with SpanColumns, closed without an error)
// as FromTable reads a Table of the same bytes. The rows point into s's bytes.
func FromSpans(s *cdrclient.RowSpans) Rows {
	var l layout
	l.grow(s.Len())
	var r Rows
	header := s.Each(func(row []byte, v [][]byte) {
		r.Len++
		l.add(row, v[0], v[1], v[2])
	})
	r.Header, r.Days = l.days(header)
	r.SN = s.First(cdrclient.ColSN)
	return r
}

// A layout gathers rows, then lays them out by day. The callfrom and callto values of
// every row go into one buffer made a string once: a million rows cost two
// allocations instead of two million.
type layout struct {
	rows [][]byte
	tss  []int64
	buf  []byte
	ends []int // each row's callfrom and callto end in buf
}

func (l *layout) grow(n int) {
	l.rows = slices.Grow(l.rows, n)
	l.tss = slices.Grow(l.tss, n)
	l.ends = slices.Grow(l.ends, 2*n)
	l.buf = slices.Grow(l.buf, 16*n)
}

// add adds a row: its bytes (not copied), timestart and callfrom and callto values
// (copied).
func (l *layout) add(row, timestart, from, to []byte) {
	ts, ok := pbxSeconds(timestart)
	if !ok {
		ts = noTime
	}
	l.rows = append(l.rows, row)
	l.tss = append(l.tss, ts)
	l.buf = append(l.buf, from...)
	l.ends = append(l.ends, len(l.buf))
	l.buf = append(l.buf, to...)
	l.ends = append(l.ends, len(l.buf))
}

// days lays the rows out by day under header (which gets a line ending when it has
// none, and the rows that lack one get it too).
func (l *layout) days(header []byte) ([]byte, map[int64]Day) {
	eol := lineEnding(header)
	if len(header) > 0 && eol == nil {
		eol = []byte("\r\n")
		header = append(slices.Clip(header), eol...)
	}
	all := string(l.buf)
	// Each day's rows in slices of their own size: appending a million rows would
	// copy and clear them several times over.
	// A window's rows come in time order: runs of one day, counted and added to
	// without a map access a row.
	count := make(map[int64]int)
	run, runDay := 0, int64(noTime)
	for _, ts := range l.tss {
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
	days := make(map[int64]Day, len(count))
	var cur Day
	curDay := int64(noTime)
	start := 0
	for i, ts := range l.tss {
		from, to := all[start:l.ends[2*i]], all[l.ends[2*i]:l.ends[2*i+1]]
		start = l.ends[2*i+1]
		if ts == noTime {
			continue
		}
		if day := DayOf(ts); day != curDay {
			if curDay != noTime {
				days[curDay] = cur
			}
			cur, curDay = days[day], day
			if cur.Len() == 0 {
				cur.grow(count[day])
			}
		}
		cur.Add(int32(ts-curDay*SecondsPerDay), withLineEnding(l.rows[i], eol), from, to)
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

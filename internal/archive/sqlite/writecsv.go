package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// WriteCSV writes the records of PBX key in r of the extensions exts (nil: all) as
// the PBX would send them (see archive.Store and, for a range spanning two headers,
// the package doc). Nothing is written for a PBX the archive does not hold.
func (s *Store) WriteCSV(ctx context.Context, w io.Writer, key string, r archive.Range, exts []string) (int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, s.failed("read", err)
	}
	defer tx.Rollback()
	var pbx int64
	var latest sql.NullInt64
	err = tx.QueryRowContext(ctx, "SELECT id, header FROM pbx WHERE key = ?", key).Scan(&pbx, &latest)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !latest.Valid {
		return 0, nil
	}
	if err != nil {
		return 0, s.failed("read", err)
	}
	q := rangeQuery{from: wallSeconds(r.From), to: wallSeconds(r.To), pbx: pbx}
	if exts != nil {
		q.exts = make(map[string]bool, len(exts))
		for _, e := range exts {
			q.exts[e] = true
		}
	}
	headers, err := q.headers(ctx, tx)
	if err != nil {
		return 0, s.failed("read", err)
	}
	header := latest.Int64
	switch {
	case len(headers) == 1:
		header = headers[0]
	case len(headers) > 1:
		// Rare (a PBX's header changed within the range): count whose rows these are.
		if header, err = q.commonHeader(ctx, tx, headers); err != nil {
			return 0, s.failed("read", err)
		}
	}
	var hb []byte
	if err := tx.QueryRowContext(ctx, "SELECT bytes FROM header WHERE id = ?", header).Scan(&hb); err != nil {
		return 0, s.failed("read", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(hb) // a write error is kept by bufio and returned by Flush
	n, err := q.each(ctx, tx, func(_ int64, row []byte) error {
		_, err := bw.Write(row)
		return err
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// A rangeQuery selects a PBX's rows by time and extensions.
type rangeQuery struct {
	pbx      int64
	from, to int64            // wall-clock seconds, inclusive
	exts     map[string]bool  // nil: all
	headerOf map[int64][]byte // header bytes by id, once read
}

// headers lists the headers of the blocks of the range's days.
func (q *rangeQuery) headers(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rs, err := tx.QueryContext(ctx, `SELECT DISTINCT header FROM block
		WHERE pbx = ? AND day BETWEEN ? AND ? AND last >= ? AND first <= ? ORDER BY header`,
		q.pbx, dayOf(q.from), dayOf(q.to), q.from, q.to)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []int64
	for rs.Next() {
		var h int64
		if err := rs.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rs.Err()
}

// commonHeader returns the header most selected rows came with, the earlier on a tie.
func (q *rangeQuery) commonHeader(ctx context.Context, tx *sql.Tx, headers []int64) (int64, error) {
	count := make(map[int64]int)
	if _, err := q.each(ctx, tx, func(h int64, _ []byte) error { count[h]++; return nil }); err != nil {
		return 0, err
	}
	best := headers[0]
	for _, h := range headers {
		if count[h] > count[best] {
			best = h
		}
	}
	return best, nil
}

// each calls fn with each selected row and its header, in time order, and returns
// how many there were.
func (q *rangeQuery) each(ctx context.Context, tx *sql.Tx, fn func(header int64, row []byte) error) (int, error) {
	rs, err := tx.QueryContext(ctx, `SELECT day, header, data FROM block
		WHERE pbx = ? AND day BETWEEN ? AND ? AND last >= ? AND first <= ? ORDER BY day, header`,
		q.pbx, dayOf(q.from), dayOf(q.to), q.from, q.to)
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	n := 0
	var day []selected // the selected rows of the current day, from all its blocks
	curDay := int64(-1 << 62)
	flush := func() error {
		// Blocks of one day (one per header) interleave by time; stable, so rows of
		// the same second keep their block's order.
		slices.SortStableFunc(day, func(a, b selected) int { return int(a.sec - b.sec) })
		for _, r := range day {
			if err := fn(r.header, r.row); err != nil {
				return err
			}
		}
		n += len(day)
		day = day[:0]
		return nil
	}
	for rs.Next() {
		var d, header int64
		var data []byte
		if err := rs.Scan(&d, &header, &data); err != nil {
			return n, err
		}
		if d != curDay {
			if err := flush(); err != nil {
				return n, err
			}
			curDay = d
		}
		rows, err := decodeBlock(data)
		if err != nil {
			return n, fmt.Errorf("day %d: %w", d, err)
		}
		if day, err = q.selectRows(ctx, tx, day, d, header, rows); err != nil {
			return n, err
		}
	}
	if err := rs.Err(); err != nil {
		return n, err
	}
	return n, flush()
}

// A selected row.
type selected struct {
	sec    int32
	header int64
	row    []byte
}

// selectRows appends to dst the rows of a block in the range and of the extensions.
func (q *rangeQuery) selectRows(ctx context.Context, tx *sql.Tx, dst []selected, day, header int64, d dayRows) ([]selected, error) {
	lo, hi := int32(max(q.from-day*secondsPerDay, -1)), int32(min(q.to-day*secondsPerDay, secondsPerDay))
	i, _ := slices.BinarySearch(d.secs, lo)
	j, _ := slices.BinarySearch(d.secs, hi+1)
	if q.exts == nil {
		for k := i; k < j; k++ {
			dst = append(dst, selected{d.secs[k], header, d.rows[k]})
		}
		return dst, nil
	}
	t, err := q.parse(ctx, tx, header, d.rows[i:j])
	if err != nil {
		return dst, err
	}
	for k := i; k < j; k++ {
		rec := t.Record(k - i)
		if q.exts[rec.CallFrom()] || q.exts[rec.CallTo()] {
			dst = append(dst, selected{d.secs[k], header, d.rows[k]})
		}
	}
	return dst, nil
}

// parse reads rows with their header, as the PBX's CSV is read everywhere else, to
// know each row's parties.
func (q *rangeQuery) parse(ctx context.Context, tx *sql.Tx, header int64, rows [][]byte) (*cdrclient.Table, error) {
	hb, ok := q.headerOf[header]
	if !ok {
		if err := tx.QueryRowContext(ctx, "SELECT bytes FROM header WHERE id = ?", header).Scan(&hb); err != nil {
			return nil, err
		}
		if q.headerOf == nil {
			q.headerOf = make(map[int64][]byte)
		}
		q.headerOf[header] = hb
	}
	t := cdrclient.NewTable()
	t.Write(hb)
	for _, r := range rows {
		t.Write(r)
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	if t.Len() != len(rows) {
		return nil, fmt.Errorf("%d rows read as %d records", len(rows), t.Len())
	}
	return t, nil
}

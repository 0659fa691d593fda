package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"io"
	"slices"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
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
	if err := q.loadHeaders(ctx, tx, latest.Int64); err != nil {
		return 0, s.failed("read", err)
	}
	header := latest.Int64
	switch ids := q.inRange; {
	case len(ids) == 1:
		header = ids[0]
	case len(ids) > 1:
		// Rare (a PBX's header changed within the range): count whose rows these are.
		if header, err = q.commonHeader(ctx, tx); err != nil {
			return 0, s.failed("read", err)
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(q.headerOf[header]) // a write error is kept by bufio and returned by Flush
	n, err := q.each(ctx, tx, func(_ int64, row []byte) error {
		_, err := bw.Write(row)
		return err
	})
	if err != nil {
		return n, s.failed("read", err)
	}
	return n, bw.Flush()
}

// A rangeQuery selects a PBX's rows by time and extensions.
type rangeQuery struct {
	pbx      int64
	from, to int64           // wall-clock seconds, inclusive
	exts     map[string]bool // nil: all
	inRange  []int64         // the headers of the blocks in the range
	headerOf map[int64][]byte
}

// blocksSQL selects the blocks that may hold rows of the range, in time order.
const blocksSQL = `FROM block WHERE pbx = ? AND day BETWEEN ? AND ? AND last >= ? AND first <= ?`

func (q *rangeQuery) blockArgs() []any {
	return []any{q.pbx, block.DayOf(q.from), block.DayOf(q.to), q.from, q.to}
}

// loadHeaders reads the headers of the range's blocks and latest.
func (q *rangeQuery) loadHeaders(ctx context.Context, tx *sql.Tx, latest int64) error {
	rs, err := tx.QueryContext(ctx, `SELECT id, bytes, id IN (SELECT header `+blocksSQL+`) FROM header
		WHERE id = ? OR id IN (SELECT header `+blocksSQL+`) ORDER BY id`,
		slices.Concat(q.blockArgs(), []any{latest}, q.blockArgs())...)
	if err != nil {
		return err
	}
	defer rs.Close()
	q.headerOf = make(map[int64][]byte)
	for rs.Next() {
		var id int64
		var b []byte
		var used bool
		if err := rs.Scan(&id, &b, &used); err != nil {
			return err
		}
		q.headerOf[id] = b
		if used {
			q.inRange = append(q.inRange, id)
		}
	}
	return rs.Err()
}

// commonHeader returns the header most selected rows came with, the earlier on a tie.
func (q *rangeQuery) commonHeader(ctx context.Context, tx *sql.Tx) (int64, error) {
	count := make(map[int64]int)
	if _, err := q.each(ctx, tx, func(h int64, _ []byte) error { count[h]++; return nil }); err != nil {
		return 0, err
	}
	best := q.inRange[0]
	for _, h := range q.inRange {
		if count[h] > count[best] {
			best = h
		}
	}
	return best, nil
}

// each calls fn with each selected row and its header, in time order, and returns
// how many there were (see block.Each: blocks are decoded in parallel, ahead of fn).
func (q *rangeQuery) each(ctx context.Context, tx *sql.Tx, fn func(header int64, row []byte) error) (int, error) {
	rs, err := tx.QueryContext(ctx, `SELECT day, header, data `+blocksSQL+` ORDER BY day, header`, q.blockArgs()...)
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	next := func() (block.Stored, bool, error) {
		var b block.Stored
		if !rs.Next() {
			return b, false, rs.Err()
		}
		err := rs.Scan(&b.Day, &b.Header, &b.Data)
		return b, err == nil, err
	}
	return block.Each(next, block.Query{From: q.from, To: q.to, Exts: q.exts}, fn)
}

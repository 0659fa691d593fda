package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// incoming is a row of a batch, ready to be kept.
type incoming struct {
	ts   int64  // timestart, Unix seconds of the PBX's wall clock
	row  []byte // as sent, with a line ending
	cols [5]string
}

// batchRows reads b's header and rows by PBX-day, each day's in the order received.
// Rows without a readable timestart are left out: no PBX query by time selects them.
func batchRows(t *cdrclient.Table) (header []byte, days map[int64][]incoming) {
	var hb bytes.Buffer
	t.WriteRowsTo(&hb, nil) // the header as sent, byte order mark included
	header = hb.Bytes()
	eol := lineEnding(header)
	if len(header) > 0 && eol == nil {
		eol = []byte("\r\n")
		header = append(header, eol...)
	}
	days = make(map[int64][]incoming)
	for i := range t.Len() {
		rec := t.Record(i)
		start, ok := cdrclient.ParsePBXTime(rec.TimeStart())
		if !ok {
			continue
		}
		ts := start.Unix()
		day := dayOf(ts)
		days[day] = append(days[day], incoming{
			ts:   ts,
			row:  withLineEnding(t.RawRow(i), eol),
			cols: [5]string{rec.CallID(), rec.CallFrom(), rec.CallTo(), rec.Status(), rec.Type()},
		})
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

// Commit adds b's new rows and its coverage in one transaction (see archive.Store).
func (s *Store) Commit(ctx context.Context, b archive.Batch) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	header, days := batchRows(b.Table)
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: writers queue up here
	if err != nil {
		return 0, s.failed("commit", err)
	}
	defer tx.Rollback()
	pbx, err := upsertPBX(ctx, tx, b.PBX)
	if err != nil {
		return 0, s.failed("commit", err)
	}
	added := 0
	if len(header) > 0 {
		hdr, err := upsertHeader(ctx, tx, pbx, header)
		if err != nil {
			return 0, s.failed("commit", err)
		}
		seed := maphash.MakeSeed()
		for _, day := range slices.Sorted(maps.Keys(days)) {
			n, err := commitDay(ctx, tx, seed, pbx, hdr, day, days[day])
			if err != nil {
				return 0, s.failed("commit", err)
			}
			added += n
		}
	}
	if b.Covers != nil {
		if err := addCoverage(ctx, tx, pbx, *b.Covers, b.At); err != nil {
			return 0, s.failed("commit", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, s.failed("commit", err)
	}
	return added, nil
}

// failed wraps a driver's error with what was being done; a cancelled context is
// returned as the context's error.
func (s *Store) failed(what string, err error) error {
	return fmt.Errorf("archive %s: %s: %w", s.path, what, err)
}

func upsertPBX(ctx context.Context, tx *sql.Tx, p archive.PBX) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO pbx (key, name) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id`, p.Key, p.Name).Scan(&id)
	return id, err
}

// upsertHeader returns the id of header and makes it the PBX's latest.
func upsertHeader(ctx context.Context, tx *sql.Tx, pbx int64, header []byte) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO header (bytes) VALUES (?)
		ON CONFLICT (bytes) DO UPDATE SET bytes = excluded.bytes RETURNING id`, header).Scan(&id)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, "UPDATE pbx SET header = ? WHERE id = ?", id, pbx)
	return id, err
}

// commitDay merges a day's incoming rows into the day's block of their header,
// leaving out the rows any block of the day already holds; it returns the rows added.
func commitDay(ctx context.Context, tx *sql.Tx, seed maphash.Seed, pbx, hdr, day int64, in []incoming) (int, error) {
	blocks, err := loadDay(ctx, tx, pbx, day)
	if err != nil {
		return 0, err
	}
	held := make(map[uint64][][]byte)
	for _, b := range blocks {
		for _, r := range b.rows.rows {
			h := maphash.Bytes(seed, r)
			held[h] = append(held[h], r)
		}
	}
	var fresh []incoming
	for _, r := range in {
		h := maphash.Bytes(seed, r.row)
		if slices.ContainsFunc(held[h], func(o []byte) bool { return bytes.Equal(o, r.row) }) {
			continue
		}
		held[h] = append(held[h], r.row)
		fresh = append(fresh, r)
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	slices.SortStableFunc(fresh, func(a, b incoming) int { return cmp.Compare(a.ts, b.ts) })
	var own dayRows
	for _, b := range blocks {
		if b.header == hdr {
			own = b.rows
		}
	}
	merged := mergeRows(own, fresh, day)
	if err := putBlock(ctx, tx, pbx, day, hdr, merged); err != nil {
		return 0, err
	}
	if err := insertRecords(ctx, tx, pbx, fresh); err != nil {
		return 0, err
	}
	return len(fresh), nil
}

// mergeRows merges fresh (sorted by time) into held (sorted): on the same second the
// rows held come first, as they were received first.
func mergeRows(held dayRows, fresh []incoming, day int64) dayRows {
	n := len(held.rows) + len(fresh)
	out := dayRows{secs: make([]int32, 0, n), rows: make([][]byte, 0, n)}
	i := 0
	for _, f := range fresh {
		sec := int32(f.ts - day*secondsPerDay)
		for i < len(held.rows) && held.secs[i] <= sec {
			out.add(held.secs[i], held.rows[i])
			i++
		}
		out.add(sec, f.row)
	}
	for ; i < len(held.rows); i++ {
		out.add(held.secs[i], held.rows[i])
	}
	return out
}

// A storedBlock is a block as loaded.
type storedBlock struct {
	header int64
	rows   dayRows
}

// loadDay decodes the blocks of a PBX-day, by header.
func loadDay(ctx context.Context, tx *sql.Tx, pbx, day int64) ([]storedBlock, error) {
	rs, err := tx.QueryContext(ctx, "SELECT header, data FROM block WHERE pbx = ? AND day = ? ORDER BY header", pbx, day)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []storedBlock
	for rs.Next() {
		var b storedBlock
		var data []byte
		if err := rs.Scan(&b.header, &data); err != nil {
			return nil, err
		}
		if b.rows, err = decodeBlock(data); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rs.Err()
}

// putBlock writes a block (replacing the one of the same PBX, day and header).
func putBlock(ctx context.Context, tx *sql.Tx, pbx, day, hdr int64, d dayRows) error {
	if len(d.rows) == 0 {
		_, err := tx.ExecContext(ctx, "DELETE FROM block WHERE pbx = ? AND day = ? AND header = ?", pbx, day, hdr)
		return err
	}
	first := day*secondsPerDay + int64(d.secs[0])
	last := day*secondsPerDay + int64(d.secs[len(d.secs)-1])
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO block (pbx, day, header, rows, first, last, data)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, pbx, day, hdr, len(d.rows), first, last, d.encode())
	return err
}

// recordsPerInsert is how many records one INSERT carries (7 values each, well
// under SQLite's 32766 parameters).
const recordsPerInsert = 200

// insertRecords adds the records' columns.
func insertRecords(ctx context.Context, tx *sql.Tx, pbx int64, rows []incoming) error {
	var full *sql.Stmt
	for len(rows) > 0 {
		n := min(len(rows), recordsPerInsert)
		args := make([]any, 0, 7*n)
		for _, r := range rows[:n] {
			args = append(args, pbx, r.ts, r.cols[0], r.cols[1], r.cols[2], r.cols[3], r.cols[4])
		}
		var err error
		if n == recordsPerInsert {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, insertRecordsSQL(n)); err != nil {
					return err
				}
				defer full.Close()
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, insertRecordsSQL(n), args...)
		}
		if err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func insertRecordsSQL(n int) string {
	return "INSERT INTO record (pbx, timestart, callid, callfrom, callto, status, type) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?), ", n), ", ")
}

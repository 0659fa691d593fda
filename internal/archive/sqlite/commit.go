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

	"cdrdesk/internal/archive"
)

// Commit adds b's new rows and its coverage in one transaction (see archive.Store).
func (s *Store) Commit(ctx context.Context, b archive.Batch) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	header, days := batchRows(b.Table) // before the transaction: others may write meanwhile
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, s.failed("commit", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: writers queue up here
	if err != nil {
		return 0, s.failed("commit", err)
	}
	defer tx.Rollback()
	added, err := commitTx(ctx, conn, tx, b, header, days)
	if err != nil {
		return 0, s.failed("commit", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.failed("commit", err)
	}
	return added, nil
}

// failed wraps a driver's error with what was being done.
func (s *Store) failed(what string, err error) error {
	return fmt.Errorf("archive %s: %s: %w", s.path, what, err)
}

// commitTx does a commit's work in tx, which conn holds. Blocks are compressed on another goroutine
// while this one adds the records' columns: the two take about as long.
func commitTx(ctx context.Context, conn *sql.Conn, tx *sql.Tx, b archive.Batch, header []byte, days map[int64][]incoming) (int, error) {
	var pbx, seq int64
	err := tx.QueryRowContext(ctx, `INSERT INTO pbx (key, name) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id, seq`, b.PBX.Key, b.PBX.Name).Scan(&pbx, &seq)
	if err != nil {
		return 0, err
	}
	added := 0
	if len(header) > 0 {
		hdr, err := upsertHeader(ctx, tx, pbx, header)
		if err != nil {
			return 0, err
		}
		terms, err := termIDs(ctx, tx, days)
		if err != nil {
			return 0, err
		}
		enc := newEncoder()
		defer enc.stop()
		seed := maphash.MakeSeed()
		hash := func(b []byte) uint64 { return maphash.Bytes(seed, b) }
		ins := recordInserter{conn: conn, pbx: pbx, seq: seq, terms: terms}
		defer ins.close()
		for _, day := range slices.Sorted(maps.Keys(days)) {
			blocks, err := loadDay(ctx, tx, pbx, day)
			if err != nil {
				return 0, err
			}
			fresh := freshRows(hash, blocks, days[day])
			if len(fresh) == 0 {
				continue
			}
			enc.add(day, mergeRows(ownBlock(blocks, hdr), fresh, day))
			if err := ins.insert(ctx, fresh); err != nil {
				return 0, err
			}
			added += len(fresh)
		}
		for _, e := range enc.wait() {
			if err := putBlock(ctx, tx, pbx, e.day, hdr, e.rows, e.data); err != nil {
				return 0, err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE pbx SET seq = ? WHERE id = ?", ins.seq, pbx); err != nil {
			return 0, err
		}
	}
	if b.Covers != nil {
		if err := addCoverage(ctx, tx, pbx, *b.Covers, b.At); err != nil {
			return 0, err
		}
	}
	return added, nil
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

// freshRows returns the rows of in that no block of their day holds (nor an earlier
// row of in), sorted by time, stable: on the same second, in the order received.
func freshRows(hash func([]byte) uint64, blocks []storedBlock, in []incoming) []incoming {
	held := make(map[uint64][][]byte)
	for _, b := range blocks {
		for _, r := range b.rows.rows {
			h := hash(r)
			held[h] = append(held[h], r)
		}
	}
	var fresh []incoming
	for _, r := range in {
		h := hash(r.row)
		// The same hash is the same row but for a one-in-2⁶⁴ chance: compare the bytes.
		if slices.ContainsFunc(held[h], func(o []byte) bool { return bytes.Equal(o, r.row) }) {
			continue
		}
		held[h] = append(held[h], r.row)
		fresh = append(fresh, r)
	}
	slices.SortStableFunc(fresh, func(a, b incoming) int { return cmp.Compare(a.ts, b.ts) })
	return fresh
}

// ownBlock returns the rows of the day's block of header hdr (none if it has none).
func ownBlock(blocks []storedBlock, hdr int64) dayRows {
	for _, b := range blocks {
		if b.header == hdr {
			return b.rows
		}
	}
	return dayRows{}
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

// putBlock writes a block's rows, encoded as data (replacing the block of the same
// PBX, day and header); no rows deletes it.
func putBlock(ctx context.Context, tx *sql.Tx, pbx, day, hdr int64, d dayRows, data []byte) error {
	if len(d.rows) == 0 {
		_, err := tx.ExecContext(ctx, "DELETE FROM block WHERE pbx = ? AND day = ? AND header = ?", pbx, day, hdr)
		return err
	}
	first := day*secondsPerDay + int64(d.secs[0])
	last := day*secondsPerDay + int64(d.secs[len(d.secs)-1])
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO block (pbx, day, header, rows, first, last, data)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, pbx, day, hdr, len(d.rows), first, last, data)
	return err
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"slices"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Commit adds b's new rows and its coverage in one transaction (see archive.Store).
func (s *Store) Commit(ctx context.Context, b archive.Batch) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var header []byte
	var days map[int64]block.Day
	switch {
	case b.Rows != nil:
		header, days = b.Rows.Header, b.Rows.Days
	case b.Table != nil:
		header, days = block.FromTable(b.Table) // before the transaction: others may write meanwhile
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return 0, s.failed("commit", err)
	}
	defer tx.Rollback()
	added, err := commitTx(ctx, tx, b, header, days)
	if err != nil {
		return 0, s.failed("commit", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.failed("commit", err)
	}
	return added, nil
}

// commitTx does a commit's work in tx. Blocks are compressed on other goroutines
// while this one merges the next days and writes those compressed.
func commitTx(ctx context.Context, tx *sql.Tx, b archive.Batch, header []byte, days map[int64]block.Day) (int, error) {
	var pbx int64
	err := tx.QueryRowContext(ctx, `INSERT INTO pbx (key, name) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id`, b.PBX.Key, b.PBX.Name).Scan(&pbx)
	if err != nil {
		return 0, err
	}
	added := 0
	if len(header) > 0 {
		hdr, err := upsertHeader(ctx, tx, pbx, header)
		if err != nil {
			return 0, err
		}
		enc := block.NewEncoder()
		defer enc.Stop()
		// The days' blocks in one query, not a query a day.
		held, err := loadDays(ctx, tx, pbx, slices.Sorted(maps.Keys(days)))
		if err != nil {
			return 0, err
		}
		added = block.MergeDays(enc, hdr, held, days)
		err = enc.Each(func(e *block.Encoded) error { return putBlock(ctx, tx, pbx, e.Day, hdr, e.Rows, e.Data) })
		if err != nil {
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

// loadDay decodes the blocks of a PBX-day, by header.
func loadDay(ctx context.Context, tx *sql.Tx, pbx, day int64) ([]block.Held, error) {
	held, err := loadDays(ctx, tx, pbx, []int64{day})
	return held[day], err
}

// loadDays decodes the blocks of the PBX's days, by day, each day's by header.
func loadDays(ctx context.Context, tx *sql.Tx, pbx int64, days []int64) (map[int64][]block.Held, error) {
	list, _ := json.Marshal(days) // a list of integers cannot fail
	rs, err := tx.QueryContext(ctx, `SELECT day, header, data FROM block
		WHERE pbx = ? AND day IN (SELECT value FROM json_each(?)) ORDER BY day, header`, pbx, string(list))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := make(map[int64][]block.Held)
	for rs.Next() {
		var b block.Held
		var day int64
		var data []byte
		if err := rs.Scan(&day, &b.Header, &data); err != nil {
			return nil, err
		}
		if b.Rows, err = block.Decode(data); err != nil {
			return nil, blockError(day, err)
		}
		out[day] = append(out[day], b)
	}
	return out, rs.Err()
}

// putBlock writes a block's rows, encoded as data (replacing the block of the same
// PBX, day and header); no rows deletes it.
func putBlock(ctx context.Context, tx *sql.Tx, pbx, day, hdr int64, d block.Day, data []byte) error {
	if d.Len() == 0 {
		_, err := tx.ExecContext(ctx, "DELETE FROM block WHERE pbx = ? AND day = ? AND header = ?", pbx, day, hdr)
		return err
	}
	first := day*block.SecondsPerDay + int64(d.Secs[0])
	last := day*block.SecondsPerDay + int64(d.Secs[d.Len()-1])
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO block (pbx, day, header, rows, first, last, data)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, pbx, day, hdr, d.Len(), first, last, data)
	return err
}

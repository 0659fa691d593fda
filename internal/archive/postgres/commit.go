package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Commit adds b in one transaction: its new rows and its coverage, or nothing. See
// archive.Store.
func (s *Store) Commit(ctx context.Context, b archive.Batch) (added int, err error) {
	if b.PBX.Key == "" {
		return 0, fmt.Errorf("archive %s: a batch without a PBX key", s.loc)
	}
	var header []byte
	var days map[int64]block.Day
	switch {
	case b.Rows != nil:
		header, days = b.Rows.Header, b.Rows.Days
	case b.Table != nil:
		header, days = block.FromTable(b.Table) // before the transaction and its lock
	}
	err = s.inTransaction(ctx, func(tx pgx.Tx) error {
		s.stepDone("staged")
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext($2))", lockPBX, b.PBX.Key); err != nil {
			return err
		}
		var pbx int32
		err := tx.QueryRow(ctx, `INSERT INTO cdrdesk_pbx (key, name) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name
			RETURNING id`, b.PBX.Key, b.PBX.Name).Scan(&pbx)
		if err != nil {
			return err
		}
		s.stepDone("locked")
		if len(header) > 0 {
			var head int32
			// DO UPDATE, not DO NOTHING, so that the header's id is returned when
			// it is already held.
			err := tx.QueryRow(ctx, `INSERT INTO cdrdesk_header (pbx, raw) VALUES ($1, $2)
				ON CONFLICT (pbx, raw) DO UPDATE SET raw = EXCLUDED.raw RETURNING id`,
				pbx, header).Scan(&head)
			if err != nil {
				return err
			}
			if added, err = mergeDays(ctx, tx, pbx, head, days); err != nil {
				return err
			}
		}
		s.stepDone("inserted")
		if b.Covers != nil {
			if err := cover(ctx, tx, pbx, *b.Covers, b.At); err != nil {
				return err
			}
		}
		s.stepDone("covered")
		return nil
	})
	if err != nil {
		return 0, s.failed("keep the records of "+b.PBX.Key, err)
	}
	return added, nil
}

// mergeDays merges the rows of days into the PBX's blocks of header head, holding the
// PBX's lock: it reads the blocks of those days, drops the rows they hold, and
// writes back the blocks that gained rows. Blocks are compressed on other goroutines
// while this one merges the next days.
func mergeDays(ctx context.Context, tx pgx.Tx, pbx, head int32, days map[int64]block.Day) (int, error) {
	if len(days) == 0 {
		return 0, nil
	}
	order := slices.Sorted(maps.Keys(days))
	held, err := loadDays(ctx, tx, pbx, order)
	if err != nil {
		return 0, err
	}
	enc := block.NewEncoder()
	defer enc.Stop()
	added := block.MergeDays(enc, int64(head), held, days)
	var batch pgx.Batch
	enc.Each(func(e *block.Encoded) error {
		first := wallTime(e.Day*block.SecondsPerDay + int64(e.Rows.Secs[0]))
		last := wallTime(e.Day*block.SecondsPerDay + int64(e.Rows.Secs[e.Rows.Len()-1]))
		batch.Queue(`INSERT INTO cdrdesk_block (pbx, day, header, rows, first, last, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (pbx, day, header) DO UPDATE
			SET rows = EXCLUDED.rows, first = EXCLUDED.first, last = EXCLUDED.last, data = EXCLUDED.data`,
			pbx, e.Day, head, e.Rows.Len(), first, last, e.Data)
		return nil
	})
	if batch.Len() == 0 {
		return 0, nil
	}
	if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
		return 0, err
	}
	return added, nil
}

// loadDays decodes the PBX's blocks of days, by day, each day's by header.
func loadDays(ctx context.Context, q querier, pbx int32, days []int64) (map[int64][]block.Held, error) {
	rows, err := q.Query(ctx, `SELECT day, header, data FROM cdrdesk_block
		WHERE pbx = $1 AND day = ANY($2) ORDER BY day, header`, pbx, days)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]block.Held)
	var day, header int64
	var data []byte
	_, err = pgx.ForEachRow(rows, []any{&day, &header, &data}, func() error {
		d, err := block.Decode(data)
		if err != nil {
			return &block.DayError{Day: day, Err: err}
		}
		out[day] = append(out[day], block.Held{Header: header, Rows: d})
		data = nil
		return nil
	})
	return out, err
}

// wallTime is wall-clock seconds as a time in UTC, as cdrclient.ParsePBXTime gives
// times and a timestamp column holds them.
func wallTime(s int64) time.Time { return time.Unix(s, 0).UTC() }

// inTransaction runs body in a transaction and commits it, unless body or ctx says
// no first. The COMMIT itself is not cancelled: a cancel that arrived while the server
// was committing would leave the records kept and the caller told they were not.
func (s *Store) inTransaction(ctx context.Context, body func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // after a commit, a no-op
	if err := body(tx); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return tx.Commit(context.WithoutCancel(ctx))
}

// cover merges r into the PBX's coverage and records at as its last update.
func cover(ctx context.Context, tx pgx.Tx, pbx int32, r archive.Range, at time.Time) error {
	have, err := coverage(ctx, tx, pbx)
	if err != nil {
		return err
	}
	if err := setCoverage(ctx, tx, pbx, addRange(have, r)); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE cdrdesk_pbx SET updated = greatest(updated, $2) WHERE id = $1", pbx, at)
	return err
}

// coverage reads a PBX's ranges, in order.
func coverage(ctx context.Context, q querier, pbx int32) ([]archive.Range, error) {
	rows, err := q.Query(ctx, "SELECT first, last FROM cdrdesk_coverage WHERE pbx = $1 ORDER BY first", pbx)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (archive.Range, error) {
		var r archive.Range
		err := row.Scan(&r.From, &r.To)
		return r, err
	})
}

// setCoverage replaces a PBX's ranges (a handful: they are merged).
func setCoverage(ctx context.Context, tx pgx.Tx, pbx int32, ranges []archive.Range) error {
	if _, err := tx.Exec(ctx, "DELETE FROM cdrdesk_coverage WHERE pbx = $1", pbx); err != nil {
		return err
	}
	for _, r := range ranges {
		if _, err := tx.Exec(ctx, "INSERT INTO cdrdesk_coverage (pbx, first, last) VALUES ($1, $2, $3)", pbx, r.From, r.To); err != nil {
			return err
		}
	}
	return nil
}

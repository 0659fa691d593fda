package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Holdings lists what the archive keeps, per PBX, by key. Bytes is the PBX's share
// of the tables' space on disk (indexes included), in proportion to its records.
func (s *Store) Holdings(ctx context.Context) ([]archive.Holding, error) {
	hs, err := s.holdings(ctx)
	if err != nil {
		return nil, fmt.Errorf("archive %s: list what it holds: %w", s.loc, err)
	}
	return hs, nil
}

func (s *Store) holdings(ctx context.Context) ([]archive.Holding, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var total int64
	err = tx.QueryRow(ctx, `SELECT pg_total_relation_size('cdrdesk_block')
		+ pg_total_relation_size('cdrdesk_header') + pg_total_relation_size('cdrdesk_coverage')`).Scan(&total)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT p.id, p.key, p.name, p.updated, r.n, r.first, r.last
		FROM cdrdesk_pbx p, LATERAL (SELECT coalesce(sum(rows), 0), min(first), max(last)
			FROM cdrdesk_block WHERE pbx = p.id) r(n, first, last)
		ORDER BY p.key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int32
	var hs []archive.Holding
	var all int64
	for rows.Next() {
		var id int32
		var h archive.Holding
		var updated, first, last *time.Time
		var n int64
		if err := rows.Scan(&id, &h.PBX.Key, &h.PBX.Name, &updated, &n, &first, &last); err != nil {
			return nil, err
		}
		h.Records = int(n)
		all += n
		if updated != nil {
			h.Updated = *updated
		}
		if first != nil {
			h.First, h.Last = *first, *last
		}
		ids = append(ids, id)
		hs = append(hs, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range hs {
		if hs[i].Coverage, err = coverage(ctx, tx, ids[i]); err != nil {
			return nil, err
		}
		if all > 0 {
			hs[i].Bytes = total * int64(hs[i].Records) / all
		}
	}
	return hs, nil
}

// Forget deletes every record, header and range of PBX key, and the PBX itself.
func (s *Store) Forget(ctx context.Context, key string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		pbx, ok, err := lockPBXRow(ctx, tx, key)
		if err != nil || !ok {
			return err
		}
		// Blocks, headers and coverage go with the PBX (ON DELETE CASCADE).
		_, err = tx.Exec(ctx, "DELETE FROM cdrdesk_pbx WHERE id = $1", pbx)
		return err
	})
	if err != nil {
		return fmt.Errorf("archive %s: forget %s: %w", s.loc, key, err)
	}
	return nil
}

// DeleteBefore deletes the records of PBX key that started before t, and the
// coverage before t.
func (s *Store) DeleteBefore(ctx context.Context, key string, t time.Time) (int, error) {
	var deleted int
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		pbx, ok, err := lockPBXRow(ctx, tx, key)
		if err != nil || !ok {
			return err
		}
		if deleted, err = deleteBlocksBefore(ctx, tx, pbx, wallSeconds(t)); err != nil {
			return err
		}
		have, err := coverage(ctx, tx, pbx)
		if err != nil {
			return err
		}
		return setCoverage(ctx, tx, pbx, cutBefore(have, t))
	})
	if err != nil {
		return 0, s.failed(fmt.Sprintf("delete the records of %s before %s", key, t.Format(time.DateTime)), err)
	}
	return deleted, nil
}

// lockPBXRow takes PBX key's lock for the transaction and returns its id; ok is false
// when the archive holds no such PBX.
func lockPBXRow(ctx context.Context, tx pgx.Tx, key string) (id int32, ok bool, err error) {
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext($2))", lockPBX, key); err != nil {
		return 0, false, err
	}
	err = tx.QueryRow(ctx, "SELECT id FROM cdrdesk_pbx WHERE key = $1", key).Scan(&id)
	if err == pgx.ErrNoRows {
		return 0, false, nil
	}
	return id, err == nil, err
}

// deleteBlocksBefore drops the PBX's blocks of days before cut's and cuts that day's;
// it returns how many rows went.
func deleteBlocksBefore(ctx context.Context, tx pgx.Tx, pbx int32, cut int64) (int, error) {
	day := block.DayOf(cut)
	var n int
	err := tx.QueryRow(ctx, `WITH gone AS (DELETE FROM cdrdesk_block WHERE pbx = $1 AND day < $2 RETURNING rows)
		SELECT coalesce(sum(rows), 0) FROM gone`, pbx, day).Scan(&n)
	if err != nil {
		return 0, err
	}
	held, err := loadDays(ctx, tx, pbx, []int64{day})
	if err != nil {
		return 0, err
	}
	for _, b := range held[day] {
		kept := b.Rows.Keep(func(k int) bool { return day*block.SecondsPerDay+int64(b.Rows.Secs[k]) >= cut })
		if kept.Len() == b.Rows.Len() {
			continue
		}
		n += b.Rows.Len() - kept.Len()
		if kept.Len() == 0 {
			_, err = tx.Exec(ctx, "DELETE FROM cdrdesk_block WHERE pbx = $1 AND day = $2 AND header = $3", pbx, day, b.Header)
		} else {
			base := day * block.SecondsPerDay
			_, err = tx.Exec(ctx, `UPDATE cdrdesk_block SET rows = $4, first = $5, last = $6, data = $7
				WHERE pbx = $1 AND day = $2 AND header = $3`, pbx, day, b.Header, kept.Len(),
				wallTime(base+int64(kept.Secs[0])), wallTime(base+int64(kept.Secs[kept.Len()-1])), kept.Encode())
		}
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

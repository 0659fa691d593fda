package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"cdrdesk/internal/archive/block"
)

// Forget deletes every record and all coverage of PBX key; the PBX itself goes too.
func (s *Store) Forget(ctx context.Context, key string) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return s.failed("forget", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		"DELETE FROM block WHERE pbx = (SELECT id FROM pbx WHERE key = ?)",
		"DELETE FROM coverage WHERE pbx = (SELECT id FROM pbx WHERE key = ?)",
		"DELETE FROM pbx WHERE key = ?",
	} {
		if _, err := tx.ExecContext(ctx, q, key); err != nil {
			return s.failed("forget", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.failed("forget", err)
	}
	return nil
}

// DeleteBefore deletes the records of PBX key that started before t and the coverage
// before t; it returns how many records went.
func (s *Store) DeleteBefore(ctx context.Context, key string, t time.Time) (int, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return 0, s.failed("delete", err)
	}
	defer tx.Rollback()
	var pbx int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM pbx WHERE key = ?", key).Scan(&pbx)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, s.failed("delete", err)
	}
	cut := wallSeconds(t)
	n, err := deleteBlocksBefore(ctx, tx, pbx, cut)
	if err != nil {
		return 0, s.failed("delete", err)
	}
	spans, err := loadSpans(ctx, tx, pbx)
	if err != nil {
		return 0, s.failed("delete", err)
	}
	var kept []span
	for _, sp := range spans {
		if sp.stop >= cut {
			kept = append(kept, span{max(sp.start, cut), sp.stop})
		}
	}
	if err := saveSpans(ctx, tx, pbx, kept); err != nil {
		return 0, s.failed("delete", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.failed("delete", err)
	}
	return n, nil
}

// deleteBlocksBefore drops the blocks of days before cut's and cuts that day's.
func deleteBlocksBefore(ctx context.Context, tx *sql.Tx, pbx, cut int64) (int, error) {
	day := block.DayOf(cut)
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(sum(rows), 0) FROM block WHERE pbx = ? AND day < ?", pbx, day).Scan(&n); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM block WHERE pbx = ? AND day < ?", pbx, day); err != nil {
		return 0, err
	}
	blocks, err := loadDay(ctx, tx, pbx, day)
	if err != nil {
		return 0, err
	}
	for _, b := range blocks {
		kept := b.Rows.Keep(func(k int) bool { return day*block.SecondsPerDay+int64(b.Rows.Secs[k]) >= cut })
		if kept.Len() == b.Rows.Len() {
			continue
		}
		n += b.Rows.Len() - kept.Len()
		if err := putBlock(ctx, tx, pbx, day, b.Header, kept, kept.Encode()); err != nil {
			return 0, err
		}
	}
	return n, nil
}

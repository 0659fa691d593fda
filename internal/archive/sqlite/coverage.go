package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"cdrdesk/internal/archive"
)

// span is an inclusive range of wall-clock seconds.
type span struct{ start, stop int64 }

// mergeSpans sorts spans and merges those that overlap or touch (a range ending at
// 10:00:00 and one starting at 10:00:01 leave no second out).
func mergeSpans(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.start <= out[n-1].stop+1 {
			out[n-1].stop = max(out[n-1].stop, s.stop)
			continue
		}
		out = append(out, s)
	}
	return out
}

func loadSpans(ctx context.Context, q querier, pbx int64) ([]span, error) {
	rs, err := q.QueryContext(ctx, "SELECT start, stop FROM coverage WHERE pbx = ? ORDER BY start", pbx)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []span
	for rs.Next() {
		var s span
		if err := rs.Scan(&s.start, &s.stop); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rs.Err()
}

func saveSpans(ctx context.Context, tx *sql.Tx, pbx int64, spans []span) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM coverage WHERE pbx = ?", pbx); err != nil {
		return err
	}
	for _, s := range spans {
		if _, err := tx.ExecContext(ctx, "INSERT INTO coverage (pbx, start, stop) VALUES (?, ?, ?)", pbx, s.start, s.stop); err != nil {
			return err
		}
	}
	return nil
}

// addCoverage records r as held completely and at as the PBX's latest update.
func addCoverage(ctx context.Context, tx *sql.Tx, pbx int64, r archive.Range, at time.Time) error {
	add := span{wallSeconds(r.From), wallSeconds(r.To)}
	if add.stop >= add.start {
		spans, err := loadSpans(ctx, tx, pbx)
		if err != nil {
			return err
		}
		if err := saveSpans(ctx, tx, pbx, mergeSpans(append(spans, add))); err != nil {
			return err
		}
	}
	if at.IsZero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, "UPDATE pbx SET updated = max(coalesce(updated, 0), ?) WHERE id = ?", at.UnixNano(), pbx)
	return err
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

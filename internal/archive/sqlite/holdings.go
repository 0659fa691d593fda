package sqlite

import (
	"context"
	"database/sql"
	"time"

	"cdrdesk/internal/archive"
)

// Holdings lists what the archive keeps, per PBX, by key.
func (s *Store) Holdings(ctx context.Context) ([]archive.Holding, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.failed("read", err)
	}
	defer tx.Rollback()
	rs, err := tx.QueryContext(ctx, `SELECT p.id, p.key, p.name, p.updated,
			coalesce(sum(b.rows), 0), min(b.first), max(b.last), coalesce(sum(length(b.data)), 0)
		FROM pbx p LEFT JOIN block b ON b.pbx = p.id
		GROUP BY p.id ORDER BY p.key`)
	if err != nil {
		return nil, s.failed("read", err)
	}
	var out []archive.Holding
	var ids []int64
	for rs.Next() {
		var h archive.Holding
		var id int64
		var updated, first, last sql.NullInt64
		if err := rs.Scan(&id, &h.PBX.Key, &h.PBX.Name, &updated, &h.Records, &first, &last, &h.Bytes); err != nil {
			rs.Close()
			return nil, s.failed("read", err)
		}
		if updated.Valid {
			h.Updated = time.Unix(0, updated.Int64)
		}
		if first.Valid {
			h.First, h.Last = wallTime(first.Int64), wallTime(last.Int64)
		}
		out = append(out, h)
		ids = append(ids, id)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, s.failed("read", err)
	}
	for i, id := range ids {
		spans, err := loadSpans(ctx, tx, id)
		if err != nil {
			return nil, s.failed("read", err)
		}
		for _, sp := range spans {
			out[i].Coverage = append(out[i].Coverage, archive.Range{From: wallTime(sp.start), To: wallTime(sp.stop)})
		}
	}
	return out, nil
}

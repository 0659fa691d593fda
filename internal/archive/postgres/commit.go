package postgres

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// stageColumns are the columns of the temporary table a Commit copies its rows into.
var stageColumns = []string{"ord", "timestart", "callid", "callfrom", "callto", "status", "type", "raw"}

// Commit adds b in one transaction: its new rows and its coverage, or nothing. See
// archive.Store.
func (s *Store) Commit(ctx context.Context, b archive.Batch) (added int, err error) {
	if b.PBX.Key == "" {
		return 0, fmt.Errorf("archive %s: a batch without a PBX key", s.loc)
	}
	t := b.Table
	if t == nil {
		t = cdrclient.NewTable()
		t.Close()
	}
	var header bytes.Buffer
	if _, err := t.WriteRowsTo(&header, nil); err != nil {
		return 0, err
	}
	err = s.inTransaction(ctx, func(tx pgx.Tx) error {
		// The rows go to the server before the PBX's lock is taken: another
		// process's commit of the same PBX waits only for the insert itself.
		if t.Len() > 0 {
			if _, err := tx.Exec(ctx, `CREATE TEMPORARY TABLE cdrdesk_stage (
				ord integer, timestart timestamp, callid text, callfrom text, callto text,
				status text, type text, raw bytea) ON COMMIT DROP`); err != nil {
				return err
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"cdrdesk_stage"}, stageColumns, newStageRows(t, header.Bytes())); err != nil {
				return err
			}
		}
		s.stepDone("staged")
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext($2))", lockPBX, b.PBX.Key); err != nil {
			return err
		}
		var pbx int32
		var seq int64
		err := tx.QueryRow(ctx, `INSERT INTO cdrdesk_pbx (key, name) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name
			RETURNING id, next_seq`, b.PBX.Key, b.PBX.Name).Scan(&pbx, &seq)
		if err != nil {
			return err
		}
		s.stepDone("locked")
		if header.Len() > 0 {
			var head int32
			// DO UPDATE, not DO NOTHING, so that the header's id is returned when
			// it is already held.
			err := tx.QueryRow(ctx, `INSERT INTO cdrdesk_header (pbx, raw) VALUES ($1, $2)
				ON CONFLICT (pbx, raw) DO UPDATE SET raw = EXCLUDED.raw RETURNING id`,
				pbx, header.Bytes()).Scan(&head)
			if err != nil {
				return err
			}
			if t.Len() > 0 {
				// seq orders the rows of one second as they were received; it comes
				// from ord, so the insert needs no ORDER BY (which costs half its time).
				tag, err := tx.Exec(ctx, `INSERT INTO cdrdesk_record
					(pbx, header, seq, timestart, callid, callfrom, callto, status, type, raw)
					SELECT $1, $2, $3 + ord, timestart, callid, callfrom, callto, status, type, raw
					FROM cdrdesk_stage
					ON CONFLICT (pbx, sha256(raw)) DO NOTHING`, pbx, head, seq)
				if err != nil {
					return err
				}
				added = int(tag.RowsAffected())
				if _, err := tx.Exec(ctx, "UPDATE cdrdesk_pbx SET next_seq = next_seq + $2 WHERE id = $1", pbx, t.Len()); err != nil {
					return err
				}
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
		return 0, fmt.Errorf("archive %s: keep the records of %s: %w", s.loc, b.PBX.Key, err)
	}
	return added, nil
}

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

// stageRows feeds a Table's rows to COPY: the raw bytes (with a line ending: a last
// row without one gets the header's, as Table.WriteRowsTo writes it) and the columns
// reports and filters need, decoded.
type stageRows struct {
	t    *cdrclient.Table
	eol  []byte
	row  int
	cols []int
	buf  []byte
	ends []int
	vals []any
}

func newStageRows(t *cdrclient.Table, header []byte) *stageRows {
	eol := []byte("\r\n")
	if bytes.HasSuffix(header, []byte("\n")) && !bytes.HasSuffix(header, eol) {
		eol = eol[1:]
	}
	cols := []int{t.Column("timestart"), t.Column("callid"), t.Column("callfrom"), t.Column("callto"), t.Column("status"), t.Column("type")}
	return &stageRows{t: t, eol: eol, row: -1, cols: cols, ends: make([]int, len(cols)), vals: make([]any, len(stageColumns))}
}

func (r *stageRows) Next() bool {
	r.row++
	return r.row < r.t.Len()
}

func (r *stageRows) Values() ([]any, error) {
	r.buf = r.t.AppendFields(r.buf[:0], r.ends, r.row, r.cols)
	field := func(i int) string {
		from := 0
		if i > 0 {
			from = r.ends[i-1]
		}
		return textValue(r.buf[from:r.ends[i]])
	}
	r.vals[0] = int32(r.row)
	if ts, ok := cdrclient.ParsePBXTime(field(0)); ok {
		r.vals[1] = ts
	} else {
		r.vals[1] = nil // kept, but in no range
	}
	for i := 1; i < len(r.cols); i++ {
		r.vals[i+1] = field(i)
	}
	r.vals[7] = withLineEnd(r.t.RawRow(r.row), r.eol)
	return r.vals, nil
}

func (r *stageRows) Err() error { return nil }

// withLineEnd returns row ending in "\n": as it is, or completed with eol.
func withLineEnd(row, eol []byte) []byte {
	switch {
	case bytes.HasSuffix(row, []byte("\n")):
		return row
	case bytes.HasSuffix(row, []byte("\r")):
		return append(row[:len(row):len(row)], '\n')
	}
	return append(row[:len(row):len(row)], eol...)
}

// textValue is a decoded field as PostgreSQL text can hold it: a byte that is not
// UTF-8 becomes U+FFFD and NUL is dropped (the raw row keeps both).
func textValue(b []byte) string {
	s := string(b)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}

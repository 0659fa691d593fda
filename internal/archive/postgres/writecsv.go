package postgres

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"cdrdesk/internal/archive"
)

// WriteCSV writes the records of PBX key whose timestart lies in r, of the extensions
// exts (nil: all), as the PBX would send them. See archive.Store.
//
// The header is the one sent with the first row written (an archive fed by one PBX
// holds one); with no row, the PBX's latest header; with none ever kept, nothing.
func (s *Store) WriteCSV(ctx context.Context, w io.Writer, key string, r archive.Range, exts []string) (int, error) {
	n, err := s.writeCSV(ctx, w, key, r, exts)
	if err != nil {
		return n, fmt.Errorf("archive %s: read the records of %s: %w", s.loc, key, err)
	}
	return n, nil
}

func (s *Store) writeCSV(ctx context.Context, w io.Writer, key string, r archive.Range, exts []string) (int, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead})
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var pbx int32
	err = tx.QueryRow(ctx, "SELECT id FROM cdrdesk_pbx WHERE key = $1", key).Scan(&pbx)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	headers, err := readHeaders(ctx, tx, pbx)
	if err != nil {
		return 0, err
	}
	query := `SELECT header, raw FROM cdrdesk_record
		WHERE pbx = $1 AND timestart BETWEEN $2 AND $3`
	args := []any{pbx, r.From, r.To}
	if exts != nil {
		query += " AND (callfrom = ANY($4) OR callto = ANY($4))"
		args = append(args, exts)
	}
	rows, err := tx.Query(ctx, query+" ORDER BY timestart, seq", args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	var head int32
	var raw pgtype.DriverBytes // the connection's own buffer: no copy per row
	for rows.Next() {
		if err := rows.Scan(&head, &raw); err != nil {
			return 0, err
		}
		if n == 0 {
			head := headers[head]
			bw.Write(head)
			if !bytes.HasSuffix(head, []byte("\n")) {
				bw.Write(lineEnd(raw)) // a header sent without one
			}
		}
		bw.Write(raw)
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if n == 0 && len(headers) > 0 {
		bw.Write(headers[latestHeader(headers)])
	}
	return n, bw.Flush()
}

// readHeaders returns a PBX's headers by id.
func readHeaders(ctx context.Context, q querier, pbx int32) (map[int32][]byte, error) {
	rows, err := q.Query(ctx, "SELECT id, raw FROM cdrdesk_header WHERE pbx = $1", pbx)
	if err != nil {
		return nil, err
	}
	headers := make(map[int32][]byte)
	var id int32
	var raw []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &raw}, func() error {
		headers[id] = raw
		raw = nil
		return nil
	})
	return headers, err
}

func latestHeader(headers map[int32][]byte) int32 {
	var latest int32
	for id := range headers {
		latest = max(latest, id)
	}
	return latest
}

// lineEnd returns the line ending of a raw row ("\r\n" or "\n").
func lineEnd(row []byte) []byte {
	if bytes.HasSuffix(row, []byte("\r\n")) {
		return []byte("\r\n")
	}
	return []byte("\n")
}

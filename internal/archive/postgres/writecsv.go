package postgres

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// WriteCSV writes the records of PBX key whose timestart lies in r, of the extensions
// exts (nil: all), as the PBX would send them. See archive.Store.
//
// The header is the one sent with the first row written (an archive fed by one PBX
// holds one); with no row, the PBX's latest header; with none ever kept, nothing.
func (s *Store) WriteCSV(ctx context.Context, w io.Writer, key string, r archive.Range, exts []string) (int, error) {
	n, err := s.writeCSV(ctx, w, key, r, exts)
	if err != nil {
		return n, s.failed("read the records of "+key, err)
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
	q := block.Query{From: wallSeconds(r.From), To: wallSeconds(r.To)}
	if exts != nil {
		q.Exts = make(map[string]bool, len(exts))
		for _, e := range exts {
			q.Exts[e] = true
		}
	}
	rows, err := tx.Query(ctx, `SELECT day, header, data FROM cdrdesk_block
		WHERE pbx = $1 AND day BETWEEN $2 AND $3 AND last >= $4 AND first <= $5
		ORDER BY day, header`, pbx, block.DayOf(q.From), block.DayOf(q.To), wallTime(q.From), wallTime(q.To))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	next := func() (block.Stored, bool, error) {
		var b block.Stored
		if !rows.Next() {
			return b, false, rows.Err()
		}
		err := rows.Scan(&b.Day, &b.Header, &b.Data)
		return b, err == nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	first := true
	n, err := block.Each(next, q, func(head int64, raw []byte) error {
		if first {
			first = false
			header := headers[int32(head)]
			bw.Write(header)
			if !bytes.HasSuffix(header, []byte("\n")) {
				bw.Write(lineEnd(raw)) // a header sent without one
			}
		}
		_, err := bw.Write(raw) // a write error is kept by bufio and returned by Flush
		return err
	})
	if err != nil {
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

// wallSeconds is t's wall clock (its date and clock in its own location) as Unix
// seconds of the same wall clock in UTC: how blocks count time. Like the PBX, the
// archive knows no time zone.
func wallSeconds(t time.Time) int64 {
	return archive.Wall(t).Unix()
}

package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"cdrdesk/internal/archive/block"
)

// blocksFromRecords moves the rows of cdrdesk_record (version 1) into blocks, in the
// order they were received on each second, and drops the table. Each row's callfrom
// and callto are read again from its bytes and header, as a commit reads them. A row
// whose timestart could not be read goes: no query by time could select it.
func blocksFromRecords(ctx context.Context, tx pgx.Tx) error {
	headers := make(map[int64][]byte)
	rows, err := tx.Query(ctx, "SELECT id, raw FROM cdrdesk_header")
	if err != nil {
		return err
	}
	var id int64
	var raw []byte
	if _, err := pgx.ForEachRow(rows, []any{&id, &raw}, func() error {
		headers[id] = raw
		raw = nil
		return nil
	}); err != nil {
		return err
	}
	// One PBX-day and header at a time, in order: a block is written once its rows
	// are all read.
	rows, err = tx.Query(ctx, `SELECT pbx, header, extract(epoch FROM timestart)::bigint, raw
		FROM cdrdesk_record WHERE timestart IS NOT NULL
		ORDER BY pbx, (extract(epoch FROM timestart)::bigint / 86400), header, timestart, seq`)
	if err != nil {
		return err
	}
	type key struct{ pbx, day, header int64 }
	var cur key
	var secs []int32
	var raws [][]byte
	// Blocks wait encoded (a third of the rows' size) until the rows are read: the
	// connection serves one statement at a time.
	type encoded struct {
		key
		rows        int
		first, last int64
		data        []byte
	}
	var blocks []encoded
	flush := func() error {
		if len(raws) == 0 {
			return nil
		}
		from, to, err := block.Columns(headers[cur.header], raws)
		if err != nil {
			return &block.DayError{Day: cur.day, Err: err}
		}
		d := block.Day{Secs: secs, Rows: raws, From: from, To: to}
		base := cur.day * block.SecondsPerDay
		blocks = append(blocks, encoded{cur, d.Len(), base + int64(secs[0]), base + int64(secs[len(secs)-1]), d.Encode()})
		secs, raws = nil, nil
		return nil
	}
	var pbx, header, ts int64
	if _, err := pgx.ForEachRow(rows, []any{&pbx, &header, &ts, &raw}, func() error {
		k := key{pbx, block.DayOf(ts), header}
		if k != cur {
			if err := flush(); err != nil {
				return err
			}
			cur = k
		}
		secs = append(secs, int32(ts-k.day*block.SecondsPerDay))
		raws = append(raws, raw)
		raw = nil
		return nil
	}); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	for _, b := range blocks {
		_, err := tx.Exec(ctx, `INSERT INTO cdrdesk_block (pbx, day, header, rows, first, last, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, b.pbx, b.day, b.header, b.rows, wallTime(b.first), wallTime(b.last), b.data)
		if err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, "DROP TABLE cdrdesk_record; ALTER TABLE cdrdesk_pbx DROP COLUMN next_seq")
	return err
}

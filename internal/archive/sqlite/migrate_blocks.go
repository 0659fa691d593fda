package sqlite

import (
	"context"
	"database/sql"

	"cdrdesk/internal/archive/block"
)

// blocksV2 re-encodes every block of a version-1 archive as package block does, with
// each row's callfrom and callto read from the row and its header.
func blocksV2(ctx context.Context, tx *sql.Tx) error {
	headers := make(map[int64][]byte)
	rs, err := tx.QueryContext(ctx, "SELECT id, bytes FROM header")
	if err != nil {
		return err
	}
	for rs.Next() {
		var id int64
		var b []byte
		if err := rs.Scan(&id, &b); err != nil {
			rs.Close()
			return err
		}
		headers[id] = b
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return err
	}
	type key struct{ pbx, day, header int64 }
	var keys []key
	rs, err = tx.QueryContext(ctx, "SELECT pbx, day, header FROM block ORDER BY pbx, day, header")
	if err != nil {
		return err
	}
	for rs.Next() {
		var k key
		if err := rs.Scan(&k.pbx, &k.day, &k.header); err != nil {
			rs.Close()
			return err
		}
		keys = append(keys, k)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return err
	}
	for _, k := range keys {
		var data []byte
		if err := tx.QueryRowContext(ctx, "SELECT data FROM block WHERE pbx = ? AND day = ? AND header = ?", k.pbx, k.day, k.header).Scan(&data); err != nil {
			return err
		}
		secs, rows, err := decodeV1(data)
		if err != nil {
			return blockError(k.day, err)
		}
		from, to, err := block.Columns(headers[k.header], rows)
		if err != nil {
			return blockError(k.day, err)
		}
		d := block.Day{Secs: secs, Rows: rows, From: from, To: to}
		if _, err := tx.ExecContext(ctx, "UPDATE block SET data = ? WHERE pbx = ? AND day = ? AND header = ?", d.Encode(), k.pbx, k.day, k.header); err != nil {
			return err
		}
	}
	return nil
}

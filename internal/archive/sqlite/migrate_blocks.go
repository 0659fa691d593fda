package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive/block"
)

// blocksV2 re-encodes every block of a version-1 archive as package block does,
// reading each row's callfrom and callto with its header, as the PBX's CSV is read
// everywhere else.
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
		t, err := parseRows(headers[k.header], rows)
		if err != nil {
			return blockError(k.day, fmt.Errorf("%w: %v", block.ErrDamaged, err))
		}
		var d block.Day
		for i, row := range rows {
			rec := t.Record(i)
			d.Add(secs[i], row, rec.CallFrom(), rec.CallTo())
		}
		if _, err := tx.ExecContext(ctx, "UPDATE block SET data = ? WHERE pbx = ? AND day = ? AND header = ?", d.Encode(), k.pbx, k.day, k.header); err != nil {
			return err
		}
	}
	return nil
}

// parseRows reads rows with their header, as the PBX's CSV is read everywhere else.
func parseRows(header []byte, rows [][]byte) (*cdrclient.Table, error) {
	t := cdrclient.NewTable()
	t.Write(header)
	for _, r := range rows {
		t.Write(r)
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	if t.Len() != len(rows) {
		return nil, fmt.Errorf("%d rows read as %d records", len(rows), t.Len())
	}
	return t, nil
}

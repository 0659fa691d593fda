package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// termIDs returns the ids of the status and type values of days' rows, adding those
// the archive lacks.
func termIDs(ctx context.Context, tx *sql.Tx, days map[int64][]incoming) (map[string]int64, error) {
	ids := make(map[string]int64)
	for _, rows := range days {
		for _, r := range rows {
			for _, v := range []string{r.cols[colStatus], r.cols[colType]} {
				if _, ok := ids[v]; ok {
					continue
				}
				var id int64
				err := tx.QueryRowContext(ctx, `INSERT INTO term (text) VALUES (?)
					ON CONFLICT (text) DO UPDATE SET text = excluded.text RETURNING id`, v).Scan(&id)
				if err != nil {
					return nil, err
				}
				ids[v] = id
			}
		}
	}
	return ids, nil
}

// recordsPerInsert is how many records one INSERT carries (7 values each, well under
// SQLite's 32766 parameters).
const recordsPerInsert = 256

// A recordInserter adds records' columns for one PBX, numbering them in the order
// received. It talks to the driver directly, on the connection of the commit's
// transaction: database/sql's checks of each of a million rows' eight values cost
// about as much as SQLite's inserting them.
type recordInserter struct {
	conn  *sql.Conn // the transaction's
	pbx   int64
	seq   int64 // the last number given
	terms map[string]int64
	full  driver.Stmt // the statement of recordsPerInsert rows, once prepared
	args  []driver.NamedValue
}

func (ins *recordInserter) insert(ctx context.Context, rows []incoming) error {
	return ins.conn.Raw(func(dc any) error {
		for len(rows) > 0 {
			n := min(len(rows), recordsPerInsert)
			if err := ins.exec(ctx, dc, rows[:n]); err != nil {
				return err
			}
			rows = rows[n:]
		}
		return nil
	})
}

// exec inserts rows in one statement.
func (ins *recordInserter) exec(ctx context.Context, dc any, rows []incoming) error {
	ins.args = ins.args[:0]
	for _, r := range rows {
		ins.seq++
		for _, v := range [...]any{r.ts, ins.seq, r.cols[colCallID], r.cols[colCallFrom], r.cols[colCallTo],
			ins.terms[r.cols[colStatus]], ins.terms[r.cols[colType]]} {
			ins.args = append(ins.args, driver.NamedValue{Ordinal: len(ins.args) + 1, Value: v})
		}
	}
	stmt := ins.full
	if stmt == nil || len(rows) < recordsPerInsert {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("the SQLite driver cannot prepare a statement (%T)", dc)
		}
		var err error
		if stmt, err = prep.PrepareContext(ctx, insertRecordsSQL(ins.pbx, len(rows))); err != nil {
			return err
		}
		if len(rows) == recordsPerInsert {
			ins.full = stmt
		} else {
			defer stmt.Close()
		}
	}
	_, err := stmt.(driver.StmtExecContext).ExecContext(ctx, ins.args)
	return err
}

// close releases the prepared statement.
func (ins *recordInserter) close() {
	if ins.full != nil {
		ins.conn.Raw(func(any) error { return ins.full.Close() })
	}
}

// insertRecordsSQL is the INSERT of n rows of PBX pbx. The PBX's id (this package's
// own integer) is written in the statement, so that each row binds only its own
// values; "?" parameters only, as the driver looks a numbered one up by name each
// time it binds it.
func insertRecordsSQL(pbx int64, n int) string {
	row := fmt.Sprintf("(%d, ?, ?, ?, ?, ?, ?, ?)", pbx)
	return "INSERT INTO record (pbx, timestart, seq, callid, callfrom, callto, status, type) VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

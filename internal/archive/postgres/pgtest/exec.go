package pgtest

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// exec1 runs one statement on a connection of its own (CREATE and DROP DATABASE
// cannot run in a transaction or a pool's prepared session).
func exec1(ctx context.Context, dsn, sql string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

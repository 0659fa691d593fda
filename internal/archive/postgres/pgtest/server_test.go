package pgtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartAndStop starts the server, uses a database of its own, stops the server and
// checks its folder is gone; it logs how long the start and the stop took.
func TestStartAndStop(t *testing.T) {
	t.Run("use", func(t *testing.T) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, Database(t))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var listen string
		if err := conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&listen); err != nil {
			t.Fatal(err)
		}
		if listen != "" {
			t.Errorf("listen_addresses = %q, want none (the socket only)", listen)
		}
	})
	mu.Lock()
	dir := running.dir
	mu.Unlock()
	took := Took()
	began := time.Now()
	Stop()
	t.Logf("initdb + start took %v, stop %v", took, time.Since(began))
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("after Stop the server's folder is still there (%v)", err)
	}
}

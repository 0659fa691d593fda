package postgres

import (
	"os"
	"testing"

	"cdrdesk/internal/archive/postgres/pgtest"
)

// TestMain stops the test server after the tests (a watchdog stops it otherwise).
func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

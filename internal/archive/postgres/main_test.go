package postgres

import (
	"os"
	"testing"

	"cdrdesk/internal/archive/postgres/pgtest"
)

// TestMain stops the test server after the tests (a watchdog stops it otherwise).
// A copy of the binary started by TestConcurrentCommits is a committer instead.
func TestMain(m *testing.M) {
	if os.Getenv(childDSN) != "" {
		commitChild()
		return
	}
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

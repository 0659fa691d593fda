package postgres

import (
	"testing"
	"time"
)

// TestConnectTimeout: a connection string without connect_timeout gets
// DefaultConnectTimeout, so that a server that does not answer is reported within
// seconds, not after the system's TCP timeout; one that sets it keeps its own.
func TestConnectTimeout(t *testing.T) {
	for dsn, want := range map[string]time.Duration{
		"postgres://cdr@db.example/cdr":                   DefaultConnectTimeout,
		"postgres://cdr@db.example/cdr?connect_timeout=3": 3 * time.Second,
		"host=db.example user=cdr dbname=cdr":             DefaultConnectTimeout,
	} {
		cfg, err := parseConfig(dsn)
		if err != nil {
			t.Fatalf("%s: %v", dsn, err)
		}
		if got := cfg.ConnConfig.ConnectTimeout; got != want {
			t.Errorf("%s: connect timeout %v, want %v", dsn, got, want)
		}
	}
}

package postgres

import (
	"context"
	"testing"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/archivetest"
	"cdrdesk/internal/archive/postgres/pgtest"
)

// The PostgreSQL store passes the conformance suite every store passes.
func TestConformance(t *testing.T) {
	archivetest.Run(t, func(t *testing.T) archive.Store {
		s, err := Open(context.Background(), pgtest.Database(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		})
		return s
	})
}

package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/archivetest"
)

// openTemp opens a new archive in a temporary folder, closed at the test's end.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	archivetest.Run(t, func(t *testing.T) archive.Store { return openTemp(t) })
}

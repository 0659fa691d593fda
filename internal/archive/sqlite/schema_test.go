package sqlite

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cdrdesk/internal/archive"
)

var update = flag.Bool("update", false, "write testdata/archive-v*.db anew (only when the schema version is new)")

// TestReadsEarlierArchives opens every archive an earlier (or this) version wrote,
// kept under testdata, and reads it: a cdrdesk never loses the history an earlier
// one kept. Each holds testPBX's testFrom–testTo as one window.
func TestReadsEarlierArchives(t *testing.T) {
	current := filepath.Join("testdata", fmt.Sprintf("archive-v%d.db", schemaVersion))
	if *update {
		os.Remove(current)
		archiveFile(nil)(t, current)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "archive-v*.db"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives under testdata (%v)", err)
	}
	p := testPBX()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "archive.db") // a copy: Open upgrades it
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got bytes.Buffer
			n, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: testFrom, To: testTo}, nil)
			if want := p.csv(t, nil, testFrom, testTo); err != nil || !bytes.Equal(got.Bytes(), want) {
				t.Errorf("reads %d records, %d bytes (%v), want the PBX's %d bytes", n, got.Len(), err, len(want))
			}
			// The extensions' filter reads the columns the blocks hold since version 2
			// (a version-1 archive gets them by its upgrade).
			for _, exts := range [][]string{{"1001"}, {"1003", "1005"}} {
				got.Reset()
				n, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: testFrom, To: testTo}, exts)
				if want := p.csv(t, exts, testFrom, testTo); err != nil || n == 0 || !bytes.Equal(got.Bytes(), want) {
					t.Errorf("extensions %v: reads %d records, %d bytes (%v), want the PBX's %d bytes", exts, n, got.Len(), err, len(want))
				}
			}
			var tables []string
			rs, err := s.db.Query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name")
			if err != nil {
				t.Fatal(err)
			}
			for rs.Next() {
				var name string
				rs.Scan(&name)
				tables = append(tables, name)
			}
			rs.Close()
			if want := []string{"block", "coverage", "header", "pbx"}; !slices.Equal(tables, want) {
				t.Errorf("tables and views %v, want %v", tables, want)
			}
			hs, err := s.Holdings(context.Background())
			if err != nil || len(hs) != 1 || hs[0].PBX != p.PBX || hs[0].Records != n ||
				len(hs[0].Coverage) != 1 || !hs[0].Coverage[0].From.Equal(testFrom) || !hs[0].Coverage[0].To.Equal(testTo) {
				t.Errorf("holdings %+v, %v", hs, err)
			}
			var version int
			if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != schemaVersion {
				t.Errorf("user_version %d after Open (%v), want %d", version, err, schemaVersion)
			}
			// And it takes more.
			if _, err := s.Commit(context.Background(), p.window(t, testTo.Add(1), testTo.AddDate(0, 0, 1))); err != nil {
				t.Error(err)
			}
		})
	}
}

package postgres

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/postgres/pgtest"
)

// newStore opens an archive in a new database of the test server, closed at t's end.
func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	dsn := pgtest.Database(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dsn
}

// day returns midnight of a day of 2024, wall clock in UTC.
func day(month time.Month, d int) time.Time { return time.Date(2024, month, d, 0, 0, 0, 0, time.UTC) }

// pbxCSV is the simulator's CSV of a query, the reference every output is held to.
func pbxCSV(t testing.TB, sim *pbxsim.Server, exts []string, from, to time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sim.WriteCSV(&b, exts, from, to); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pbxTable is the simulator's CSV of a query read into a Table, as a download gives it.
func pbxTable(t testing.TB, sim *pbxsim.Server, exts []string, from, to time.Time) *cdrclient.Table {
	t.Helper()
	return tableOf(t, pbxCSV(t, sim, exts, from, to))
}

func tableOf(t testing.TB, csv []byte) *cdrclient.Table {
	t.Helper()
	tb := cdrclient.NewTable()
	if _, err := tb.Write(csv); err != nil {
		t.Fatal(err)
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	return tb
}

// testPBX is the archive's name of the simulator.
var testPBX = archive.PBX{Key: pbxsim.DefaultSerialNumber, Name: "Head office"}

// commitWindow commits the simulator's records of [from, to] (all extensions) as a
// sync window covering it.
func commitWindow(t testing.TB, s *Store, sim *pbxsim.Server, from, to time.Time) int {
	t.Helper()
	added, err := s.Commit(context.Background(), archive.Batch{
		PBX: testPBX, Table: pbxTable(t, sim, nil, from, to),
		Covers: &archive.Range{From: from, To: to}, At: to,
	})
	if err != nil {
		t.Fatal(err)
	}
	return added
}

// archiveCSV is the archive's CSV of a query.
func archiveCSV(t testing.TB, s *Store, key string, from, to time.Time, exts []string) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := s.WriteCSV(context.Background(), &b, key, archive.Range{From: from, To: to}, exts)
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), n
}

// holding returns the archive's holding of key; it fails the test if there is none.
func holding(t testing.TB, s *Store, key string) archive.Holding {
	t.Helper()
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.PBX.Key == key {
			return h
		}
	}
	t.Fatalf("no holding of %s in %v", key, hs)
	return archive.Holding{}
}

// rowCount is the number of data rows of a CSV (lines after the header).
func rowCount(csv []byte) int { return max(bytes.Count(csv, []byte("\n"))-1, 0) }

// firstDiff describes where two CSVs first differ, for a failure message.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	line := bytes.Count(want[:i], []byte("\n")) + 1
	end := func(b []byte) string { return string(b[i:min(len(b), i+80)]) }
	return fmt.Sprintf("%d bytes, want %d; first difference at byte %d (line %d): got %q, want %q",
		len(got), len(want), i, line, end(got), end(want))
}

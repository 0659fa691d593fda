package postgres

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/postgres/pgtest"
)

// busyWeeks are the busy year's sync windows of a week (the last one shorter).
func busyWeeks() (sim *pbxsim.Server, weeks []archive.Range) {
	o, from, to := pbxsim.BusyYear()
	for w := from; !w.After(to); w = w.AddDate(0, 0, 7) {
		weeks = append(weeks, archive.Range{From: w, To: earliest(w.AddDate(0, 0, 7).Add(-time.Second), to)})
	}
	return pbxsim.New(o), weeks
}

// commitYear commits the busy year week by week into s; the CSV is made with the
// timer stopped. It returns the records and the CSV's bytes.
func commitYear(b *testing.B, s *Store) (rows int, csvBytes int64) {
	sim, weeks := busyWeeks()
	for _, w := range weeks {
		b.StopTimer()
		tb := pbxTable(b, sim, nil, w.From, w.To)
		rows += tb.Len()
		csvBytes += tb.Size()
		b.StartTimer()
		added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tb, Covers: &w, At: w.To})
		if err != nil || added != tb.Len() {
			b.Fatalf("Commit = %d, %v; want %d", added, err, tb.Len())
		}
	}
	return rows, csvBytes
}

// BenchmarkCommitBusyYear syncs the busy year (1M records) into an empty archive in
// windows of a week, and reports the space it takes on disk against its CSV.
func BenchmarkCommitBusyYear(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s, _ := newStore(b)
		b.StartTimer()
		rows, csvBytes := commitYear(b, s)
		b.StopTimer()
		size := diskSize(b, s)
		b.ReportMetric(float64(rows), "records")
		b.ReportMetric(float64(csvBytes)/1e6, "csv-MB")
		b.ReportMetric(float64(size)/1e6, "disk-MB")
		b.ReportMetric(float64(size)/float64(csvBytes), "disk/csv")
		b.StartTimer()
	}
}

// diskSize is the space of the archive's tables, indexes and TOAST included.
func diskSize(b *testing.B, s *Store) int64 {
	var size int64
	err := s.pool.QueryRow(context.Background(), `SELECT sum(pg_total_relation_size(c.oid))::bigint
		FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'cdrdesk\_%'`).Scan(&size)
	if err != nil {
		b.Fatal(err)
	}
	return size
}

// The busy year's archive, filled once for the reading benchmarks.
var (
	yearOnce  sync.Once
	yearStore *Store
)

func busyYearStore(b *testing.B) *Store {
	yearOnce.Do(func() {
		dsn := pgtest.KeptDatabase(b) // later benchmarks share it
		s, err := Open(context.Background(), dsn)
		if err != nil {
			b.Fatal(err)
		}
		commitYear(b, s)
		if _, err := s.pool.Exec(context.Background(), "VACUUM ANALYZE cdrdesk_block"); err != nil {
			b.Fatal(err)
		}
		yearStore = s
	})
	if yearStore == nil {
		b.Fatal("the busy year's archive could not be made")
	}
	b.ResetTimer()
	return yearStore
}

func benchmarkWriteCSV(b *testing.B, r archive.Range, exts []string) {
	s := busyYearStore(b)
	for b.Loop() {
		n, err := s.WriteCSV(context.Background(), io.Discard, testPBX.Key, r, exts)
		if err != nil || n == 0 {
			b.Fatalf("WriteCSV = %d, %v", n, err)
		}
		b.ReportMetric(float64(n), "records")
	}
}

// BenchmarkWriteCSVMonth reads March of the busy year from the archive.
func BenchmarkWriteCSVMonth(b *testing.B) {
	benchmarkWriteCSV(b, archive.Range{From: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 3, 31, 23, 59, 59, 0, time.UTC)}, nil)
}

// BenchmarkWriteCSVYear reads the whole busy year from the archive.
func BenchmarkWriteCSVYear(b *testing.B) {
	_, from, to := pbxsim.BusyYear()
	benchmarkWriteCSV(b, archive.Range{From: from, To: to}, nil)
}

// BenchmarkWriteCSVYearOneExtension reads one extension's year.
func BenchmarkWriteCSVYearOneExtension(b *testing.B) {
	_, from, to := pbxsim.BusyYear()
	benchmarkWriteCSV(b, archive.Range{From: from, To: to}, []string{"1006"})
}

package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// weeks are the busy year's sync windows (a week each, as `sync` fetches), read as a
// download reads them: what a sync commits.
type weeks struct {
	batches []archive.Batch
	csv     int64 // the year's CSV bytes
	rows    int
}

// busyWeeks reads the busy year of PBX key (seed) in weekly windows.
func busyWeeks(tb testing.TB, key string, seed uint64) weeks {
	o, from, to := pbxsim.BusyYear()
	o.Seed = seed
	o.SerialNumber = key
	sim := pbxsim.New(o)
	var w weeks
	for start := from; !start.After(to); start = start.AddDate(0, 0, 7) {
		end := start.AddDate(0, 0, 7).Add(-time.Second)
		if end.After(to) {
			end = to
		}
		t := cdrclient.NewTable()
		if err := sim.WriteCSV(t, nil, start, end); err != nil {
			tb.Fatal(err)
		}
		if err := t.Close(); err != nil {
			tb.Fatal(err)
		}
		w.csv += t.Size()
		w.rows += t.Len()
		w.batches = append(w.batches, archive.Batch{PBX: archive.PBX{Key: key, Name: key}, Table: t,
			Covers: &archive.Range{From: start, To: end}, At: end})
	}
	return w
}

func (w weeks) commit(tb testing.TB, s *Store) {
	for _, b := range w.batches {
		if _, err := s.Commit(context.Background(), b); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkCommitYear commits the busy year (1M records) week by week into a new file.
func BenchmarkCommitYear(b *testing.B) {
	w := busyWeeks(b, "SN0", 0)
	b.SetBytes(w.csv)
	var size int64
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(b.TempDir(), fmt.Sprintf("archive%d.db", i))
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		w.commit(b, s)
		s.Close()
		size = fileSize(b, path)
	}
	b.ReportMetric(float64(size)/float64(w.csv), "size/csv")
	b.ReportMetric(float64(w.rows), "records")
}

func fileSize(tb testing.TB, path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

// fiveMillion is an archive of five busy PBX-years (5M records), made once per run.
var fiveMillion struct {
	once sync.Once
	path string
	csv  int64
	err  error
}

func fiveMillionArchive(b *testing.B) *Store {
	fiveMillion.once.Do(func() {
		dir, err := os.MkdirTemp("", "cdrdesk-archive-bench-")
		if err != nil {
			fiveMillion.err = err
			return
		}
		fiveMillion.path = filepath.Join(dir, "archive.db")
		s, err := Open(context.Background(), fiveMillion.path)
		if err != nil {
			fiveMillion.err = err
			return
		}
		defer s.Close()
		for i := range 5 {
			w := busyWeeks(b, fmt.Sprintf("SN%d", i), uint64(i))
			w.commit(b, s)
			fiveMillion.csv += w.csv
		}
	})
	if fiveMillion.err != nil {
		b.Fatal(fiveMillion.err)
	}
	s, err := Open(context.Background(), fiveMillion.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkWriteCSVToTable reads a month and a year of one PBX out of the 5M-record
// archive into a cdrclient.Table: what the window waits for before the grid shows.
func BenchmarkWriteCSVToTable(b *testing.B) {
	s := fiveMillionArchive(b)
	for _, tt := range []struct {
		name     string
		from, to time.Time
	}{
		{"month", time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, time.May, 31, 23, 59, 59, 0, time.UTC)},
		{"year", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, time.December, 31, 23, 59, 59, 0, time.UTC)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				t := cdrclient.NewTable()
				if _, err := s.WriteCSV(context.Background(), t, "SN2", archive.Range{From: tt.from, To: tt.to}, nil); err != nil {
					b.Fatal(err)
				}
				if err := t.Close(); err != nil {
					b.Fatal(err)
				}
				size = t.Size()
			}
			b.SetBytes(size)
		})
	}
	b.Run("year-ext", func(b *testing.B) {
		for b.Loop() {
			var out bytes.Buffer
			if _, err := s.WriteCSV(context.Background(), &out, "SN2", archive.Range{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)}, []string{"1006"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(fileSize(b, fiveMillion.path))/float64(fiveMillion.csv), "size/csv")
}

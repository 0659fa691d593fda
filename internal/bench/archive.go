package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/sqlite"
)

// archiveRuns is how many times each archive figure is timed; the best run is quoted
// (the one least disturbed on a shared machine), beside the median.
const archiveRuns = 3

// archiveFigures prints what the SQLite archive costs (issue 9 §5): committing the
// busy year week by week, as a sync does, next to `export` of the same year; the file's
// size next to the CSV's; and, from an archive of five PBX-years (5M records), how long
// opening takes, and the whole file's check before a process's first write, and how
// long a month and a year take to be written and parsed into a cdrclient.Table, which
// is what the window waits for before its grid shows them.
func archiveFigures(run *pbxsim.Running) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "cdrdesk-bench-archive-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	year, err := weekBatches(busyYear.SerialNumber, busyYear.Seed)
	if err != nil {
		return err
	}
	var commits, exports []time.Duration
	var size int64
	for i := range archiveRuns {
		out := filepath.Join(dir, "year.csv")
		os.Remove(out)
		elapsed, _, err := export(ctx, run, "168h", out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		exports = append(exports, elapsed)
		path := filepath.Join(dir, fmt.Sprintf("year%d.db", i))
		start := time.Now()
		if err := year.commitInto(ctx, path); err != nil {
			return err
		}
		commits = append(commits, time.Since(start))
		size = fileSize(path)
	}
	bestExport, bestCommit := slices.Min(exports), slices.Min(commits)
	fmt.Printf("%-44s %7.2f s  (best of %d; median %.2f s)\n", "export csv of the year, weekly windows", bestExport.Seconds(), archiveRuns, median(exports).Seconds())
	// A sync downloads one window while it commits the one before: `bench sync`
	// times it; the two added up would be its time with nothing overlapped.
	fmt.Printf("%-44s %7.2f s  %6.0f MB/s  %.2f × the export (median %.2f s); both one after the other: %.2f × the export (bench sync times the sync, which overlaps them)\n",
		"archive: commit of the year, weekly windows", bestCommit.Seconds(), mb(int(year.csv))/bestCommit.Seconds(),
		bestCommit.Seconds()/bestExport.Seconds(), median(commits).Seconds(), (bestExport+bestCommit).Seconds()/bestExport.Seconds())
	fmt.Printf("%-44s %7.2f × the CSV (%.1f MB for %.1f MB, %d records)\n", "archive: file size", float64(size)/float64(year.csv), mb(int(size)), mb(int(year.csv)), year.rows)

	// Five PBX-years in one file: the year just committed and four more PBXs.
	path := filepath.Join(dir, "year0.db")
	start := time.Now()
	csv := year.csv
	for i := 1; i < 5; i++ {
		w, err := weekBatches(fmt.Sprintf("SN%d", i), uint64(i))
		if err != nil {
			return err
		}
		if err := w.commitInto(ctx, path); err != nil {
			return err
		}
		csv += w.csv
	}
	fmt.Printf("%-44s %7.2f s for 4 more PBX-years; %.2f × the CSV (%.0f MB)\n", "archive: 5 PBX-years (5M records)", time.Since(start).Seconds(), float64(fileSize(path))/float64(csv), mb(int(fileSize(path))))
	// Opening reads little of the file; its first write checks all of it (quick_check
	// and every block's checksum), once per process (sqlite package doc, Files).
	var opens, checks []time.Duration
	for range archiveRuns {
		start := time.Now()
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			return err
		}
		opens = append(opens, time.Since(start))
		start = time.Now()
		err = s.Forget(ctx, "no such PBX") // a write that changes nothing
		checks = append(checks, time.Since(start))
		s.Close()
		if err != nil {
			return err
		}
	}
	fmt.Printf("%-44s %7.3f s  (median %.3f s)\n", "archive of 5M: open", slices.Min(opens).Seconds(), median(opens).Seconds())
	fmt.Printf("%-44s %7.3f s  (median %.3f s)\n", "archive of 5M: first write (checks the file)", slices.Min(checks).Seconds(), median(checks).Seconds())
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, q := range []struct {
		label string
		from  time.Time
		to    time.Time
		exts  []string
	}{
		{"a month onto the grid (≤ 300 ms)", time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, time.May, 31, 23, 59, 59, 0, time.UTC), nil},
		{"a year onto the grid (≤ 2 s)", from, to, nil},
		{"a year of one extension", from, to, []string{"1006"}},
	} {
		var times []time.Duration
		var rows int
		var bytes int64
		for range archiveRuns {
			start := time.Now()
			t := cdrclient.NewTable()
			if _, err := s.WriteCSV(ctx, t, busyYear.SerialNumber, archive.Range{From: q.from, To: q.to}, q.exts); err != nil {
				return err
			}
			if err := t.Close(); err != nil {
				return err
			}
			times = append(times, time.Since(start))
			rows, bytes = t.Len(), t.Size()
		}
		fmt.Printf("%-44s %7.3f s  %6.0f MB/s  (median %.3f s) %d records, %.1f MB\n", "archive of 5M: "+q.label,
			slices.Min(times).Seconds(), mb(int(bytes))/slices.Min(times).Seconds(), median(times).Seconds(), rows, mb(int(bytes)))
	}
	fmt.Println()
	return nil
}

// weeks are a PBX's busy year read in weekly windows, as a sync downloads it.
type weeks struct {
	batches []archive.Batch
	csv     int64
	rows    int
}

func weekBatches(key string, seed uint64) (weeks, error) {
	o, from, to := pbxsim.BusyYear()
	o.SerialNumber, o.Seed = key, seed
	sim := pbxsim.New(o)
	var w weeks
	for start := from; !start.After(to); start = start.AddDate(0, 0, 7) {
		end := start.AddDate(0, 0, 7).Add(-time.Second)
		if end.After(to) {
			end = to
		}
		t := cdrclient.NewTable()
		if err := sim.WriteCSV(t, nil, start, end); err != nil {
			return w, err
		}
		if err := t.Close(); err != nil {
			return w, err
		}
		w.csv += t.Size()
		w.rows += t.Len()
		w.batches = append(w.batches, archive.Batch{PBX: archive.PBX{Key: key, Name: key}, Table: t,
			Covers: &archive.Range{From: start, To: end}, At: end})
	}
	return w, nil
}

// commitInto commits the weeks into the archive at path, one transaction a week.
func (w weeks) commitInto(ctx context.Context, path string) error {
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	for _, b := range w.batches {
		if _, err := s.Commit(ctx, b); err != nil {
			s.Close()
			return err
		}
	}
	return s.Close()
}

// fileSize is the archive's size with its write-ahead log.
func fileSize(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

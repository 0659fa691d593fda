package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/cli"
)

// syncRuns is how many interleaved rounds the archive's figures take: with 5, a run's
// median moved by 0.1 × from one run to the next.
const syncRuns = 9

// syncFigures times `cdrdesk sync` of the year into a fresh SQLite archive next to
// `cdrdesk export` of the same year (issue 9: at most 1.5 ×), and `export --offline` of
// the year from that archive next to a plain HTTPS GET of the same bytes (issue 9: not
// slower), in interleaved rounds: the median of the rounds' ratios, and the best.
func syncFigures(run *pbxsim.Running, size int) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "cdrdesk-bench-sync-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	arch := filepath.Join(dir, "archive.db")
	conn := []string{"--pbx", run.URL, "--user", pbxsim.DefaultUser, "--fingerprint", run.Fingerprint}
	span := []string{"--from", from.Format("2006-01-02"), "--to", to.Format("2006-01-02")}
	// The sync's "now" is the year's last second, so it brings in the year and no more.
	yearEnd := env()
	yearEnd.Now = func() time.Time { return to }
	var syncs, exports, offlines, gets []time.Duration
	var syncCPU, exportCPU []time.Duration // the simulator's included: it is the same for both
	var syncPeak uint64
	var archSize int64
	for range syncRuns {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(arch + suffix)
		}
		args := append(append([]string{"sync"}, conn...), "--archive", arch, "--since", from.Format("2006-01-02"))
		cpu, _ := cpuTime()
		elapsed, peak, code := measure(func() int { return cli.Run(ctx, args, yearEnd) })
		if code != 0 {
			return fmt.Errorf("sync: exit status %d", code)
		}
		syncCPU = append(syncCPU, cpuSince(cpu))
		syncs, syncPeak = append(syncs, elapsed), max(syncPeak, peak)
		if st, err := os.Stat(arch); err == nil {
			archSize = st.Size()
		}

		out := filepath.Join(dir, "year.csv")
		os.Remove(out)
		cpu, _ = cpuTime()
		elapsed, _, err := export(ctx, run, "168h", out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		exportCPU = append(exportCPU, cpuSince(cpu))
		exports = append(exports, elapsed)

		get, err := plainGet(ctx, run, filepath.Join(dir, "curl.csv"))
		if err != nil {
			return err
		}
		gets = append(gets, get)
		offline := filepath.Join(dir, "offline.csv")
		os.Remove(offline)
		args = append(append([]string{"export", "--offline", "--archive", arch}, span...), "--out", offline)
		elapsed, _, code = measure(func() int { return cli.Run(ctx, args, env()) })
		if code != 0 {
			return fmt.Errorf("export --offline: exit status %d", code)
		}
		offlines = append(offlines, elapsed)
		if st, err := os.Stat(offline); err != nil || st.Size() != int64(size) {
			return fmt.Errorf("export --offline wrote %v bytes, the year is %d (%v)", st.Size(), size, err)
		}
	}
	// The figure against a goal is the median of the rounds' ratios: each round times
	// both one after the other, so the machine's slower and faster spells (this VM's
	// neighbours) touch both; a best over a best pairs two rounds' luck.
	line := func(label string, runs, base []time.Duration, baseName, goal string) {
		best := slices.Min(runs)
		per := make([]float64, len(runs))
		for i := range runs {
			per[i] = runs[i].Seconds() / base[i].Seconds()
		}
		slices.Sort(per)
		fmt.Printf("%-44s %7.2f s  %6.0f MB/s  %.2f × %s, median of the rounds (%s; best over best %.2f; per round: %s)\n",
			label, best.Seconds(), mb(size)/best.Seconds(), per[len(per)/2], baseName, goal,
			best.Seconds()/slices.Min(base).Seconds(), ratios(runs, base))
	}
	fmt.Printf("%-44s %7.2f s  (best of %d)\n", "export csv of the year, weekly windows", slices.Min(exports).Seconds(), syncRuns)
	line("sync of the year into a fresh SQLite archive", syncs, exports, "the export", "issue 9: at most 1.5")
	fmt.Printf("%-44s peak heap %.0f MB, archive %.0f MB (%.2f × the CSV)\n", "", mb(int(syncPeak)), mb(int(archSize)), float64(archSize)/float64(size))
	if slices.Min(exportCPU) > 0 {
		fmt.Printf("%-44s CPU %.2f s, the export's %.2f s (%.2f ×; least of each, the simulator's included)\n", "",
			slices.Min(syncCPU).Seconds(), slices.Min(exportCPU).Seconds(), slices.Min(syncCPU).Seconds()/slices.Min(exportCPU).Seconds())
	}
	fmt.Printf("%-44s %7.2f s  (best of %d)\n", "plain HTTPS GET of the year into a file", slices.Min(gets).Seconds(), syncRuns)
	line("export --offline of the year (csv)", offlines, gets, "the GET", "issue 9: not slower")
	return nil
}

// cpuSince is the CPU time this process used since it had used cpu (see cpuTime), zero
// when it cannot tell.
func cpuSince(cpu time.Duration) time.Duration {
	now, err := cpuTime()
	if err != nil {
		return 0
	}
	return now - cpu
}

// Command bench prints the figures that matter for a year of a busy office (about a
// million call records): how fast the CSV is parsed into the record model and what it
// costs in memory; how long `cdrdesk export` takes next to a plain HTTP GET of the
// same bytes from the simulator on loopback; and what the window costs once it shows
// the year: how long until it is idle, and how much memory it holds. Run it with
// `make bench`; `bench parse export window` runs only the parts named.
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/cli"
	_ "cdrdesk/internal/localeenv" // before Fyne reads the locale, as in cdrdesk's main
)

// A year at this many calls a day is just over a million rows.
const callsPerDay = 2740

var (
	from = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	to   = time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)
)

func main() {
	var err error
	if len(os.Args) == 5 && os.Args[1] == "window" {
		err = runWindowArgs(os.Args[2:])
	} else {
		err = run(os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run prints the figures of the parts named in parts (parse, export, window), or of all.
func run(parts []string) error {
	want := func(part string) bool { return len(parts) == 0 || slices.Contains(parts, part) }
	opts := pbxsim.DefaultOptions()
	opts.CallsPerDay = callsPerDay
	sim := pbxsim.New(opts)
	var csv bytes.Buffer
	if err := sim.WriteCSV(&csv, nil, from, to); err != nil {
		return err
	}
	data := csv.Bytes()
	fmt.Printf("data: one year, %d bytes (%.1f MB)\n\n", len(data), mb(len(data)))

	if want("parse") {
		if err := parseFigures(data); err != nil {
			return err
		}
	}
	run, err := sim.StartTLS("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer run.Close()
	if want("export") {
		if err := exportFigures(run, len(data)); err != nil {
			return err
		}
	}
	if want("window") {
		return windowFigures(run, len(data))
	}
	return nil
}

// parseFigures parses the year into a Table three times and reports the best run, then
// the memory that raw bytes plus index take, measured on the heap after a GC.
func parseFigures(data []byte) error {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one core, garbage collector included
	best := time.Duration(1 << 62)
	var rows int
	for range 3 {
		start := time.Now()
		t := cdrclient.NewTable()
		if _, err := t.Write(data); err != nil {
			return err
		}
		if err := t.Close(); err != nil {
			return err
		}
		best = min(best, time.Since(start))
		rows = t.Len()
	}
	before := heap()
	t := cdrclient.NewTable()
	// Feed it as a download would arrive: 32 KiB at a time.
	for p := data; len(p) > 0; {
		n := min(len(p), 32<<10)
		t.Write(p[:n])
		p = p[n:]
	}
	t.Close()
	held := heap() - before
	runtime.KeepAlive(t)
	fmt.Printf("parse into the record model (1 core):  %8.0f MB/s   %d records in %v\n", mb(len(data))/best.Seconds(), rows, best.Round(time.Millisecond))
	fmt.Printf("memory, raw bytes + model:             %8.2f × the CSV size (%.0f MB per million records)\n\n",
		float64(held)/float64(len(data)), mb(int(held))*1e6/float64(rows))
	return nil
}

// exportFigures times a plain GET of the whole year from the simulator, then the export
// command writing the same range to a file, with and without download windows.
func exportFigures(run *pbxsim.Running, size int) error {
	ctx := context.Background()
	cfg := cdrclient.Config{BaseURL: run.URL, User: pbxsim.DefaultUser, PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: run.Fingerprint}
	sess, err := cdrclient.NewSession(cfg)
	if err != nil {
		return err
	}
	link, err := sess.Link(ctx, cdrclient.Query{Start: from, End: to})
	if err != nil {
		return err
	}
	start := time.Now()
	resp, err := (&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}).Get(link.URL)
	if err != nil {
		return err
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	get := time.Since(start)
	fmt.Printf("%-44s %7.2f s  %6.0f MB/s  (%d bytes)\n", "plain HTTPS GET of the year, discarded", get.Seconds(), mb(int(n))/get.Seconds(), n)

	dir, err := os.MkdirTemp("", "cdrdesk-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	for _, c := range []struct{ label, window, file string }{
		{"export csv, one download (--window 0)", "0", "year.csv"},
		{"export csv, weekly windows (default)", "168h", "year-weekly.csv"},
		{"export xlsx, weekly windows", "168h", "year.xlsx"},
	} {
		out := filepath.Join(dir, c.file)
		args := []string{"export", "--pbx", run.URL, "--user", pbxsim.DefaultUser, "--fingerprint", run.Fingerprint,
			"--from", from.Format("2006-01-02"), "--to", to.Format("2006-01-02"), "--window", c.window, "--out", out}
		elapsed, peak, code := measure(func() int { return cli.Run(ctx, args, env()) })
		if code != 0 {
			return fmt.Errorf("%s: exit status %d", c.label, code)
		}
		st, _ := os.Stat(out)
		fmt.Printf("%-44s %7.2f s  %6.0f MB/s  peak heap %4.0f MB, file %.0f MB\n", c.label, elapsed.Seconds(), mb(size)/elapsed.Seconds(), mb(int(peak)), mb(int(st.Size())))
	}
	return nil
}

func env() cli.Env {
	return cli.Env{Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard, Now: time.Now,
		Getenv: func(k string) string {
			if k == "CDRDESK_PASSWORD" {
				return pbxsim.DefaultPassword
			}
			return ""
		}}
}

// measure runs fn and samples the heap in use every 10 ms for its peak.
func measure(fn func() int) (time.Duration, uint64, int) {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	code := fn()
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	return elapsed, peak.Load(), code
}

func heap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func mb(n int) float64 { return float64(n) / 1e6 }

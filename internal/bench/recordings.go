package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/recordings"
)

// recordingSeconds is the length of each recording saved: a typical call.
const recordingSeconds = 60

// recordingsFigures times saving 1,000 recordings of 60 s from the simulator over
// HTTPS on loopback into a fresh folder (as `cdrdesk recordings` and the window's Save
// recordings… do, through internal/recordings), and the peak heap of saving 100 and
// 1,000 (issue 10: flat, not growing with the count), then the second run over the
// full folder, which skips every file.
func recordingsFigures() error {
	ctx := context.Background()
	o, _, _ := pbxsim.BusyYear()
	o.Recordings.Seconds = recordingSeconds
	sim := pbxsim.New(o)
	run, err := sim.StartTLS("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer run.Close()
	sess, err := cdrclient.NewSession(cdrclient.Config{BaseURL: run.URL, User: pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: run.Fingerprint})
	if err != nil {
		return err
	}
	defer sess.Close()
	calls, err := busyCalls(ctx, sess, 1000)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "cdrdesk-bench-recordings-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	size := pbxsim.RecordingSize(recordingSeconds)
	fmt.Printf("recordings: %d s each, %d bytes (%.2f MB), 8 kHz 16-bit WAV\n", recordingSeconds, size, mb(int(size)))
	for _, n := range []int{100, 1000} {
		out := filepath.Join(dir, fmt.Sprint(n))
		var sum recordings.Summary
		var serr error
		elapsed, peak, _ := measure(func() int {
			sum, serr = recordings.Save(ctx, sess, out, calls[:n], nil)
			return 0
		})
		if serr != nil {
			return serr
		}
		if sum.Saved != n {
			return fmt.Errorf("saved %d of %d", sum.Saved, n)
		}
		fmt.Printf("%-44s %7.2f s  %6.1f files/s  %6.0f MB/s  peak heap %.1f MB\n", fmt.Sprintf("save %d recordings into a new folder", n),
			elapsed.Seconds(), float64(n)/elapsed.Seconds(), mb(int(sum.Bytes))/elapsed.Seconds(), mb(int(peak)))
		if n != 1000 {
			continue
		}
		elapsed, peak, _ = measure(func() int {
			sum, serr = recordings.Save(ctx, sess, out, calls[:n], nil)
			return 0
		})
		if serr != nil || sum.Existing != n {
			return fmt.Errorf("second run: %d already there of %d (%v)", sum.Existing, n, serr)
		}
		fmt.Printf("%-44s %7.2f s  %6.1f files/s  peak heap %.1f MB\n", "the same again: all already there, skipped",
			elapsed.Seconds(), float64(n)/elapsed.Seconds(), mb(int(peak)))
	}
	return nil
}

// busyCalls collects at least n calls with a recording from the busy year's first
// days.
func busyCalls(ctx context.Context, sess *cdrclient.Session, n int) ([]recordings.Call, error) {
	_, from, _ := pbxsim.BusyYear()
	var c recordings.Collector
	parser := cdrclient.NewRowParser(&c)
	q := cdrclient.Query{Start: from, End: from.AddDate(0, 0, 14).Add(-time.Second)}
	if _, err := sess.Fetch(ctx, q, parser, nil); err != nil {
		return nil, err
	}
	if err := parser.Close(); err != nil {
		return nil, err
	}
	if len(c.Calls) < n {
		return nil, fmt.Errorf("only %d calls with a recording in two weeks", len(c.Calls))
	}
	return c.Calls[:n], nil
}

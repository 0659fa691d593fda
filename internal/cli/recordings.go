package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/recordings"
)

// runRecordings is `cdrdesk recordings`: the records of the query, then the recording
// of each call that has one, saved into --out one after another. A recording the PBX
// no longer has is a warning, not a failure: the others are saved and the exit status
// stays 0, so a nightly copy is not reported failed for a file deleted on the PBX.
func runRecordings(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("recordings", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var (
		cf     connFlags
		qf     queryFlags
		window = cdrclient.DefaultWindow
		out    string
	)
	cf.register(fs)
	qf.register(fs)
	fs.StringVar(&out, "out", "", "folder to save the recordings in (made if missing); a file already there with the same size is skipped")
	fs.DurationVar(&window, "window", cdrclient.DefaultWindow, "download the call records of long ranges in windows, the first this long (0 = all at once)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	switch {
	case fs.NArg() > 0:
		return fail(env.Stderr, usagef("unexpected argument %q", fs.Arg(0)))
	case out == "":
		return fail(env.Stderr, usagef("say where to save the recordings: --out FOLDER"))
	case window < 0:
		return fail(env.Stderr, usagef("--window must not be negative"))
	}
	q, err := qf.query(env.Now())
	if err != nil {
		return fail(env.Stderr, err)
	}
	q.Window = window
	if window == 0 {
		q.Window = -1
	}
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	sum, err := saveRecordings(ctx, env, conn.sess, q, out)
	conn.finish(env, err)
	for _, name := range sum.Missing {
		m := explain.Error(&cdrclient.RecordingMissingError{Name: name}, explain.English)
		fmt.Fprintln(env.Stderr, "warning: "+m.What)
	}
	if len(sum.Missing) > 0 {
		fmt.Fprintf(env.Stderr, "warning: %d recordings are missing on the PBX; the others were saved.\n", len(sum.Missing))
	}
	if err != nil {
		if sum.Saved+sum.Existing > 0 {
			fmt.Fprintf(env.Stderr, "cdrdesk: %d recordings were saved (%d already there) before it stopped; run again to resume.\n", sum.Saved, sum.Existing)
		}
		return fail(env.Stderr, err)
	}
	fmt.Fprintf(env.Stderr, "saved %d recordings (%d already there) to %s\n", sum.Saved, sum.Existing, out)
	return ExitOK
}

// saveRecordings downloads the records of q, keeping only the calls with a recording,
// and saves their recordings into dir.
func saveRecordings(ctx context.Context, env Env, sess *cdrclient.Session, q cdrclient.Query, dir string) (recordings.Summary, error) {
	var calls recordings.Collector
	parser := cdrclient.NewRowParser(&calls)
	sum, err := sess.Fetch(ctx, q, parser, nil)
	if err = errors.Join(err, parser.Close()); err != nil {
		return recordings.Summary{}, err
	}
	warnOtherPeriod(env.Stderr, sum.OtherPeriod)
	return recordings.Save(ctx, sess, dir, calls.Calls, nil)
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	archivesync "cdrdesk/internal/archive/sync"
	"cdrdesk/internal/period"
)

func runSync(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var (
		cf    connFlags
		af    archiveFlag
		since string
	)
	cf.register(fs)
	af.register(fs)
	fs.StringVar(&since, "since", "", fmt.Sprintf("where the archive's history of this PBX starts: YYYY-MM-DD (default %d months back on the first sync)", archivesync.FirstSyncSpan))
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return fail(env.Stderr, usagef("unexpected argument %q", fs.Arg(0)))
	}
	now := env.Now()
	var from time.Time
	if since != "" {
		var err error
		if from, err = period.ParseFrom(since, now.Location()); err != nil {
			return fail(env.Stderr, usagef("--since: %v", err))
		}
	}
	store, err := af.open(ctx, env) // before the PBX: a damaged archive costs no login
	if err != nil {
		return fail(env.Stderr, err)
	}
	defer store.Close()
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	job := archivesync.Job{Store: store, PBX: conn.sess, Name: conn.name, Address: conn.sess.BaseURL(),
		SN: conn.prof.SN, Since: from, Now: now, Progress: windowLines(env)}
	res, err := archivesync.Run(ctx, job)
	conn.finish(env, err)
	rememberSerial(env, conn, res.SN)
	if err != nil {
		return fail(env.Stderr, err)
	}
	fmt.Fprintln(env.Stderr, holdingLine(res.Holding, res.Added))
	return ExitOK
}

// windowLines prints a line on standard error as each window is kept, so a long
// first sync shows it is moving (and where it would carry on).
func windowLines(env Env) func(archivesync.Progress) {
	done := 0
	return func(p archivesync.Progress) {
		if p.WindowsDone > done {
			done = p.WindowsDone
			fmt.Fprintf(env.Stderr, "synced window %d of %d (%d records downloaded, %d new)\n", p.WindowsDone, p.WindowsTotal, p.Records, p.Added)
		}
	}
}

// holdingLine is sync's last line (design §2).
func holdingLine(h archive.Holding, added int) string {
	if h.Records == 0 {
		return fmt.Sprintf("archive: 0 records of %s, %d new", h.PBX.Name, added)
	}
	return fmt.Sprintf("archive: %d records of %s from %s to %s, %d new", h.Records, h.PBX.Name,
		h.First.Format(cdrclient.TimeLayout), h.Last.Format(cdrclient.TimeLayout), added)
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/report"
	"cdrdesk/internal/reportname"
)

func runExport(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var (
		cf   connFlags
		df   downloadFlags
		of   offlineFlags
		fmtS string
	)
	cf.register(fs)
	df.register(fs, "file to write (- for standard output); default: a name like CDR_<pbx>_<extensions>_<from>_<to>.csv here")
	of.register(fs)
	fs.StringVar(&fmtS, "format", "", "csv (the PBX's file as sent), excel-csv or xlsx; default from the file name, else csv")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return fail(env.Stderr, usagef("unexpected argument %q", fs.Arg(0)))
	}
	q, err := df.query(env.Now())
	if err != nil {
		return fail(env.Stderr, err)
	}
	format := report.CSV
	switch {
	case fmtS != "":
		if format, err = report.ParseFormat(fmtS); err != nil {
			return fail(env.Stderr, usagef("--format: %v", err))
		}
	case df.out != "":
		format = report.FormatForPath(df.out)
	}
	if of.offline {
		return exportOffline(ctx, env, &cf, &df, &of, q, format)
	}
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	if df.out == "" {
		df.out = reportname.Suggest(conn.name, q, format)
	}
	var sum cdrclient.Summary
	keep := of.keep(ctx, env, conn)
	err = df.save(ctx, env, func(w io.Writer) (err error) {
		sum, err = fetchReport(ctx, conn.sess, q, format, w, keep)
		return err
	})
	conn.finish(env, err)
	keep.finish(ctx, env, conn, err == nil, completeRange(q, sum))
	if err != nil {
		return fail(env.Stderr, err)
	}
	warnOtherPeriod(env.Stderr, sum.OtherPeriod)
	fmt.Fprintf(env.Stderr, "saved %d records to %s\n", sum.Records, df.out)
	return ExitOK
}

// exportOffline is export --offline: the records of q from the archive alone.
func exportOffline(ctx context.Context, env Env, cf *connFlags, df *downloadFlags, of *offlineFlags, q cdrclient.Query, format report.Format) int {
	src, err := of.open(ctx, env, cf, q)
	if err != nil {
		return fail(env.Stderr, err)
	}
	defer src.close()
	if df.out == "" {
		df.out = reportname.Suggest(src.holding.PBX.Name, q, format)
	}
	var records int
	err = df.save(ctx, env, func(w io.Writer) (err error) {
		if format == report.CSV {
			records, err = src.writeCSV(ctx, w)
			return err
		}
		rw := report.New(format, w, report.Options{})
		parser := cdrclient.NewRowParser(rw)
		records, err = src.writeCSV(ctx, parser)
		if err = errors.Join(err, parser.Close()); err != nil {
			return err
		}
		return rw.Close()
	})
	if err != nil {
		return fail(env.Stderr, err)
	}
	fmt.Fprintf(env.Stderr, "saved %d records to %s\n", records, df.out)
	return ExitOK
}

// fetchReport downloads q into w in the given format, and the PBX's CSV into keep too
// (nil: not). The PBX's CSV goes to w as it arrives; the Excel forms are converted row
// by row, so memory stays flat either way.
func fetchReport(ctx context.Context, sess *cdrclient.Session, q cdrclient.Query, f report.Format, w io.Writer, keep *keeping) (cdrclient.Summary, error) {
	if f == report.CSV {
		return sess.Fetch(ctx, q, alsoInto(w, keep), nil)
	}
	rw := report.New(f, w, report.Options{})
	parser := cdrclient.NewRowParser(rw)
	sum, err := sess.Fetch(ctx, q, alsoInto(parser, keep), nil)
	err = errors.Join(err, parser.Close())
	if err != nil {
		return sum, err
	}
	return sum, rw.Close()
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/report"
	"cdrdesk/internal/reportname"
)

func runExport(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var (
		cf        connFlags
		qf        queryFlags
		out, fmtS string
		overwrite bool
		window    windowFlag
	)
	cf.register(fs)
	qf.register(fs)
	fs.StringVar(&out, "out", "", "file to write (- for standard output); default: a name like CDR_<pbx>_<extensions>_<from>_<to>.csv here")
	fs.StringVar(&fmtS, "format", "", "csv (the PBX's file as sent), excel-csv or xlsx; default from the file name, else csv")
	fs.BoolVar(&overwrite, "overwrite", false, "replace an existing file")
	window.register(fs)
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return fail(env.Stderr, usagef("unexpected argument %q", fs.Arg(0)))
	}
	q, err := qf.query(env.Now())
	if err != nil {
		return fail(env.Stderr, err)
	}
	if err := window.apply(&q); err != nil {
		return fail(env.Stderr, err)
	}
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	format := report.CSV
	switch {
	case fmtS != "":
		if format, err = report.ParseFormat(fmtS); err != nil {
			return fail(env.Stderr, usagef("--format: %v", err))
		}
	case out != "":
		format = report.FormatForPath(out)
	}
	if out == "" {
		out = reportname.Suggest(conn.name, q, format)
	}
	var sum cdrclient.Summary
	write := func(w io.Writer) (err error) {
		sum, err = fetchReport(ctx, conn.sess, q, format, w)
		return err
	}
	if out == "-" {
		err = write(env.Stdout)
	} else {
		err = atomicfile.Write(ctx, out, overwrite, write)
	}
	conn.finish(env, err)
	if err != nil {
		return fail(env.Stderr, err)
	}
	if sum.OtherPeriod != nil {
		fmt.Fprintln(env.Stderr, "warning: "+explain.OtherPeriod(sum.OtherPeriod, explain.English))
	}
	fmt.Fprintf(env.Stderr, "saved %d records to %s\n", sum.Records, out)
	return ExitOK
}

// fetchReport downloads q into w in the given format. The PBX's CSV goes to w as it
// arrives; the Excel forms are converted row by row, so memory stays flat either way.
func fetchReport(ctx context.Context, sess *cdrclient.Session, q cdrclient.Query, f report.Format, w io.Writer) (cdrclient.Summary, error) {
	if f == report.CSV {
		return sess.Fetch(ctx, q, w, nil)
	}
	rw := report.New(f, w, report.Options{})
	parser := cdrclient.NewRowParser(rw)
	sum, err := sess.Fetch(ctx, q, parser, nil)
	err = errors.Join(err, parser.Close())
	if err != nil {
		return sum, err
	}
	return sum, rw.Close()
}

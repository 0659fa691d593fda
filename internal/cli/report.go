package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/reportname"
	"cdrdesk/internal/workbook"
)

// settingsFlags are the call reports' settings (reference/call-reports.md).
type settingsFlags struct {
	countryCode, businessHours    string
	callbackWindow, ignoreShorter time.Duration
}

func (s *settingsFlags) register(fs *flag.FlagSet) {
	d := callreport.DefaultSettings()
	fs.StringVar(&s.countryCode, "country-code", d.CountryCode, "your country's calling code: +<code>, 00<code> and a leading 0 are ignored when numbers are compared")
	fs.DurationVar(&s.callbackWindow, "callback-window", d.CallbackWindow, "a missed call counts as returned when the person is reached within this time")
	fs.DurationVar(&s.ignoreShorter, "ignore-shorter", d.IgnoreShorter, "unanswered calls shorter than this are not counted as missed (like 5s)")
	fs.StringVar(&s.businessHours, "business-hours", d.BusinessHours.String(), "office hours, for in hours / after hours")
}

// settings checks the flags; a mistake is a *cdrclient.InputError (exit status 2).
func (s *settingsFlags) settings() (callreport.Settings, error) {
	set := callreport.DefaultSettings()
	h, err := callreport.ParseBusinessHours(s.businessHours)
	if err != nil {
		return set, err
	}
	set.BusinessHours, set.CountryCode = h, s.countryCode
	set.CallbackWindow, set.IgnoreShorter = s.callbackWindow, s.ignoreShorter
	return set, set.Validate()
}

func runReport(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: cdrdesk report [flags]\n\n"+
			"Saves a report workbook (.xlsx): summary, by extension, by day, by hour, missed calls\n"+
			"not returned, charts, and every record. Its words are in English, or in Chinese when\n"+
			"the locale (LANGUAGE, LC_ALL or LANG) is Chinese, like LANG=zh_CN.UTF-8.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var (
		cf connFlags
		df downloadFlags
		sf settingsFlags
		of offlineFlags
	)
	cf.register(fs)
	df.register(fs, "file to write (- for standard output); default: a name like Report_<pbx>_<extensions>_<from>_<to>.xlsx here")
	sf.register(fs)
	of.register(fs)
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
	set, err := sf.settings()
	if err != nil {
		return fail(env.Stderr, err)
	}
	tr, err := workbookLanguage(env.Getenv)
	if err != nil {
		return fail(env.Stderr, err)
	}
	job := reportJob{query: q, settings: set, translate: tr}
	var conn *connection
	if of.offline {
		if job.offline, err = of.open(ctx, env, &cf, q); err != nil {
			return fail(env.Stderr, err)
		}
		defer job.offline.close()
		job.about.PBX = job.offline.holding.PBX.Name
	} else {
		if conn, err = cf.connect(env); err != nil {
			return fail(env.Stderr, err)
		}
		job.sess, job.about.PBX = conn.sess, conn.name
		job.keep = of.keep(ctx, env, conn)
	}
	job.about.Extensions, job.about.From, job.about.To = df.ext, q.Start, q.End
	if df.out == "" {
		// Named apart from `export --format xlsx` of the same range, which would
		// otherwise take the same name.
		df.out = reportname.SuggestWorkbook(job.about.PBX, q)
	}
	err = df.save(ctx, env, func(w io.Writer) error { return job.write(ctx, w) })
	if conn != nil {
		conn.finish(env, err)
		job.keep.finish(ctx, env, conn, err == nil, completeRange(q, job.sum))
	}
	if err != nil {
		return fail(env.Stderr, err)
	}
	warnOtherPeriod(env.Stderr, job.sum.OtherPeriod)
	fmt.Fprintf(env.Stderr, "saved report of %d calls (%d records) to %s\n", job.calls, job.records, df.out)
	return ExitOK
}

// reportJob downloads a range (or reads it from the archive) and writes its report
// workbook.
type reportJob struct {
	sess      *cdrclient.Session // nil offline
	keep      *keeping           // keeps the download in the archive; nil offline or off
	offline   *offlineSource     // nil unless --offline
	query     cdrclient.Query
	settings  callreport.Settings
	translate explain.Translate
	about     workbook.Query

	sum            cdrclient.Summary
	calls, records int
}

// write gets the records and the extensions' names, folds the calls and writes the
// workbook to w. The whole table is kept: the reports need every call at once.
func (j *reportJob) write(ctx context.Context, w io.Writer) error {
	table, names, err := j.read(ctx)
	if err != nil {
		return err
	}
	calls, err := callreport.Fold(ctx, callreport.Input{Table: table, Names: names, Settings: j.settings, End: j.query.End})
	if err != nil {
		return err
	}
	rep := calls.Report(nil)
	j.calls, j.records = calls.Len(), table.Len()
	return workbook.Write(ctx, w, workbook.Input{Query: j.about, Calls: calls, Report: rep, Translate: j.translate})
}

// read returns the range's records and the extensions' names. Offline there are no
// names: only the PBX lists its extensions.
func (j *reportJob) read(ctx context.Context) (*cdrclient.Table, map[string]string, error) {
	table := cdrclient.NewTable()
	if j.offline != nil {
		_, err := j.offline.writeCSV(ctx, table)
		return table, map[string]string{}, errors.Join(err, table.Close())
	}
	exts, err := j.sess.Extensions(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[string]string, len(exts))
	for _, e := range exts {
		names[e.Number] = e.Name
	}
	if j.sum, err = j.sess.Fetch(ctx, j.query, alsoInto(table, j.keep), nil); err != nil {
		return nil, nil, err
	}
	return table, names, table.Close()
}

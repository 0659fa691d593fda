package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/explain"
)

// downloadFlags are the flags of the commands that download records into a file
// (export, report): the query, --window, --out and --overwrite.
type downloadFlags struct {
	queryFlags
	window    time.Duration
	out       string
	overwrite bool
}

// register adds the flags; outHelp describes --out and its default name.
func (d *downloadFlags) register(fs *flag.FlagSet, outHelp string) {
	d.queryFlags.register(fs)
	fs.StringVar(&d.out, "out", "", outHelp)
	fs.BoolVar(&d.overwrite, "overwrite", false, "replace an existing file")
	fs.DurationVar(&d.window, "window", cdrclient.DefaultWindow, "download long ranges in windows, the first this long; later ones grow while the PBX answers quickly (0 = all at once)")
}

// query turns the flags into a cdrclient.Query with its download window; --window 0
// asks for the whole range at once.
func (d *downloadFlags) query(now time.Time) (cdrclient.Query, error) {
	if d.window < 0 {
		return cdrclient.Query{}, usagef("--window must not be negative")
	}
	q, err := d.queryFlags.query(now)
	q.Window = d.window
	if d.window == 0 {
		q.Window = -1
	}
	return q, err
}

// save runs write into standard output (--out -) or into the file d.out, atomically:
// a failed or cancelled write leaves no file and an existing one untouched.
func (d *downloadFlags) save(ctx context.Context, env Env, write func(io.Writer) error) error {
	if d.out == "-" {
		return write(env.Stdout)
	}
	return atomicfile.Write(ctx, d.out, d.overwrite, write)
}

// warnOtherPeriod says on standard error that the PBX answered for another period
// than the one asked for (nil: it did not).
func warnOtherPeriod(stderr io.Writer, o *cdrclient.OtherPeriod) {
	if o != nil {
		fmt.Fprintln(stderr, "warning: "+explain.OtherPeriod(o, explain.English))
	}
}

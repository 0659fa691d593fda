package cli

import (
	"flag"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/period"
)

// queryFlags select the records: extensions and a time range.
type queryFlags struct {
	ext, from, to, rng string
}

func (q *queryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&q.ext, "ext", "all", "extensions: all, 1000 or 1000,1001")
	fs.StringVar(&q.from, "from", "", "start: YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\" (PBX time)")
	fs.StringVar(&q.to, "to", "", "end: YYYY-MM-DD (until 23:59:59) or \"YYYY-MM-DD HH:MM:SS\"")
	fs.StringVar(&q.rng, "range", "", "instead of --from/--to: today, yesterday, this-week, last-week, this-month, last-month, last-7-days or last-30-days")
}

// query turns the flags into a cdrclient.Query.
func (q *queryFlags) query(now time.Time) (cdrclient.Query, error) {
	exts, err := cdrclient.ParseExtensions(q.ext)
	if err != nil {
		return cdrclient.Query{}, err
	}
	out := cdrclient.Query{Extensions: exts}
	switch {
	case q.rng != "" && (q.from != "" || q.to != ""):
		return out, usagef("give either --range or --from/--to, not both")
	case q.rng != "":
		r, err := period.Preset(q.rng, now)
		if err != nil {
			return out, usagef("%v", err)
		}
		out.Start, out.End = r.From, r.To
	case q.from == "" || q.to == "":
		return out, usagef("say which calls: --from DATE --to DATE, or --range today (or yesterday, last-week, ...)")
	default:
		if out.Start, err = period.ParseFrom(q.from, now.Location()); err != nil {
			return out, usagef("--from: %v", err)
		}
		if out.End, err = period.ParseTo(q.to, now.Location()); err != nil {
			return out, usagef("--to: %v", err)
		}
		if out.End.Before(out.Start) {
			return out, usagef("--to is before --from")
		}
	}
	return out, nil
}

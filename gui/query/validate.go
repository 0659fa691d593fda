package query

import (
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/period"
)

// form is what the panel's fields hold, as typed.
type form struct {
	all                bool
	extensions         []string
	fromDate, fromTime string
	toDate, toTime     string
}

// problems are why a form cannot be sent, as sentences in the user's language; a form
// without problems makes a query.
type problems struct {
	extensions string   // under the extension list
	dates      []string // under the date fields
}

func (p problems) none() bool { return p.extensions == "" && len(p.dates) == 0 }

// query checks the form and builds the query from it. Times are the PBX's wall clock;
// they are built in time.Local, as cdrclient uses only their date and clock fields. A
// range in the future is allowed: it simply finds no records yet.
func (f form) query() (cdrclient.Query, problems) {
	var q cdrclient.Query
	var p problems
	if !f.all {
		q.Extensions = f.extensions
		if len(f.extensions) == 0 {
			p.extensions = i18n.L("Choose at least one extension, or tick All extensions.")
		}
	}
	var ok bool
	q.Start, ok = f.end(f.fromDate, f.fromTime, &p,
		i18n.L("From date: use the form 2026-05-18"), i18n.L("From time: use the form 08:30:00"))
	end, endOK := f.end(f.toDate, f.toTime, &p,
		i18n.L("To date: use the form 2026-05-18"), i18n.L("To time: use the form 08:30:00"))
	q.End = end
	if ok && endOK && q.End.Before(q.Start) {
		p.dates = append(p.dates, i18n.L("From is after To: swap them or change one."))
	}
	return q, p
}

// end reads one end of the range, adding badDate or badClock to p when it cannot.
func (f form) end(date, clock string, p *problems, badDate, badClock string) (time.Time, bool) {
	day, err := period.ParseDate(date, time.Local)
	if err != nil {
		p.dates = append(p.dates, badDate)
	}
	offset, cerr := period.ParseClock(clock)
	if cerr != nil {
		p.dates = append(p.dates, badClock)
	}
	if err != nil || cerr != nil {
		return time.Time{}, false
	}
	return period.At(day, offset), true
}

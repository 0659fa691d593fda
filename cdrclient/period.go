package cdrclient

import "time"

// Period is a stretch of PBX wall-clock time, both ends included.
type Period struct{ From, To time.Time }

// String writes the period as the PBX does: "2026-05-01 00:00:00 – 2026-05-31 23:59:59".
func (p Period) String() string {
	return p.From.Format(TimeLayout) + " – " + p.To.Format(TimeLayout)
}

// contains reports whether t lies inside the period.
func (p Period) contains(t time.Time) bool { return !t.Before(p.From) && !t.After(p.To) }

// cover returns the smallest period holding both p and o; a zero p holds nothing.
func (p Period) cover(o Period) Period {
	if p.From.IsZero() {
		return o
	}
	if o.From.Before(p.From) {
		p.From = o.From
	}
	if o.To.After(p.To) {
		p.To = o.To
	}
	return p
}

// OtherPeriod says the PBX answered for another period than the one asked for: a
// download key came back with other start or end times (the download follows the PBX's
// echo, as Yeastar's own example does), or rows came back dated outside the window
// they were asked for. Some firmware does this. The rows are kept; the user is shown
// both periods to judge the report, whose name still says the period asked for.
type OtherPeriod struct {
	Asked    Period // the query's range
	Answered Period // the span of every period the PBX echoed and every row date it sent
}

// noteOtherPeriod records that the PBX answered a window of q with the period got.
func (f *fetchRun) noteOtherPeriod(got Period) {
	if f.other == nil {
		f.other = &OtherPeriod{Asked: Period{wall(f.q.Start), wall(f.q.End)}}
	}
	f.other.Answered = f.other.Answered.cover(got)
}

// checkPeriod compares what the PBX answered for a finished window with what was asked:
// the period its key echoed and the dates of the window's first and last rows (the PBX
// sends rows in time order, so they are its earliest and latest).
func (f *fetchRun) checkPeriod(win span) {
	asked := Period{win.from, win.to}
	got := f.echoed
	if got.From.IsZero() {
		got = asked
	}
	for _, t := range f.dates.end(f.timeColumn()) {
		got = got.cover(Period{t, t})
	}
	if !got.From.Equal(asked.From) || !got.To.Equal(asked.To) {
		f.noteOtherPeriod(got)
	}
}

// timeColumn returns the index of timestart in the download's header, -1 before a
// header arrived or when it has none.
func (f *fetchRun) timeColumn() int {
	for i, name := range f.j.header {
		if name == ColTimeStart {
			return i
		}
	}
	return -1
}

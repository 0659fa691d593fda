package callreport

import "time"

// Figures count calls. Missed counts inbound calls only; NotReturned is the missed
// calls not returned (tried ones included).
type Figures struct {
	Calls, Answered, Missed, NotReturned int
	TalkSeconds                          int64 // sum of the calls' talk time
}

// AverageTalk returns TalkSeconds / Answered in whole seconds, rounded half up; 0
// when no call was answered.
func (f Figures) AverageTalk() int { return average(f.TalkSeconds, f.Answered) }

func average(total int64, n int) int {
	if n <= 0 {
		return 0
	}
	return int((2*total + int64(n)) / (2 * int64(n)))
}

// callFigures is what one call adds to Figures and where, worked out once per call
// and added to the summary, its day and its hours.
type callFigures struct {
	answered, missed, notReturned int
	talk                          int64
	kind                          uint8
	timed, inHours                bool
}

func figuresOf(c *Calls, i int32, timed, inHours bool) callFigures {
	f := callFigures{talk: int64(c.talk[i]), kind: c.kind[i] & kindMask, timed: timed, inHours: inHours}
	if c.kind[i]&answeredBit != 0 {
		f.answered = 1
	}
	if s := c.state[i]; s&missedBit != 0 {
		f.missed = 1
		if s&returnedBit == 0 {
			f.notReturned = 1
		}
	}
	return f
}

func (f *Figures) add(d *callFigures) {
	f.Calls++
	f.Answered += d.answered
	f.Missed += d.missed
	f.NotReturned += d.notReturned
	f.TalkSeconds += d.talk
}

// Tally is Figures of all calls and of parts of them: inbound and outbound (by the
// type of the earliest leg; internal and other calls count only in All), in and
// after business hours (calls without a time count only in All).
type Tally struct {
	All, Inbound, Outbound, InHours, AfterHours Figures
}

func (y *Tally) add(d *callFigures) {
	y.All.add(d)
	switch d.kind {
	case kindInbound:
		y.Inbound.add(d)
	case kindOutbound:
		y.Outbound.add(d)
	}
	switch {
	case !d.timed:
	case d.inHours:
		y.InHours.add(d)
	default:
		y.AfterHours.add(d)
	}
}

func (f *Figures) merge(g *Figures) {
	f.Calls += g.Calls
	f.Answered += g.Answered
	f.Missed += g.Missed
	f.NotReturned += g.NotReturned
	f.TalkSeconds += g.TalkSeconds
}

func (y *Tally) merge(z *Tally) {
	y.All.merge(&z.All)
	y.Inbound.merge(&z.Inbound)
	y.Outbound.merge(&z.Outbound)
	y.InHours.merge(&z.InHours)
	y.AfterHours.merge(&z.AfterHours)
}

// Summary is the figures of the calls reported.
type Summary struct {
	Tally
	Internal, Other int // calls of those types (Other: Transfer, Callback, unknown)
	Legs            int // records of the calls reported
	Returned        int // missed calls returned within the call-back window
	Tried           int // missed calls not returned but tried (counted in NotReturned too)
	Short           int // unanswered calls ignored as shorter than IgnoreShorter
	// Open is the missed calls not returned whose call-back window ends after End: a
	// call-back after the range's end is not seen, so they may have been returned.
	Open    int
	Untimed int // calls without a valid time: in no day or hour
	// First and Last are the earliest and latest call start; End the range's end.
	First, Last, End time.Time
}

// Day is the figures of the calls that started on one PBX date.
type Day struct {
	Date time.Time // midnight, UTC-located wall clock
	Tally
}

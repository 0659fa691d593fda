package callreport

import (
	"cmp"
	"slices"
	"time"
)

// Caller is one line of the unreturned missed calls: a person (one comparison form
// of the number) with at least one missed call not returned.
type Caller struct {
	// Number is as the PBX wrote it on the latest of these calls; NumberKey is the
	// comparison form. Both are "" for calls without a number (no call-back possible).
	Number, NumberKey string
	Missed            int       // missed calls not returned (tried ones included)
	First, Last       time.Time // their earliest and latest start (zero when unknown)
	Extensions        []string  // the numbers those calls rang (extensions, ring groups), by number
	// Attempts counts the unanswered outbound calls to the person inside the
	// call-back window of one of these calls; LastAttempt is the latest one's start.
	Attempts    int
	LastAttempt time.Time
	Open        bool  // the call-back window of one of these calls ends after the range
	Calls       []int // these calls, by start; Calls.RowsOf gives their records
}

// unreturned makes the lines from the reported calls (in time order).
func (c *Calls) unreturned(calls []int) []Caller {
	var lines []Caller
	index := make(map[uint64]int)
	for _, i := range calls {
		if c.state[i]&(missedBit|returnedBit) != missedBit {
			continue
		}
		k, ok := index[c.number[i]]
		if !ok {
			k = len(lines)
			index[c.number[i]] = k
			lines = append(lines, Caller{NumberKey: c.numbers.text(c.number[i])})
		}
		lines[k].Calls = append(lines[k].Calls, i)
	}
	for k := range lines {
		c.fillCaller(&lines[k])
	}
	slices.SortFunc(lines, func(a, b Caller) int {
		if a.Last.IsZero() != b.Last.IsZero() { // unknown times last
			return cmp.Compare(boolInt(a.Last.IsZero()), boolInt(b.Last.IsZero()))
		}
		if c := b.Last.Compare(a.Last); c != 0 {
			return c
		}
		return cmp.Compare(a.NumberKey, b.NumberKey)
	})
	return lines
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fillCaller sets a line's figures from its calls.
func (c *Calls) fillCaller(l *Caller) {
	l.Missed = len(l.Calls)
	var exts []int32
	var latest = -1
	for _, i := range l.Calls {
		if st := c.start[i]; st != noTime {
			if l.First.IsZero() {
				l.First = wallTime(st)
			}
			l.Last, latest = wallTime(st), i
		}
		l.Open = l.Open || c.state[i]&openBit != 0
		for k := c.legStart[i]; k < c.legStart[i+1]; k++ {
			if e := c.legTo[k]; e >= 0 && rings(c.legFlags[k]&kindMask) && !slices.Contains(exts, e) {
				exts = append(exts, e)
			}
		}
	}
	if latest < 0 {
		latest = l.Calls[len(l.Calls)-1]
	}
	if c.number[latest] != 0 {
		l.Number = c.numberAsWritten(latest)
	}
	for _, e := range exts {
		l.Extensions = append(l.Extensions, c.exts.numbers[e])
	}
	slices.SortFunc(l.Extensions, compareNumbers)
	c.attempts(l)
}

// attempts counts the tries inside the window of one of the line's calls: for each
// try, the latest call before it has the window that reaches furthest.
func (c *Calls) attempts(l *Caller) {
	first := int32(-1)
	for _, i := range l.Calls {
		if p := c.events.pos[i]; p >= 0 {
			first = p
			break
		}
	}
	if first < 0 {
		return
	}
	ev, key := c.events.call, c.number[c.events.call[first]]
	lo, hi := int(first), int(first)
	for lo > 0 && c.number[ev[lo-1]] == key {
		lo--
	}
	for hi < len(ev) && c.number[ev[hi]] == key {
		hi++
	}
	w := c.settings.windowSeconds()
	var times []int64 // the line's call times, ascending
	for _, i := range l.Calls {
		if st := c.start[i]; st != noTime {
			times = append(times, st)
		}
	}
	j := -1 // the latest line call before the try
	for _, e := range ev[lo:hi] {
		if c.eventKind(e) != evTry {
			continue
		}
		te := c.start[e]
		for j+1 < len(times) && times[j+1] < te {
			j++
		}
		if j >= 0 && te <= times[j]+w {
			l.Attempts++
			l.LastAttempt = wallTime(te)
		}
	}
}

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

// unreturnedLines groups the reported calls (in time order) that are missed and not
// returned by person, without a map for the people the call-back search numbered.
type unreturnedLines struct {
	c            *Calls
	linePerson   []int32          // per person: its line, or -1
	lineNumber   map[uint64]int32 // lines of calls outside the runs (no time), by number
	personNumber map[uint64]int32 // people by number, made only when such calls exist
	keys         []uint64         // per line: the number key
	person       []int32          // per line: the person, or -1
	counts       []int32          // per line: its calls
}

func (u *unreturnedLines) lineOf(i int) int32 {
	p := u.c.events.person[i]
	if p < 0 && u.c.number[i] != 0 { // a person with calls that have a time, maybe
		if u.personNumber == nil {
			u.personNumber = make(map[uint64]int32)
			for q := range int32(len(u.c.events.runStart) - 1) {
				u.personNumber[u.c.number[u.c.events.run(q)[0]]] = q
			}
		}
		if q, ok := u.personNumber[u.c.number[i]]; ok {
			p = q
		}
	}
	if p >= 0 {
		if l := u.linePerson[p]; l >= 0 {
			return l
		}
		u.linePerson[p] = u.add(u.c.number[i], p)
		return u.linePerson[p]
	}
	if l, ok := u.lineNumber[u.c.number[i]]; ok {
		return l
	}
	if u.lineNumber == nil {
		u.lineNumber = make(map[uint64]int32)
	}
	u.lineNumber[u.c.number[i]] = u.add(u.c.number[i], -1)
	return u.lineNumber[u.c.number[i]]
}

func (u *unreturnedLines) add(key uint64, person int32) int32 {
	u.keys, u.person, u.counts = append(u.keys, key), append(u.person, person), append(u.counts, 0)
	return int32(len(u.keys) - 1)
}

// unreturned makes the lines from the reported calls (in time order).
func (c *Calls) unreturned(calls []int) []Caller {
	u := unreturnedLines{c: c, linePerson: make([]int32, len(c.events.runStart)-1)}
	for p := range u.linePerson {
		u.linePerson[p] = -1
	}
	var picked []int
	var lineOfPicked []int32
	for _, i := range calls {
		if c.state[i]&(missedBit|returnedBit) == missedBit {
			l := u.lineOf(i)
			picked, lineOfPicked = append(picked, i), append(lineOfPicked, l)
			u.counts[l]++
		}
	}
	// One backing array for every line's calls.
	lines := make([]Caller, len(u.keys))
	backing := make([]int, len(picked))
	at := 0
	for l, n := range u.counts {
		lines[l].Calls = backing[at : at : at+int(n)]
		at += int(n)
	}
	for k, i := range picked {
		l := &lines[lineOfPicked[k]]
		l.Calls = append(l.Calls, i)
	}
	c.split.run(len(lines), func(lo, hi int) { // lines are independent: filled on every CPU
		var f callerFiller
		for l := lo; l < hi; l++ {
			lines[l].NumberKey = c.numbers.text(u.keys[l])
			f.fill(c, &lines[l], u.person[l])
		}
	})
	return sortCallers(lines)
}

// sortCallers orders lines by last missed time, newest first (unknown times last),
// then by comparison form, sorting indexes rather than moving the lines.
func sortCallers(lines []Caller) []Caller {
	order := make([]int32, len(lines))
	last := make([]int64, len(lines))
	for l := range lines {
		order[l] = int32(l)
		last[l] = -1 << 63 // unknown: after every time
		if !lines[l].Last.IsZero() {
			last[l] = lines[l].Last.Unix()
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(last[b], last[a]); c != 0 {
			return c
		}
		return cmp.Compare(lines[a].NumberKey, lines[b].NumberKey)
	})
	out := make([]Caller, len(lines))
	for k, l := range order {
		out[k] = lines[l]
	}
	return out
}

// callerFiller sets lines' figures, reusing its buffers from line to line.
type callerFiller struct {
	exts    []int32
	numbers []string // backing of every line's Extensions
	times   []int64
}

func (f *callerFiller) fill(c *Calls, l *Caller, person int32) {
	l.Missed = len(l.Calls)
	f.exts = f.exts[:0]
	latest := l.Calls[len(l.Calls)-1]
	for k, i := range l.Calls {
		if st := c.start[i]; st != noTime {
			if k == 0 {
				l.First = wallTime(st)
			}
			l.Last, latest = wallTime(st), i
		}
		l.Open = l.Open || c.state[i]&openBit != 0
		for g := c.legStart[i]; g < c.legStart[i+1]; g++ {
			if e := c.legTo[g]; e >= 0 && rings(c.legFlags[g]&kindMask) && !slices.Contains(f.exts, e) {
				f.exts = append(f.exts, e)
			}
		}
	}
	if c.number[latest] != 0 {
		l.Number = c.numberAsWritten(latest)
	}
	start := len(f.numbers)
	for _, e := range f.exts {
		f.numbers = append(f.numbers, c.exts.numbers[e])
	}
	l.Extensions = f.numbers[start:len(f.numbers):len(f.numbers)]
	slices.SortFunc(l.Extensions, compareNumbers)
	if len(l.Extensions) == 0 {
		l.Extensions = nil
	}
	if person >= 0 {
		f.attempts(c, l, person)
	}
}

// attempts counts the tries inside the window of one of the line's calls: for each
// try, the latest call before it has the window that reaches furthest.
func (f *callerFiller) attempts(c *Calls, l *Caller, person int32) {
	w := c.settings.windowSeconds()
	f.times = f.times[:0] // the line's call times, ascending
	for _, i := range l.Calls {
		if st := c.start[i]; st != noTime {
			f.times = append(f.times, st)
		}
	}
	j := -1 // the latest line call before the try
	for _, e := range c.events.run(person) {
		if c.events.kind[e] != evTry {
			continue
		}
		te := c.start[e]
		for j+1 < len(f.times) && f.times[j+1] < te {
			j++
		}
		if j >= 0 && te <= f.times[j]+w {
			l.Attempts++
			l.LastAttempt = wallTime(te)
		}
	}
}

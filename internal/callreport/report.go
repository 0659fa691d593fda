package callreport

import (
	"slices"
	"sync"
	"time"
)

// Report is every figure of the call reports over some of the calls.
type Report struct {
	// Calls are the calls reported, by start (calls without a time last).
	Calls   []int
	Summary Summary
	// Unreturned has one line per person with a missed call not returned, newest
	// last missed call first.
	Unreturned []Caller
	// Extensions has one line per extension with any figure, by number (see
	// SortExtensions for other orders).
	Extensions []Extension
	// Days runs from the first call's date to the last one's, quiet days included.
	Days []Day
	// Hours is by hour of day (PBX time); WeekHours by weekday (time.Weekday, Sunday
	// = 0) and hour.
	Hours     [24]Tally
	WeekHours [7][24]Tally
}

// Report computes the figures over the calls that have a leg among rows (the rows a
// filter or a search left, in any order); nil rows means every call. A call is
// reported whole: all its legs count, also those the filter left out, so that a call
// answered by a colleague never looks missed. Call-backs are looked for among all
// calls of the table, so a filter never makes a returned call look unreturned.
func (c *Calls) Report(rows []int) *Report {
	rep := &Report{Calls: c.selected(rows)}
	s := &rep.Summary
	s.End = wallTime(c.end)
	var firstDay int64
	if n := len(rep.Calls); n > 0 && c.start[rep.Calls[0]] != noTime { // by start, untimed last
		s.First = wallTime(c.start[rep.Calls[0]])
		for k := n - 1; k >= 0; k-- {
			if st := c.start[rep.Calls[k]]; st != noTime {
				s.Last = wallTime(st)
				break
			}
		}
		firstDay = dayOf(c.start[rep.Calls[0]])
		lastDay := dayOf(s.Last.Unix())
		rep.Days = make([]Day, lastDay-firstDay+1)
		for k := range rep.Days {
			rep.Days[k].Date = wallTime((firstDay + int64(k)) * 86400)
		}
	}
	var wg sync.WaitGroup // three independent passes over the calls, on every CPU
	wg.Go(func() { rep.Unreturned = c.unreturned(rep.Calls) })
	wg.Go(func() { rep.Extensions = c.extensions(rep.Calls) })
	c.tally(rep, firstDay)
	wg.Wait()
	return rep
}

// tally adds every reported call to the summary, its day and its hours. A call is
// added once, to the tally of its date and hour; days, hours of the day, weekday
// hours and the summary are then sums of those cells (a few thousand, not a call
// each). The calls are tallied in parts on every CPU, cut between days, so that each
// part has cells of its own.
func (c *Calls) tally(rep *Report, firstDay int64) {
	calls := rep.Calls
	cells := make([]Tally, len(rep.Days)*24)
	cuts := c.split.cuts(len(calls))
	sameDay := func(k int) bool { // calls k-1 and k fill cells of the same day
		a, b := c.start[calls[k-1]], c.start[calls[k]]
		return a != noTime && b != noTime && dayOf(a) == dayOf(b)
	}
	for p := 1; p < len(cuts)-1; p++ {
		cuts[p] = max(cuts[p], cuts[p-1])
		for cuts[p] < len(calls) && sameDay(cuts[p]) {
			cuts[p]++
		}
	}
	parts := make([]Summary, len(cuts)-1) // each part's calls without a time, and counts
	runCuts(cuts, func(p, lo, hi int) { c.tallyPart(calls[lo:hi], cells, firstDay, &parts[p]) })
	s := &rep.Summary
	for p := range parts {
		s.addCounts(&parts[p])
	}
	for k := range cells {
		cell := &cells[k]
		if cell.All.Calls == 0 {
			continue
		}
		d, h := k/24, k%24
		rep.Days[d].Tally.merge(cell)
		rep.Hours[h].merge(cell)
		rep.WeekHours[rep.Days[d].Date.Weekday()][h].merge(cell)
		s.Tally.merge(cell)
	}
}

// tallyPart adds calls (in time order) to the cells of their date and hour, and to
// s: those without a time, and the summary's own counts of all.
func (c *Calls) tallyPart(calls []int, cells []Tally, firstDay int64, s *Summary) {
	hours := c.settings.BusinessHours
	open, closing := int32(hours.Open/time.Second), int32(hours.Close/time.Second) // as BusinessHours.in
	// The calls come in time order: their day is worked out when it changes.
	dayStart, dayEnd, workday, dayCells := int64(0), int64(0), false, []Tally(nil)
	for _, i32 := range calls {
		i := int32(i32)
		st := c.start[i]
		if st == noTime {
			f := figuresOf(c, i, false, false)
			s.add(&f)
			s.count(c, i)
			continue
		}
		if st < dayStart || st >= dayEnd {
			day := dayOf(st)
			dayStart, dayEnd = day*86400, day*86400+86400
			workday, dayCells = hours.Days[weekdayOfDay(day)], cells[(day-firstDay)*24:][:24]
		}
		sod := int32(st - dayStart)
		f := figuresOf(c, i, true, workday && sod >= open && sod < closing)
		dayCells[sod/3600].add(&f)
		s.count(c, i)
	}
}

// addCounts adds the figures of o that tallyPart sets.
func (s *Summary) addCounts(o *Summary) {
	s.Tally.merge(&o.Tally)
	s.Internal += o.Internal
	s.Other += o.Other
	s.Legs += o.Legs
	s.Returned += o.Returned
	s.Tried += o.Tried
	s.Short += o.Short
	s.Open += o.Open
	s.Untimed += o.Untimed
}

// count adds call i to the summary's own figures.
func (s *Summary) count(c *Calls, i int32) {
	switch c.kind[i] & kindMask {
	case kindInternal:
		s.Internal++
	case kindOther, kindTransfer:
		s.Other++
	}
	s.Legs += int(c.legStart[i+1] - c.legStart[i])
	st := c.state[i]
	if st&returnedBit != 0 {
		s.Returned++
	}
	if st&triedBit != 0 {
		s.Tried++
	}
	if st&shortBit != 0 {
		s.Short++
	}
	if st&openBit != 0 {
		s.Open++
	}
	if c.start[i] == noTime {
		s.Untimed++
	}
}

// selected returns the calls with a leg among rows (all when rows is nil), by start.
func (c *Calls) selected(rows []int) []int {
	if rows == nil {
		out := make([]int, len(c.byTime))
		for k, i := range c.byTime {
			out[k] = int(i)
		}
		return out
	}
	out := make([]int, 0, min(len(rows), len(c.byTime))) // a call has a leg among rows
	marked := make([]bool, len(c.start))
	for _, r := range rows {
		marked[c.callOf[r]] = true
	}
	for _, i := range c.byTime {
		if marked[i] {
			out = append(out, int(i))
		}
	}
	return out
}

func sortInts(s []int) { slices.Sort(s) }

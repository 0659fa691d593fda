package callreport

import "slices"

// callbackEvents are the calls that matter for call-backs (missed calls, answered
// calls with a person, unanswered outbound calls) of the people with a missed call,
// those with an external number and a time, ordered by number, then time: the calls
// with one person are a run, and the runs number the people. People without a
// missed call have no call-back to find and no line among the unreturned, so their
// calls (most of a year's) are left out of the sort.
type callbackEvents struct {
	call     []int32 // call indexes
	runStart []int32 // person p's calls are call[runStart[p]:runStart[p+1]]
	person   []int32 // per call: its person, or -1 when it is no event
	kind     []uint8 // per call: its event kind (eventKind), worked out once
}

// run returns person p's calls, in time order.
func (ev *callbackEvents) run(p int32) []int32 { return ev.call[ev.runStart[p]:ev.runStart[p+1]] }

// event kinds of a call, for the sweep.
const (
	evNone uint8 = iota
	evMissed
	evReturn // an answered inbound call from the person or outbound call to them
	evTry    // an unanswered outbound call to the person
)

func (c *Calls) eventKind(i int32) uint8 {
	if c.number[i] == 0 || c.start[i] == noTime {
		return evNone
	}
	kind, answered := c.kind[i]&kindMask, c.kind[i]&answeredBit != 0
	switch {
	case c.state[i]&missedBit != 0:
		return evMissed
	case answered && (kind == kindInbound || kind == kindOutbound):
		return evReturn
	case kind == kindOutbound:
		return evTry
	}
	return evNone
}

// findCallbacks orders the events and sets each missed call's call-back state. The
// passes over every call run in parts on every CPU; the sort and the cutting into
// runs, over the events of people with a missed call only, in one.
func findCallbacks(c *Calls) callbackEvents {
	cuts := c.split.cuts(len(c.start))
	filters := make([]numberFilter, len(cuts)-1) // the numbers of the people with a missed call, and a few others
	runCuts(cuts, func(p, lo, hi int) {
		for i := lo; i < hi; i++ {
			if c.state[i]&missedBit != 0 && c.number[i] != 0 && c.start[i] != noTime {
				filters[p].add(c.number[i])
			}
		}
	})
	missedBy := &filters[0]
	for p := 1; p < len(filters); p++ {
		missedBy.or(&filters[p])
	}
	ev := callbackEvents{kind: make([]uint8, len(c.start)), person: make([]int32, len(c.start))}
	partCalls, partKeys := make([][]int32, len(cuts)-1), make([][]uint64, len(cuts)-1)
	runCuts(cuts, func(p, lo, hi int) { // parts of the time order, joined in order below
		for _, i := range c.byTime[lo:hi] {
			k := c.eventKind(i)
			ev.kind[i], ev.person[i] = k, -1
			if k != evNone && missedBy.mayHave(c.number[i]) {
				partCalls[p], partKeys[p] = append(partCalls[p], i), append(partKeys[p], c.number[i])
			}
		}
	})
	calls, keys := slices.Concat(partCalls...), slices.Concat(partKeys...)
	sortByKey(keys, calls) // stable: time order within a person
	ev.call = calls[:0]    // the runs with a missed call, moved down in place
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi] == keys[lo] {
			hi++
		}
		run := calls[lo:hi]
		lo = hi
		if !slices.ContainsFunc(run, func(i int32) bool { return ev.kind[i] == evMissed }) {
			continue // let through by the filter: nobody missed
		}
		person := int32(len(ev.runStart))
		ev.runStart = append(ev.runStart, int32(len(ev.call)))
		for _, i := range run {
			ev.person[i] = person
		}
		ev.call = append(ev.call, run...)
	}
	ev.runStart = append(ev.runStart, int32(len(ev.call)))
	// People are independent: their runs are swept on every CPU, each call written
	// by the one part that holds its person.
	c.split.runRuns(ev.runStart, func(lo, hi int) {
		var sw sweep
		for p := lo; p < hi; p++ {
			sw.run(c, &ev, ev.run(int32(p)))
		}
	})
	w := c.settings.windowSeconds()
	runCuts(cuts, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			if s := c.state[i]; s&(missedBit|returnedBit) == missedBit && c.start[i] != noTime && c.start[i]+w > c.end {
				c.state[i] |= openBit
			}
		}
	})
	return ev
}

// sweep finds, for each missed call of one person's run (in time order), the first
// call-back and the first try after it, in time linear in the run.
type sweep struct {
	t                 []int64
	blockEnd, nextRet []int32
	nextTry           []int32
}

func (sw *sweep) run(c *Calls, ev *callbackEvents, run []int32) {
	n := len(run)
	if n < 2 { // a call alone has no call-back
		return
	}
	w := c.settings.windowSeconds()
	hasMissed := false
	sw.t = sw.t[:0]
	for _, i := range run {
		sw.t = append(sw.t, c.start[i])
		hasMissed = hasMissed || c.state[i]&missedBit != 0
	}
	if !hasMissed {
		return
	}
	sw.blockEnd = resize(sw.blockEnd, n)
	sw.nextRet = resize(sw.nextRet, n+1)
	sw.nextTry = resize(sw.nextTry, n+1)
	sw.nextRet[n], sw.nextTry[n] = int32(n), int32(n)
	for p := n - 1; p >= 0; p-- {
		// blockEnd: the first place after p whose time is later than p's ("after t").
		if p+1 < n && sw.t[p+1] == sw.t[p] {
			sw.blockEnd[p] = sw.blockEnd[p+1]
		} else {
			sw.blockEnd[p] = int32(p + 1)
		}
		sw.nextRet[p], sw.nextTry[p] = sw.nextRet[p+1], sw.nextTry[p+1]
		switch ev.kind[run[p]] {
		case evReturn:
			sw.nextRet[p] = int32(p)
		case evTry:
			sw.nextTry[p] = int32(p)
		}
	}
	for p, i := range run {
		if c.state[i]&missedBit == 0 {
			continue
		}
		limit := sw.t[p] + w
		b := sw.blockEnd[p]
		switch {
		case sw.nextRet[b] < int32(n) && sw.t[sw.nextRet[b]] <= limit:
			c.state[i] |= returnedBit
		case sw.nextTry[b] < int32(n) && sw.t[sw.nextTry[b]] <= limit:
			c.state[i] |= triedBit
		}
	}
}

func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// numberFilter holds a set of number keys as bits of their hashes: a key it does not
// have is certainly not in the set, one it has is in it or shares a hash with one
// that is (a few percent of the others, for tens of thousands of keys). It answers a
// million lookups from 128 KiB, where a map would take several times as long.
type numberFilter [1 << 14]uint64 // 2^20 bits

func numberHash(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 44 } // top 20 bits

func (f *numberFilter) add(k uint64) { h := numberHash(k); f[h>>6] |= 1 << (h & 63) }

func (f *numberFilter) mayHave(k uint64) bool { h := numberHash(k); return f[h>>6]&(1<<(h&63)) != 0 }

// or adds the keys of g.
func (f *numberFilter) or(g *numberFilter) {
	for i := range f {
		f[i] |= g[i]
	}
}

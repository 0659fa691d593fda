package callreport

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"time"

	"cdrdesk/cdrclient"
)

// Input is what Fold reads.
type Input struct {
	// Table is the downloaded records, closed and not changed afterwards.
	Table *cdrclient.Table
	// Names maps extension numbers to display names (the PBX's extension list); it
	// decides which numbers are extensions in the per-extension figures. When it is
	// empty, every number that an inbound, internal or transfer leg rings, or that
	// places an outbound or internal leg, counts as an extension.
	Names map[string]string
	// Settings; the zero value is not valid: start from DefaultSettings.
	Settings Settings
	// End is the end of the range the table was downloaded for, as a PBX wall-clock
	// time (only its date and clock are read). Call-backs after it are not seen; the
	// zero value means the latest call's start.
	End time.Time

	split splitter // how work is cut into concurrent parts; tests make parts small
}

// Call-back states and other per-call bits (Calls.state).
const (
	missedBit   uint8 = 1 << iota // an inbound call no leg answered, not ignored as short
	shortBit                      // unanswered and shorter than Settings.IgnoreShorter
	returnedBit                   // missed, then an answered call with the same person in the window
	triedBit                      // missed, not returned, an unanswered outbound call to the person in the window
	openBit                       // missed, not returned, and the window reaches past End
)

// formShift places the number's numberForm in Calls.state, above the bits before.
const formShift = 5

// Calls are the calls of a table: its legs folded by callid, with what every report
// needs of each call, and each missed call's call-back state (looked for among all
// calls of the table). Reports over any subset of rows are made from it (Report).
// A Calls is read-only and safe for concurrent use.
type Calls struct {
	t        *cdrclient.Table
	col      columns // the table's columns, looked up once
	split    splitter
	settings Settings
	end      int64 // wall-clock seconds; call-backs after it are not seen

	// Per call, in callid order.
	start    []int64  // earliest timestart, or noTime
	first    []int32  // row of the earliest leg
	legStart []int32  // the call's legs are legs[legStart[i]:legStart[i+1]]
	kind     []uint8  // kind of the earliest leg | answeredBit when any leg answered
	state    []uint8  // missedBit, shortBit, returnedBit, triedBit, openBit
	talk     []uint32 // sum of the legs' talkduraction
	number   []uint64 // external number key, 0 for none
	byTime   []int32  // call indexes by start (no time last), then callid

	// Per leg, grouped by call, in table order within a call.
	legRow   []int32
	legFlags []uint8  // kind | answeredBit
	legTalk  []uint32 // talkduraction, 0 when not a number
	legFrom  []int32  // extension placing the leg, or -1
	legTo    []int32  // extension the leg rings, or -1

	callOf  []int32 // call of each row
	numbers dictionary
	exts    extensionSet
	events  callbackEvents
}

// Fold reads every record of in.Table once and folds its legs into calls; a report
// over any rows is then Calls.Report. A settings error is a *cdrclient.InputError;
// ctx cancels it between passes.
func Fold(ctx context.Context, in Input) (*Calls, error) {
	if err := in.Settings.Validate(); err != nil {
		return nil, err
	}
	t, s := in.Table, in.Settings
	if in.split == (splitter{}) {
		in.split = defaultSplitter()
	}
	d := readRows(t, s, in.split)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := &Calls{t: t, col: columnsOf(t), split: in.split, settings: s}
	var callIDs, extDict dictionary
	c.exts = newExtensionSet(in.Names, &extDict)
	c.numberRareRows(d, &callIDs, &extDict)
	order := groupByCall(d.callKey)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.fold(d, order)
	var wg sync.WaitGroup // the legs' extensions and the call-backs are independent
	wg.Go(func() { c.exts.indexLegs(c, d, order, &extDict) })
	c.byTime = timeOrder(c.start)
	c.end = c.rangeEnd(in.End)
	c.events = findCallbacks(c)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// numberRareRows gives dictionary keys to the rows whose callid, number or extension
// does not pack: a pass over those rows alone, one goroutine, so numbering is
// deterministic.
func (c *Calls) numberRareRows(d *rowData, callIDs, exts *dictionary) {
	col := c.col
	var buf, key []byte
	field := func(r, col int) []byte {
		buf = c.t.AppendField(buf[:0], r, col)
		return trim(buf)
	}
	for r, f := range d.flags {
		if f&dictBitRow == 0 {
			continue
		}
		if d.callKey[r] == dictBit {
			d.callKey[r] = callIDs.key(field(r, col.callID))
		}
		kind := f & kindMask
		if d.number[r] == dictBit {
			side := col.from
			if kind == kindOutbound {
				side = col.to
			}
			key = appendNumberKey(key[:0], field(r, side), c.settings.CountryCode)
			d.number[r] = c.numbers.key(key)
		}
		if d.fromExt[r] == dictBit {
			d.fromExt[r] = exts.key(field(r, col.from))
		}
		if d.toExt[r] == dictBit {
			d.toExt[r] = exts.key(field(r, col.to))
		}
	}
}

// groupByCall returns the rows ordered by callid key, table order within a key.
func groupByCall(callKey []uint64) []int32 {
	order := make([]int32, len(callKey))
	for i := range order {
		order[i] = int32(i)
	}
	if sorted(callKey) { // a PBX writes calls in time order, and callids follow time
		return order
	}
	keys := slices.Clone(callKey)
	sortByKey(keys, order)
	return order
}

// fold makes the calls from the rows in callid order, in parts on every CPU: each
// part takes the calls that begin in it, counted first so that the per-call arrays
// are allocated once, exactly, and each part writes its own stretch of them.
func (c *Calls) fold(d *rowData, order []int32) {
	n := len(order)
	c.legRow, c.legFlags, c.legTalk = order, make([]uint8, n), make([]uint32, n)
	c.callOf = make([]int32, n)
	begins := func(k int) bool { return k == 0 || d.callKey[order[k]] != d.callKey[order[k-1]] }
	cuts := c.split.cuts(n)
	for p := 1; p < len(cuts)-1; p++ { // each cut moved to the beginning of a call
		cuts[p] = max(cuts[p], cuts[p-1])
		for cuts[p] < n && !begins(cuts[p]) {
			cuts[p]++
		}
	}
	firstCall := make([]int, len(cuts)) // of each part, then the number of calls
	runCuts(cuts, func(p, lo, hi int) {
		for k := lo; k < hi; k++ {
			if begins(k) {
				firstCall[p+1]++
			}
		}
	})
	for p := 1; p < len(firstCall); p++ {
		firstCall[p] += firstCall[p-1]
	}
	calls := firstCall[len(firstCall)-1]
	c.start, c.first, c.legStart = make([]int64, calls), make([]int32, calls), make([]int32, calls+1)
	c.kind, c.state, c.talk, c.number = make([]uint8, calls), make([]uint8, calls), make([]uint32, calls), make([]uint64, calls)
	runCuts(cuts, func(p, lo, hi int) { c.foldPart(d, lo, hi, firstCall[p]) })
	c.legStart[calls] = int32(n)
}

// foldPart makes the calls whose legs begin at lo, before hi, numbering them from call.
func (c *Calls) foldPart(d *rowData, lo, hi, call int) {
	order := c.legRow
	for i := lo; i < hi; call++ {
		j := i + 1
		for j < len(order) && d.callKey[order[j]] == d.callKey[order[i]] {
			j++
		}
		earliest := order[i]
		answered := false
		var talk uint32
		for k := i; k < j; k++ {
			r := order[k]
			if s := d.start[r]; s != noTime && (d.start[earliest] == noTime || s < d.start[earliest]) {
				earliest = r
			}
			f := d.flags[r]
			answered = answered || f&answeredBit != 0
			c.legFlags[k] = f &^ rowOnly
			c.legTalk[k] = d.talk[r]
			talk += d.talk[r]
			c.callOf[r] = int32(call)
		}
		kind := d.flags[earliest] & kindMask
		var state uint8
		if !answered {
			if d.flags[earliest]&shortRow != 0 {
				state = shortBit
			} else if kind == kindInbound {
				state = missedBit
			}
		}
		if answered {
			kind |= answeredBit
		}
		state |= d.flags[earliest] >> 6 << formShift // numberForm
		c.start[call], c.first[call], c.legStart[call] = d.start[earliest], earliest, int32(i)
		c.kind[call], c.state[call], c.talk[call], c.number[call] = kind, state, talk, d.number[earliest]
		i = j
	}
}

// timeOrder returns the call indexes ordered by start, calls without a time last.
func timeOrder(start []int64) []int32 {
	order := make([]int32, len(start))
	for i := range order {
		order[i] = int32(i)
	}
	key := func(s int64) uint64 {
		if s == noTime {
			return ^uint64(0)
		}
		return uint64(s) ^ 1<<63 // signed order
	}
	inOrder := true // as calls usually are: a PBX writes callids in time order
	for i := 1; i < len(start) && inOrder; i++ {
		inOrder = key(start[i-1]) <= key(start[i])
	}
	if !inOrder {
		keys := make([]uint64, len(start))
		for i, s := range start {
			keys[i] = key(s)
		}
		sortByKey(keys, order)
	}
	return order
}

// rangeEnd is End in wall-clock seconds, or the latest start when End is zero.
func (c *Calls) rangeEnd(end time.Time) int64 {
	if !end.IsZero() {
		y, m, d := end.Date()
		h, mi, s := end.Clock()
		return daysFromCivil(int64(y), int64(m), int64(d))*86400 + int64(h*3600+mi*60+s)
	}
	for i := len(c.byTime) - 1; i >= 0; i-- {
		if s := c.start[c.byTime[i]]; s != noTime {
			return s
		}
	}
	return noTime
}

// trim removes surrounding white space as bytes.TrimSpace does, which it calls only
// when an end is not a printable ASCII byte: most values have nothing to trim.
func trim(b []byte) []byte {
	if len(b) == 0 || b[0]-'!' < 0x80-'!' && b[len(b)-1]-'!' < 0x80-'!' {
		return b
	}
	return bytes.TrimSpace(b)
}

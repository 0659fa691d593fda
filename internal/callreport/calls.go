package callreport

import (
	"time"

	"cdrdesk/cdrclient"
)

// Direction is a call's type as the reports group it: the type of its earliest leg.
type Direction uint8

// Directions. Other is Transfer, Callback or a type the PBX added.
const (
	Other Direction = iota
	Inbound
	Outbound
	Internal
)

// Callback is what became of a missed call.
type Callback uint8

// Call-back states. A tried call is also not returned: nobody reached the caller.
const (
	NotMissed   Callback = iota // answered, outbound, internal, or ignored as short
	Returned                    // an answered call with the same person within the window
	Tried                       // not returned, but an outbound call to the person went unanswered
	NotReturned                 // not returned, and nobody tried
)

// Call is one call, read from Calls.
type Call struct {
	Start       time.Time // earliest timestart of its legs; zero when none is a time
	Type        string    // the earliest leg's type as written
	Direction   Direction
	Answered    bool // some leg ANSWERED
	Missed      bool // inbound, no leg answered, not shorter than IgnoreShorter
	Callback    Callback
	Open        bool  // missed, not returned, and its call-back window ends after the range
	TalkSeconds int64 // sum of the legs' talkduraction
	// Number is the external number as the PBX wrote it (inbound: callfrom of the
	// earliest leg, outbound: callto); NumberKey its comparison form. "" for others.
	Number, NumberKey string
	InHours           bool
	Legs              int
}

// Len returns the number of calls.
func (c *Calls) Len() int { return len(c.start) }

// Legs returns the number of records (legs) of all calls.
func (c *Calls) Legs() int { return len(c.legRow) }

// Table returns the table the calls were folded from.
func (c *Calls) Table() *cdrclient.Table { return c.t }

// Settings returns the settings the calls were folded with.
func (c *Calls) Settings() Settings { return c.settings }

// End returns the end of the range: call-backs after it are not seen.
func (c *Calls) End() time.Time { return wallTime(c.end) }

// CallOf returns the call that table row r is a leg of.
func (c *Calls) CallOf(r int) int { return int(c.callOf[r]) }

// Rows returns the table rows of call i's legs, in table order.
func (c *Calls) Rows(i int) []int {
	legs := c.legRow[c.legStart[i]:c.legStart[i+1]]
	rows := make([]int, len(legs))
	for k, r := range legs {
		rows[k] = int(r)
	}
	return rows
}

// RowsOf returns the table rows of the legs of the given calls, in table order: what
// the grid shows for "those calls".
func (c *Calls) RowsOf(calls []int) []int {
	var rows []int
	for _, i := range calls {
		for _, r := range c.legRow[c.legStart[i]:c.legStart[i+1]] {
			rows = append(rows, int(r))
		}
	}
	sortInts(rows)
	return rows
}

// Call returns call i (0 <= i < Len()).
func (c *Calls) Call(i int) Call {
	kind := c.kind[i]
	out := Call{
		Start:       wallTime(c.start[i]),
		Type:        c.t.Field(int(c.first[i]), c.col.kind),
		Direction:   directionOf(kind & kindMask),
		Answered:    kind&answeredBit != 0,
		Missed:      c.state[i]&missedBit != 0,
		Callback:    c.callback(i),
		Open:        c.state[i]&openBit != 0,
		TalkSeconds: int64(c.talk[i]),
		Legs:        int(c.legStart[i+1] - c.legStart[i]),
	}
	if c.number[i] != 0 {
		out.Number = c.numberAsWritten(i)
		out.NumberKey = c.numbers.text(c.number[i])
	}
	if s := c.start[i]; s != noTime {
		out.InHours = c.settings.BusinessHours.in(weekdayOf(s), secondOfDay(s))
	}
	return out
}

// numberAsWritten reads call i's external number from its earliest leg, or writes it
// from its key when its numberForm says how.
func (c *Calls) numberAsWritten(i int) string {
	if form := numberForm(c.state[i] >> formShift); form != formOther {
		var buf [32]byte // a prefix and 17 digits at most
		return string(form.appendNumber(buf[:0], c.number[i], c.settings.CountryCode))
	}
	col := c.col.from
	if c.kind[i]&kindMask == kindOutbound {
		col = c.col.to
	}
	return c.t.Field(int(c.first[i]), col)
}

func (c *Calls) callback(i int) Callback {
	switch s := c.state[i]; {
	case s&missedBit == 0:
		return NotMissed
	case s&returnedBit != 0:
		return Returned
	case s&triedBit != 0:
		return Tried
	}
	return NotReturned
}

func directionOf(kind uint8) Direction {
	switch kind {
	case kindInbound:
		return Inbound
	case kindOutbound:
		return Outbound
	case kindInternal:
		return Internal
	}
	return Other
}

package pbxsim

import "math/rand/v2"

// Missed calls and their call-backs. Some missed inbound calls from customers
// are followed by the office calling back, sometimes the next day, so one
// episode spans days. Each day's episodes are drawn from their own stream,
// seeded by (seed, day) and independent of the day's other calls; generating
// a day draws the episodes of the days before it that can still reach it.
// That is a few dozen draws, so any window still yields the same rows without
// generating earlier days.

// fate is what becomes of a missed call (shares in pickFate).
type fate uint8

const (
	fateReturned      fate = iota // called back within 24 h, answered
	fateTried                     // called back within 24 h, never answered
	fateTriedThenLate             // tried within 24 h, answered after more than 24 h
	fateLate                      // first called back after more than 24 h, answered
	fateCallsAgain                // the customer calls again within 24 h and is answered
)

// followUpKind is one call of an episode.
type followUpKind uint8

const (
	followMissed     followUpKind = iota // the missed inbound call
	followAnswered                       // an answered call-back
	followUnanswered                     // a call-back nobody answered
	followCallsAgain                     // the customer's answered inbound call
)

// followUp is a call of an episode that falls on the day being generated.
type followUp struct {
	kind     followUpKind
	customer int
	group    int // hunt group the missed call rang, or -1 for the reception
	ext      int // extension that calls back
}

// Bounds of the delays, in wall-clock seconds: "within 24 h" call-backs stay
// under 22 h and late ones over 26 h, so daylight-saving days (23 h or 25 h
// wall days) never move one across the 24 h line.
const (
	withinMax    = 22 * 3600
	lateMin      = 26 * 3600
	lateSpread   = 30 * 3600
	followUpDays = 3 // a late call-back lands at most this many days later
	// episodeShare of inbound calls are customers' missed calls that get a
	// follow-up; the ordinary missed calls come on top, and nobody returns
	// most of them, as in real offices.
	episodeShare  = 0.08
	episodeStream = 0x5851F42D4C957F2D // keeps the episodes' stream apart from the day's
)

// planFollowUps appends to g.plan and g.follow the episode calls of day:
// missed calls of today's episodes and call-backs of the last days' episodes
// that fall today.
func (g *generator) planFollowUps(day int64) {
	g.follow = g.follow[:0]
	for from := day - followUpDays; from <= day; from++ {
		g.episodes(from, day)
	}
}

// episodes draws the episodes of day from and plans those of their calls that
// fall on day.
func (g *generator) episodes(from, day int64) {
	g.epPCG.Seed(g.seed^episodeStream, uint64(from)*0x9E3779B97F4A7C15+0x2545F4914F6CDD1D)
	rng := g.epRng
	count := g.meanCalls(from) * inboundShare * episodeShare
	n := int(count*(0.8+0.4*rng.Float64()) + rng.Float64()) // random rounding keeps the mean
	for range n {
		hour := pickWeighted(rng, hourWeights, hourWeightTotal, func(w int) int { return w })
		missed := from*secondsPerDay + int64(hour*3600+rng.IntN(3600))
		e := followUp{customer: g.pickCustomer(rng), group: -1, ext: receptionIndex}
		if rng.IntN(100) < 45 {
			e.group = pickWeighted(rng, huntGroups, huntGroupTotal, func(h huntGroup) int { return h.weight })
			m := huntGroups[e.group].members
			e.ext = m[rng.IntN(len(m))]
		}
		g.plan1(day, missed, e, followMissed)
		switch f := pickFate(rng); f {
		case fateReturned:
			g.plan1(day, missed+withinDelay(rng, missed), e, followAnswered)
		case fateCallsAgain:
			g.plan1(day, missed+withinDelay(rng, missed), e, followCallsAgain)
		case fateTried, fateTriedThenLate:
			first := withinDelay(rng, missed)
			g.plan1(day, missed+first, e, followUnanswered)
			if f == fateTried && rng.IntN(2) == 0 {
				second := min(first+int64(1800+rng.IntN(3*3600)), withinMax)
				g.plan1(day, missed+second, e, followUnanswered)
			}
			if f == fateTriedThenLate {
				g.plan1(day, lateTime(rng, missed), e, followAnswered)
			}
		case fateLate:
			g.plan1(day, lateTime(rng, missed), e, followAnswered)
		}
	}
}

// plan1 plans follow-up e of kind at wall second at, if it falls on day.
func (g *generator) plan1(day, at int64, e followUp, kind followUpKind) {
	if wallTime(at).day() != day {
		return
	}
	e.kind = kind
	g.follow = append(g.follow, e)
	g.plan = append(g.plan, (at-day*secondsPerDay)<<32|int64(len(g.follow)))
}

// pickFate: of the missed calls that get any answer, most are called back
// the same day; some only reach voicemail or nobody; some wait for the next
// working day. Assumed shares, not measured.
func pickFate(rng *rand.Rand) fate {
	switch n := rng.IntN(100); {
	case n < 40:
		return fateReturned
	case n < 55:
		return fateTried
	case n < 65:
		return fateTriedThenLate
	case n < 85:
		return fateLate
	default:
		return fateCallsAgain
	}
}

// withinDelay draws how long after a missed call at wall second missed the
// office calls back within 24 h: usually within an hour or two; one that
// would fall at night waits for the next morning if that is still in time.
func withinDelay(rng *rand.Rand, missed int64) int64 {
	d := min(int64(600+rng.ExpFloat64()*90*60), withinMax)
	if m := nextMorning(rng, missed+d) - missed; m <= withinMax {
		d = m
	}
	return d
}

// lateTime draws a call-back more than 24 h after missed, in working hours.
func lateTime(rng *rand.Rand, missed int64) int64 {
	return nextMorning(rng, missed+lateMin+rng.Int64N(lateSpread))
}

// nextMorning returns at if it is in the day (08:00–19:59); otherwise a
// time between 08:30 and 10:00 of the next morning.
func nextMorning(rng *rand.Rand, at int64) int64 {
	day := wallTime(at).day()
	switch hour := (at - day*secondsPerDay) / 3600; {
	case hour >= 8 && hour < 20:
		return at
	case hour >= 20:
		day++
	}
	return day*secondsPerDay + int64(8*3600+1800+rng.IntN(90*60))
}

// appendFollowUp appends the rows of follow-up e starting at r.
func (g *generator) appendFollowUp(rows []row, r row, e *followUp) []row {
	rng := g.rng
	switch e.kind {
	case followMissed:
		g.inboundCaller(&r, e.customer)
		if e.group >= 0 {
			return g.appendGroupCall(rows, r, &huntGroups[e.group], true)
		}
		r.kind, r.to = "Inbound", extensionParty(receptionIndex)
		g.finish(&r, missedOutcomes, 0)
		return append(rows, r)
	case followCallsAgain:
		g.inboundCaller(&r, e.customer)
		r.kind, r.to = "Inbound", extensionParty(receptionIndex)
		g.finishAs(&r, "ANSWERED", 150)
		rows = append(rows, r)
		return g.maybeTransfer(rows, len(rows)-1)
	default:
		r.kind = "Outbound"
		r.from = extensionParty(e.ext)
		r.to = g.customerParty(e.customer, dialledForm(rng))
		r.dstTrunk = pickTrunk(rng).csv
		if e.kind == followAnswered {
			g.finishAs(&r, "ANSWERED", 180)
		} else {
			g.finish(&r, unansweredOutcomes, 0)
		}
		return append(rows, r)
	}
}

var (
	// missedOutcomes end a missed call to the reception.
	missedOutcomes = []outcome{{"NO ANSWER", 70}, {"VOICEMAIL", 20}, {"BUSY", 10}}
	// unansweredOutcomes end a call-back that did not reach the customer.
	unansweredOutcomes = []outcome{{"NO ANSWER", 75}, {"BUSY", 20}, {"FAILED", 5}}
)

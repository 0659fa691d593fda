package pbxsim

import (
	"math/rand/v2"
	"slices"
	"time"
)

// row is one CSV row of the generated call history.
type row struct {
	start     wallTime // timestart (PBX wall clock)
	unix      int64    // callid seconds (UTC)
	seq       int32    // callid sequence
	from, to  party
	callDur   int32
	talkDur   int32
	srcTrunk  string // CSV-ready trunk name or ""
	dstTrunk  string
	status    string
	kind      string // the type column
	pin       string
	did       string
	recording bool
	recName   string // the recording's name when Recordings.Names renames it, else ""
}

// hourWeights shape a working day: quiet nights, a morning peak, a lunch
// dip and an afternoon peak.
var hourWeights = []int{1, 1, 1, 1, 1, 2, 4, 12, 40, 70, 80, 75, 45, 50, 75, 80, 75, 60, 30, 15, 10, 6, 4, 2}

var hourWeightTotal = sumWeights(hourWeights, func(w int) int { return w })

// outcome is a status with its weight for one call type.
type outcome struct {
	status string
	weight int
}

var (
	inboundOutcomes  = []outcome{{"ANSWERED", 78}, {"NO ANSWER", 11}, {"BUSY", 3}, {"VOICEMAIL", 6}, {"FAILED", 2}}
	outboundOutcomes = []outcome{{"ANSWERED", 65}, {"NO ANSWER", 20}, {"BUSY", 8}, {"FAILED", 7}}
	internalOutcomes = []outcome{{"ANSWERED", 75}, {"NO ANSWER", 15}, {"BUSY", 6}, {"VOICEMAIL", 4}}
)

// Shares of the calls (not rows) of a day. Assumed for a small office with a
// reception desk, sales and support ring groups and a service queue, not
// measured on a real PBX: a bit over a third of calls come in, a third go
// out, a quarter are internal.
const (
	inboundShare  = 0.38
	outboundShare = 0.35
	callbackShare = 0.01 // the PBX's Callback feature: the PBX rings the caller back
	// rowsPerCall is the mean number of rows a call writes (hunt groups write
	// 2–4, transfers 2), measured over a simulated year; CallsPerDay counts
	// rows, so a day has CallsPerDay/rowsPerCall calls.
	rowsPerCall = 1.33
	// customerShare of inbound calls come from the customer pool, and
	// customerCallShare of outbound calls go to it (see customers.go).
	customerShare     = 40
	customerCallShare = 30
)

// generator makes the calls of one PBX-local day from (seed, day) alone,
// so any window of any date always yields the same rows. It reuses its
// buffers between days; it is not safe for concurrent use.
type generator struct {
	seed   uint64
	perDay int
	loc    *time.Location
	pcg    *rand.PCG
	rng    *rand.Rand
	epPCG  *rand.PCG // the missed-call episodes' own stream (callbacks.go)
	epRng  *rand.Rand
	plan   []int64 // second of day << 32 | follow-up number (0: an ordinary call)
	follow []followUp
	rows   []row
}

func newGenerator(o *Options) *generator {
	pcg, epPCG := rand.NewPCG(0, 0), rand.NewPCG(0, 0)
	return &generator{seed: o.Seed, perDay: o.CallsPerDay, loc: o.Location,
		pcg: pcg, rng: rand.New(pcg), epPCG: epPCG, epRng: rand.New(epPCG)}
}

// day returns the rows of day (days since 1970-01-01, PBX wall clock),
// ordered by start time; the legs of a call share its start and are
// adjacent. The slice is valid until the next call.
func (g *generator) day(day int64) []row {
	g.pcg.Seed(g.seed, uint64(day)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
	rng := g.rng
	g.plan = g.plan[:0]
	for range g.callCount(day) {
		hour := pickWeighted(rng, hourWeights, hourWeightTotal, func(w int) int { return w })
		g.plan = append(g.plan, int64(hour*3600+rng.IntN(3600))<<32)
	}
	g.planFollowUps(day)
	slices.Sort(g.plan)
	clock := newDayClock(day, g.loc)
	seq := int32(100 + rng.IntN(900))
	g.rows = g.rows[:0]
	for _, p := range g.plan {
		seq += int32(1 + rng.IntN(3))
		start, unix := clock.at(int32(p >> 32))
		r := row{start: start, unix: unix, seq: seq}
		if f := int32(p); f > 0 {
			g.rows = g.appendFollowUp(g.rows, r, &g.follow[f-1])
		} else {
			g.rows = g.appendCall(g.rows, r)
		}
	}
	return g.rows
}

// meanCalls is the expected number of calls on day: weekends are quiet,
// weekdays busier, so that a week averages perDay rows a day.
func (g *generator) meanCalls(day int64) float64 {
	weekday := (day%7 + 7 + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
	mean := float64(g.perDay) / rowsPerCall * 7 / 5.7
	if weekday == 0 || weekday == 6 {
		mean *= 0.35
	}
	return mean
}

// callCount draws the day's number of ordinary calls (missed-call episodes
// come on top; rowsPerCall counts their rows too).
func (g *generator) callCount(day int64) int {
	return int(g.meanCalls(day)*(0.9+0.2*g.rng.Float64()) + 0.5)
}

// appendCall draws one call into r (start and callid set) and appends its
// rows: one, or one per leg for hunt-group and transferred calls.
func (g *generator) appendCall(rows []row, r row) []row {
	rng := g.rng
	switch n := rng.Float64(); {
	case n < inboundShare:
		return g.appendInbound(rows, r)
	case n < inboundShare+outboundShare:
		g.outbound(&r)
	case n < 1-callbackShare:
		g.internal(&r)
	default:
		g.inboundCaller(&r, -1)
		r.kind, r.to = "Callback", extensionParty(rng.IntN(len(extensions)))
		g.finish(&r, inboundOutcomes, 150)
	}
	return append(rows, r)
}

func (g *generator) outbound(r *row) {
	rng := g.rng
	r.kind = "Outbound"
	r.from = extensionParty(rng.IntN(len(extensions)))
	if rng.IntN(100) < customerCallShare {
		r.to = g.customerParty(g.pickCustomer(rng), dialledForm(rng))
	} else {
		r.to = externalParty(rng)
	}
	r.dstTrunk = pickTrunk(rng).csv
	if rng.IntN(100) < 5 {
		r.pin = pinCodes[rng.IntN(len(pinCodes))]
	}
	g.finish(r, outboundOutcomes, 180)
}

func (g *generator) internal(r *row) {
	rng := g.rng
	r.kind = "Internal"
	from := rng.IntN(len(extensions))
	r.from = extensionParty(from)
	r.to = extensionParty(g.otherExtension(from))
	g.finish(r, internalOutcomes, 60)
}

// otherExtension draws an extension other than i.
func (g *generator) otherExtension(i int) int {
	j := g.rng.IntN(len(extensions) - 1)
	if j >= i {
		j++
	}
	return j
}

// finish draws status (the outcomes' weights add up to 100), durations and
// recording.
func (g *generator) finish(r *row, outcomes []outcome, meanTalk float64) {
	g.finishAs(r, outcomes[pickWeighted(g.rng, outcomes, 100, func(o outcome) int { return o.weight })].status, meanTalk)
}

// finishAs sets status and draws durations and recording. Ringing is part of
// the call duration, so callduraction >= talkduraction, and talk is 0 unless
// someone (or the voicemail) answered.
func (g *generator) finishAs(r *row, status string, meanTalk float64) {
	rng := g.rng
	r.status = status
	switch r.status {
	case "ANSWERED":
		talk := min(int32(rng.ExpFloat64()*meanTalk)+1, 3600)
		r.talkDur, r.callDur = talk, talk+int32(1+rng.IntN(20))
		r.recording = rng.IntN(100) < 45
	case "VOICEMAIL":
		talk := int32(5 + rng.IntN(85))
		r.talkDur, r.callDur = talk, talk+int32(10+rng.IntN(16))
	case "NO ANSWER":
		r.callDur = int32(15 + rng.IntN(31))
	case "BUSY":
		r.callDur = int32(rng.IntN(7))
	default:
		r.callDur = int32(rng.IntN(4))
	}
}

// dayClock turns a second of a PBX-local day into its wall time and Unix
// time. Days without a zone transition use the day's offset directly
// (fast); others go through time.Date, which normalises skipped times.
type dayClock struct {
	y, m, d  int
	midnight wallTime
	offset   int64
	constant bool
	loc      *time.Location
}

func newDayClock(day int64, loc *time.Location) dayClock {
	y, m, d := civilFromDays(day)
	_, off0 := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc).Zone()
	_, off1 := time.Date(y, time.Month(m), d, 23, 59, 59, 0, loc).Zone()
	return dayClock{y: y, m: m, d: d, midnight: wallTime(day * secondsPerDay),
		offset: int64(off0), constant: off0 == off1, loc: loc}
}

func (c dayClock) at(sod int32) (wallTime, int64) {
	if c.constant {
		w := c.midnight + wallTime(sod)
		return w, int64(w) - c.offset
	}
	t := time.Date(c.y, time.Month(c.m), c.d, 0, 0, int(sod), 0, c.loc)
	return wallOf(t), t.Unix()
}

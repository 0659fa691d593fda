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
	inboundOutcomes  = []outcome{{"ANSWERED", 72}, {"NO ANSWER", 14}, {"BUSY", 3}, {"VOICEMAIL", 8}, {"FAILED", 3}}
	outboundOutcomes = []outcome{{"ANSWERED", 65}, {"NO ANSWER", 20}, {"BUSY", 8}, {"FAILED", 7}}
	internalOutcomes = []outcome{{"ANSWERED", 75}, {"NO ANSWER", 15}, {"BUSY", 6}, {"VOICEMAIL", 4}}
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
	sods   []int32
	rows   []row
}

func newGenerator(o *Options) *generator {
	pcg := rand.NewPCG(0, 0)
	return &generator{seed: o.Seed, perDay: o.CallsPerDay, loc: o.Location, pcg: pcg, rng: rand.New(pcg)}
}

// day returns the rows of day (days since 1970-01-01, PBX wall clock),
// ordered by start time. The slice is valid until the next call.
func (g *generator) day(day int64) []row {
	g.pcg.Seed(g.seed, uint64(day)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
	rng := g.rng
	g.sods = g.sods[:0]
	for range g.callCount(day) {
		hour := pickWeighted(rng, hourWeights, hourWeightTotal, func(w int) int { return w })
		g.sods = append(g.sods, int32(hour*3600+rng.IntN(3600)))
	}
	slices.Sort(g.sods)
	clock := newDayClock(day, g.loc)
	seq := int32(100 + rng.IntN(900))
	g.rows = g.rows[:0]
	for _, sod := range g.sods {
		seq += int32(1 + rng.IntN(3))
		start, unix := clock.at(sod)
		g.rows = g.appendCall(g.rows, row{start: start, unix: unix, seq: seq})
	}
	return g.rows
}

// callCount draws the day's number of calls: weekends are quiet, weekdays
// busier, so that a week averages perDay.
func (g *generator) callCount(day int64) int {
	weekday := (day%7 + 7 + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
	mean := float64(g.perDay) * 7 / 5.7
	if weekday == 0 || weekday == 6 {
		mean *= 0.35
	}
	return int(mean*(0.9+0.2*g.rng.Float64()) + 0.5)
}

// appendCall draws one call into r (start and callid set) and appends its
// row, or two rows for a transferred call (same callid and start).
func (g *generator) appendCall(rows []row, r row) []row {
	rng := g.rng
	switch n := rng.IntN(100); {
	case n < 38:
		g.inbound(&r)
	case n < 73:
		g.outbound(&r)
	case n < 99:
		g.internal(&r)
	default:
		g.inbound(&r)
		r.kind = "Callback"
	}
	rows = append(rows, r)
	if r.kind == "Inbound" && r.status == "ANSWERED" && r.to.ext >= 0 && rng.IntN(100) < 6 {
		t := r
		t.kind = "Transfer"
		t.from, t.to = r.to, extensionParty(g.otherExtension(int(r.to.ext)))
		t.srcTrunk, t.did = "", ""
		t.talkDur = int32(1 + rng.IntN(int(r.talkDur)+1))
		t.callDur = t.talkDur + int32(rng.IntN(15))
		rows = append(rows, t)
	}
	return rows
}

func (g *generator) inbound(r *row) {
	rng := g.rng
	r.kind = "Inbound"
	r.from = externalParty(rng)
	switch n := rng.IntN(100); {
	case n < 30:
		r.to = extensionParty(receptionIndex)
	case n < 42:
		r.to = fixedParty("6300") // ring group
	case n < 50:
		r.to = fixedParty("6500") // IVR
	default:
		r.to = extensionParty(rng.IntN(len(extensions)))
	}
	r.srcTrunk = pickTrunk(rng)
	if rng.IntN(100) < 60 {
		r.did = didNumbers[rng.IntN(len(didNumbers))]
	}
	g.finish(r, inboundOutcomes, 150)
}

func (g *generator) outbound(r *row) {
	rng := g.rng
	r.kind = "Outbound"
	r.from = extensionParty(rng.IntN(len(extensions)))
	r.to = externalParty(rng)
	r.dstTrunk = pickTrunk(rng)
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

// finish draws status, durations and recording. Ringing is part of the
// call duration, so callduraction >= talkduraction, and talk is 0 unless
// someone (or the voicemail) answered.
func (g *generator) finish(r *row, outcomes []outcome, meanTalk float64) {
	rng := g.rng
	r.status = outcomes[pickWeighted(rng, outcomes, 100, func(o outcome) int { return o.weight })].status
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

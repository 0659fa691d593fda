package pbxsim

// huntGroup is a ring group or a queue. An inbound call to it rings several
// member extensions; each ringing writes its own leg (a row with the same
// callid and timestart, callto the member), so one call is 2–4 rows, at most
// one of them ANSWERED.
type huntGroup struct {
	number  string // the group's own number (dialled internally, never in callto)
	members []int  // indexes into extensions
	queue   bool   // members rung one after another; a ring group rings them all at once
	weight  int    // share of the hunt-group calls
}

var huntGroups = []huntGroup{
	{number: "6300", members: extensionIndexes("1008", "1009", "1010", "1011", "1013"), weight: 45},                      // sales
	{number: "6301", members: extensionIndexes("1015", "1016", "1017", "1023"), weight: 30},                              // support
	{number: "6400", members: extensionIndexes("1000", "1001", "1002", "1003", "1004", "1005"), queue: true, weight: 25}, // service queue
}

var huntGroupTotal = sumWeights(huntGroups, func(h huntGroup) int { return h.weight })

// extensionIndexes resolves extension numbers at start-up.
func extensionIndexes(numbers ...string) []int {
	idx := make([]int, len(numbers))
	for i, n := range numbers {
		j, ok := extensionIndex(n)
		if !ok {
			panic("pbxsim: hunt group member " + n + " is not an extension")
		}
		idx[i] = j
	}
	return idx
}

// groupOutcome is how a hunt-group call ends.
type groupOutcome uint8

const (
	groupAnswered  groupOutcome = iota
	groupNoAnswer               // every leg NO ANSWER
	groupVoicemail              // nobody answered; the caller left a message on one leg
)

// pickGroupOutcome: about 80 % of group calls are answered (groups exist so
// that someone picks up); missed forces a call nobody answered.
func (g *generator) pickGroupOutcome(missed bool) groupOutcome {
	n := g.rng.IntN(100)
	switch {
	case missed && n < 65, !missed && n >= 80 && n < 93:
		return groupNoAnswer
	case missed, !missed && n >= 93:
		return groupVoicemail
	default:
		return groupAnswered
	}
}

// appendGroupCall appends the legs of an inbound call r (start, callid,
// caller, trunk and DID set) to hunt group grp. With missed, nobody answers.
// A ring group rings its legs together: the others stop when one answers, so
// every leg's callduraction is the ringing time, the answered one's plus its
// talk. A queue rings members in turn: leg i lasts until member i gave up,
// and only the last member rung can answer.
func (g *generator) appendGroupCall(rows []row, r row, grp *huntGroup, missed bool) []row {
	rng := g.rng
	var pick [8]int // groups have at most 8 members; an array keeps this allocation-free
	n := copy(pick[:], grp.members)
	legs := min(2+rng.IntN(3), n)
	for i := range legs { // partial Fisher–Yates: legs distinct members
		j := i + rng.IntN(n-i)
		pick[i], pick[j] = pick[j], pick[i]
	}
	outcome := g.pickGroupOutcome(missed)
	special := -1 // the answered or voicemail leg
	switch {
	case outcome == groupNoAnswer:
	case grp.queue:
		special = legs - 1
	case outcome == groupAnswered:
		special = rng.IntN(legs)
	default:
		special = 0 // the group's voicemail is the first member's box
	}
	r.kind, r.status, r.talkDur, r.recording = "Inbound", "NO ANSWER", 0, false
	var ring int32
	switch {
	case grp.queue:
	case outcome == groupAnswered:
		ring = int32(3 + rng.IntN(18))
	default:
		ring = int32(25 + rng.IntN(16)) // the ring group's timeout
	}
	first := len(rows)
	for i := range legs {
		leg := r
		leg.to = extensionParty(pick[i])
		switch {
		case !grp.queue:
		case i == special && outcome == groupAnswered:
			ring += int32(3 + rng.IntN(12))
		default:
			ring += int32(12 + rng.IntN(9)) // the queue's agent timeout
		}
		leg.callDur = ring
		if i == special {
			g.finishSpecialLeg(&leg, outcome)
		}
		rows = append(rows, leg)
	}
	if outcome == groupAnswered {
		rows = g.maybeTransfer(rows, first+special)
	}
	return rows
}

// finishSpecialLeg makes leg (its ringing time in callDur) the answered or
// the voicemail leg of a group call.
func (g *generator) finishSpecialLeg(leg *row, outcome groupOutcome) {
	rng := g.rng
	if outcome == groupAnswered {
		leg.status = "ANSWERED"
		leg.talkDur = min(int32(rng.ExpFloat64()*150)+1, 3600)
		leg.recording = rng.IntN(100) < 45
	} else {
		leg.status = "VOICEMAIL"
		leg.talkDur = int32(5 + rng.IntN(85))
		leg.callDur += int32(5 + rng.IntN(8)) // the greeting
	}
	leg.callDur += leg.talkDur
}

package pbxsim

// Where inbound calls go, in shares of inbound calls. Assumed for a small
// office, not measured: 30 % to the reception, 28 % to a ring group or queue
// (2–4 legs each), 8 % end in the IVR, the rest dialled straight to an
// extension's DID. About 5 % of inbound calls are transferred (15 % of those
// the reception answers, 4 % of the others).
const (
	toReception = 30
	toHuntGroup = 28
	toIVR       = 8

	transferByReception = 15
	transferByOthers    = 4
)

// ivrNumber is the IVR: calls that end there write one row to it.
const ivrNumber = "6500"

// appendInbound draws an inbound call into r and appends its rows.
func (g *generator) appendInbound(rows []row, r row) []row {
	rng := g.rng
	g.inboundCaller(&r, -1)
	r.kind = "Inbound"
	switch n := rng.IntN(100); {
	case n < toReception:
		r.to = extensionParty(receptionIndex)
	case n < toReception+toHuntGroup:
		grp := &huntGroups[pickWeighted(rng, huntGroups, huntGroupTotal, func(h huntGroup) int { return h.weight })]
		return g.appendGroupCall(rows, r, grp, false)
	case n < toReception+toHuntGroup+toIVR:
		r.to = fixedParty(ivrNumber)
	default:
		r.to = extensionParty(rng.IntN(len(extensions)))
	}
	g.finish(&r, inboundOutcomes, 150)
	rows = append(rows, r)
	return g.maybeTransfer(rows, len(rows)-1)
}

// inboundCaller sets the caller, trunk and DID of an inbound call: customer
// (an index into the pool), or, when negative, a pool customer for some calls
// and a one-off number for the others. The trunk decides how the caller's
// number is written.
func (g *generator) inboundCaller(r *row, customer int) {
	rng := g.rng
	tr := pickTrunk(rng)
	r.srcTrunk = tr.csv
	if customer < 0 && rng.IntN(100) < customerShare {
		customer = g.pickCustomer(rng)
	}
	if customer >= 0 {
		r.from = g.customerParty(customer, inboundForm(rng, tr.callerID))
	} else {
		r.from = externalParty(rng)
	}
	if rng.IntN(100) < 60 {
		r.did = didNumbers[rng.IntN(len(didNumbers))]
	}
}

// maybeTransfer hands some answered inbound calls on: the answered leg
// rows[i] keeps the first part of the talk (the reception asks who is wanted,
// others talk a while), and a Transfer leg from that extension to another,
// with the same callid and start, carries the rest. Talk time is split, not
// added to.
func (g *generator) maybeTransfer(rows []row, i int) []row {
	rng := g.rng
	r := &rows[i]
	if r.kind != "Inbound" || r.status != "ANSWERED" || r.to.ext < 0 || r.talkDur < 2 {
		return rows
	}
	share, byReception := transferByOthers, int(r.to.ext) == receptionIndex
	if byReception {
		share = transferByReception
	}
	if rng.IntN(100) >= share {
		return rows
	}
	total, ring := r.talkDur, r.callDur-r.talkDur
	first := 1 + rng.Int32N(total-1)
	if byReception {
		first = min(int32(5+rng.IntN(40)), total-1)
	}
	r.talkDur, r.callDur = first, ring+first
	t := *r
	t.kind = "Transfer"
	t.from, t.to = r.to, extensionParty(g.otherExtension(int(r.to.ext)))
	t.srcTrunk, t.did = "", ""
	t.talkDur = total - first
	t.callDur = t.talkDur + int32(2+rng.IntN(10))
	return append(rows, t)
}

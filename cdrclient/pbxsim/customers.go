package pbxsim

import "math/rand/v2"

// The office's customers: a pool of external numbers that call and are called
// several times a week, each written in several forms across calls, as real
// trunks and real people write them. Reports must recognise one caller behind
// +8613812345678, 008613812345678, 013812345678 and 13812345678, so the
// simulator writes all of them. A customer's number is derived from (seed,
// index) by a hash: nothing is stored, every day of history agrees on it.

// numberForm is how one call writes a customer's number.
type numberForm uint8

const (
	formNational   numberForm = iota // 13812345678 (mobiles only: a landline keeps its 0)
	formTrunkZero                    // 013812345678, 02158889999: the domestic long-distance 0
	formPlus                         // +8613812345678, +862158889999
	formDoubleZero                   // 008613812345678: the international prefix
	numberForms
)

// customerPlan is a kind of customer number: its national significant prefix
// (mobile network or area code without the 0) and the weight it is drawn with.
type customerPlan struct {
	prefix string
	mobile bool
	weight int
}

// customerPlans: about 70 % mobiles, 30 % landlines of Beijing, Shanghai,
// Shenzhen and Guangzhou (eight-digit subscriber numbers after the area code).
var customerPlans = []customerPlan{
	{"138", true, 16}, {"139", true, 14}, {"186", true, 12}, {"150", true, 10},
	{"135", true, 8}, {"177", true, 5}, {"199", true, 5},
	{"10", false, 8}, {"21", false, 9}, {"755", false, 9}, {"20", false, 4},
}

var customerPlanTotal = sumWeights(customerPlans, func(p customerPlan) int { return p.weight })

// customerPrefixes[form][plan] is the text before a customer's eight random
// digits, built once so that writing a number allocates nothing.
var customerPrefixes = func() (p [numberForms][]string) {
	lead := [numberForms]string{formNational: "", formTrunkZero: "0", formPlus: "+86", formDoubleZero: "0086"}
	for f := range numberForms {
		for _, plan := range customerPlans {
			l := lead[f]
			if f == formNational && !plan.mobile {
				l = "0" // nobody writes a landline without its area code's 0
			}
			p[f] = append(p[f], l+plan.prefix)
		}
	}
	return p
}()

// customerCount is the size of the pool: a quarter of the rows of a day, so
// that with about 40 % of inbound and 30 % of outbound calls going to the
// pool each customer calls or is called three to six times a week, at any
// CallsPerDay.
func (g *generator) customerCount() int {
	return max(8, g.perDay/4)
}

// pickCustomer draws a customer; half the draws favour the first quarter of
// the pool, so some customers call much more often than others.
func (g *generator) pickCustomer(rng *rand.Rand) int {
	n := g.customerCount()
	if rng.IntN(2) == 0 {
		return rng.IntN(n/4 + 1)
	}
	return rng.IntN(n)
}

// customerParty is customer c's number written in form f.
func (g *generator) customerParty(c int, f numberForm) party {
	h := splitMix(g.seed ^ 0xC3A5C85C97CB3127 + uint64(c)*0x9E3779B97F4A7C15)
	plan := int(h % uint64(customerPlanTotal))
	i := 0
	for ; plan >= customerPlans[i].weight; i++ {
		plan -= customerPlans[i].weight
	}
	digits := (h >> 20) % 100000000
	if !customerPlans[i].mobile {
		digits = 20000000 + digits%70000000 // subscriber numbers start with 2–8
	}
	return party{text: customerPrefixes[f][i], digits: digits, width: 8, ext: -1}
}

// callerIDStyle is how a trunk presents the caller's number on inbound calls.
type callerIDStyle uint8

const (
	styleE164      callerIDStyle = iota // SIP trunks: +86…
	stylePSTN                           // E1/analogue lines: landlines with 0, mobiles with or without
	styleMobileNet                      // GSM gateways: mobiles bare, landlines with 0
	styleIntl                           // a trunk that keeps the international 00 prefix
)

// inboundForm draws the form a trunk of style s writes a caller in.
func inboundForm(rng *rand.Rand, s callerIDStyle) numberForm {
	switch s {
	case styleE164:
		return formPlus
	case stylePSTN:
		if rng.IntN(2) == 0 {
			return formTrunkZero
		}
		return formNational
	case styleIntl:
		if rng.IntN(10) < 7 {
			return formDoubleZero
		}
		return formPlus
	default:
		return formNational
	}
}

// dialledForm draws the form a person dials a customer in: mostly as written
// on a card (bare mobile, landline with 0), sometimes with the long-distance
// 0, sometimes +86 from a click-to-dial contact list.
func dialledForm(rng *rand.Rand) numberForm {
	switch n := rng.IntN(100); {
	case n < 55:
		return formNational
	case n < 80:
		return formTrunkZero
	case n < 95:
		return formPlus
	default:
		return formDoubleZero
	}
}

// splitMix is the SplitMix64 finaliser: a cheap, well-mixed hash of x.
func splitMix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

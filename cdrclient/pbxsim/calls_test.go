package pbxsim

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The tests in this file read the generated CSV as a client would and check
// the properties of real offices' call histories that reports depend on:
// several legs per call, repeat callers whose numbers are written in several
// forms, call-backs. Each works from the rows alone, never from the
// generator's tables.

// Column indexes of the CSV.
const (
	cCallID = iota
	cStart
	cFrom
	cTo
	cCallDur
	cTalk
	cSrcTrunk
	cDstTrunk
	cStatus
	cType
)

// call is the legs of one callid, in CSV order.
type call struct{ legs [][]string }

func (c call) first() []string { return c.legs[0] }

func (c call) answered() bool {
	return slices.ContainsFunc(c.legs, func(l []string) bool { return l[cStatus] == "ANSWERED" })
}

// inboundLegs are the legs of type Inbound.
func (c call) inboundLegs() [][]string {
	var in [][]string
	for _, l := range c.legs {
		if l[cType] == "Inbound" {
			in = append(in, l)
		}
	}
	return in
}

// callsOf folds rows by callid, in order of first appearance.
func callsOf(t *testing.T, recs [][]string) []call {
	t.Helper()
	index := map[string]int{}
	var calls []call
	for _, r := range recs {
		i, ok := index[r[cCallID]]
		if !ok {
			i = len(calls)
			index[r[cCallID]] = i
			calls = append(calls, call{})
		}
		calls[i].legs = append(calls[i].legs, r)
	}
	return calls
}

// monthOfCalls is January 2024 of the default demo PBX, folded into calls.
func monthOfCalls(t *testing.T) []call {
	t.Helper()
	return callsOf(t, readCSV(t, writeRange(t, New(Options{}), nil, "2024-01-01 00:00:00", "2024-01-31 23:59:59"))[1:])
}

func isExtension(number string) bool {
	_, ok := extensionIndex(number)
	return ok
}

// share is part/whole, 0 for an empty whole.
func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func TestLegsOfACall(t *testing.T) {
	calls := monthOfCalls(t)
	var inbound, grouped, groupMissed, groupVoicemail, transferred, multi int
	for _, c := range calls {
		for _, l := range c.legs[1:] {
			if l[cStart] != c.first()[cStart] {
				t.Errorf("call %s: legs start at %s and %s", l[cCallID], c.first()[cStart], l[cStart])
			}
		}
		if len(c.legs) > 1 {
			multi++
		}
		if c.first()[cType] != "Inbound" {
			continue
		}
		inbound++
		in := c.inboundLegs()
		if len(in) > 1 {
			grouped++
			checkGroupLegs(t, in)
			if !c.answered() {
				groupMissed++
			}
			if slices.ContainsFunc(in, func(l []string) bool { return l[cStatus] == "VOICEMAIL" }) {
				groupVoicemail++
			}
		}
		for _, l := range c.legs {
			if l[cType] == "Transfer" {
				transferred++
				checkTransfer(t, in, l)
			}
		}
	}
	t.Logf("%d calls, %.1f%% with several legs; %d inbound, %.1f%% via a hunt group, %.1f%% transferred",
		len(calls), 100*share(multi, len(calls)), inbound, 100*share(grouped, inbound), 100*share(transferred, inbound))
	if s := share(grouped, inbound); s < 0.25 || s > 0.35 {
		t.Errorf("%.1f%% of inbound calls rang a hunt group, want 25–35%%", 100*s)
	}
	if s := share(transferred, inbound); s < 0.03 || s > 0.08 {
		t.Errorf("%.1f%% of inbound calls transferred, want 3–8%%", 100*s)
	}
	if s := share(multi, len(calls)); s < 0.08 || s > 0.20 {
		t.Errorf("%.1f%% of calls have several legs, want 8–20%%", 100*s)
	}
	if groupMissed == 0 || groupVoicemail == 0 || groupMissed == grouped {
		t.Errorf("hunt-group calls: %d, %d nobody answered, %d with voicemail", grouped, groupMissed, groupVoicemail)
	}
}

// checkGroupLegs checks the inbound legs of a hunt-group call: 2–4 distinct
// extensions, one caller, at most one leg answered or to voicemail, the others
// not answered.
func checkGroupLegs(t *testing.T, in [][]string) {
	t.Helper()
	id := in[0][cCallID]
	if len(in) > 4 {
		t.Errorf("call %s rang %d extensions", id, len(in))
	}
	var to []string
	special := 0
	for _, l := range in {
		switch {
		case !isExtension(l[cTo]) || slices.Contains(to, l[cTo]):
			t.Errorf("call %s: leg to %q", id, l[cTo])
		case l[cFrom] != in[0][cFrom] || l[cSrcTrunk] != in[0][cSrcTrunk]:
			t.Errorf("call %s: legs from %s and %s", id, in[0][cFrom], l[cFrom])
		case l[cStatus] == "ANSWERED" || l[cStatus] == "VOICEMAIL":
			special++
		case l[cStatus] != "NO ANSWER":
			t.Errorf("call %s: leg %s", id, l[cStatus])
		}
		to = append(to, l[cTo])
	}
	if special > 1 {
		t.Errorf("call %s: %d legs answered or to voicemail", id, special)
	}
}

// checkTransfer checks that transfer leg tr hands on the answered inbound leg.
func checkTransfer(t *testing.T, in [][]string, tr []string) {
	t.Helper()
	if !slices.ContainsFunc(in, func(l []string) bool { return l[cStatus] == "ANSWERED" && l[cTo] == tr[cFrom] }) {
		t.Errorf("transfer %v continues no answered leg to %s", tr, tr[cFrom])
	}
	if !isExtension(tr[cTo]) || tr[cTo] == tr[cFrom] {
		t.Errorf("transfer %v", tr)
	}
}

// person is an external number compared as the call reports compare them
// (country code 86): without spaces and dashes, then without a leading +86,
// 0086 or else a single 0.
func person(number string) string {
	n := strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(number)
	for _, p := range []string{"+86", "0086"} {
		if rest, ok := strings.CutPrefix(n, p); ok {
			return rest
		}
	}
	return strings.TrimPrefix(n, "0")
}

// external is the external number of a call, "" for an internal one.
func external(c call) string {
	switch c.first()[cType] {
	case "Inbound", "Callback":
		return c.first()[cFrom]
	case "Outbound":
		return c.first()[cTo]
	}
	return ""
}

// formOf names how a number is written.
func formOf(number string) string {
	switch {
	case strings.HasPrefix(number, "+86"):
		return "+86"
	case strings.HasPrefix(number, "0086"):
		return "0086"
	case strings.HasPrefix(number, "0"):
		return "0"
	}
	return "bare"
}

func TestRepeatCallersInSeveralForms(t *testing.T) {
	calls := monthOfCalls(t)
	week := map[string]int{}              // inbound calls of the first full week per person
	forms := map[string]map[string]bool{} // forms seen in the month per person
	for _, c := range calls {
		n := external(c)
		if n == "" {
			continue
		}
		p := person(n)
		if forms[p] == nil {
			forms[p] = map[string]bool{}
		}
		forms[p][formOf(n)] = true
		if c.first()[cType] == "Inbound" && c.first()[cStart] >= "2024-01-08" && c.first()[cStart] < "2024-01-15" {
			week[p]++
		}
	}
	repeat, allFour, landline := 0, 0, 0
	for p, n := range week {
		if n >= 3 && len(forms[p]) >= 2 {
			repeat++
		}
	}
	for p, f := range forms {
		if len(f) == 4 {
			allFour++
		}
		if !strings.HasPrefix(p, "1") && f["0"] && f["+86"] {
			landline++
		}
	}
	t.Logf("%d people called 3+ times in a week in 2+ forms; %d written in all four forms; %d landlines as 0… and +86…", repeat, allFour, landline)
	if repeat < 10 || allFour == 0 || landline == 0 {
		t.Error("too few repeat callers written in several forms")
	}
}

func TestCallBacks(t *testing.T) {
	calls := monthOfCalls(t)
	loc := DefaultLocation()
	at := func(c call) time.Time {
		ts, err := time.ParseInLocation(TimeLayout, c.first()[cStart], loc)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	byPerson := map[string][]int{} // indexes of each person's calls, in time order
	for i, c := range calls {
		if n := external(c); n != "" {
			byPerson[person(n)] = append(byPerson[person(n)], i)
		}
	}
	var missed, returned, tried, calledAgain, late int
	for i, c := range calls {
		if c.first()[cType] != "Inbound" || c.answered() {
			continue
		}
		missed++
		t0 := at(c)
		var ok, try, again, after bool
		for _, j := range byPerson[person(c.first()[cFrom])] {
			d := calls[j]
			if j <= i {
				continue
			}
			within := at(d).Sub(t0) <= 24*time.Hour
			switch kind := d.first()[cType]; {
			case kind == "Outbound" && d.answered() && within:
				ok = true
			case kind == "Outbound" && within:
				try = true
			case kind == "Inbound" && d.answered() && within:
				again = true
			case kind == "Outbound" && d.answered():
				after = true
			}
		}
		switch {
		case ok:
			returned++
		case again:
			calledAgain++
		case try:
			tried++
		case after:
			late++
		}
	}
	t.Logf("%d missed inbound calls: %d called back within 24 h, %d called again, %d only tried, %d called back later",
		missed, returned, calledAgain, tried, late)
	if returned < 10 || tried < 5 || late < 5 || calledAgain < 3 {
		t.Error("too few call-backs of each kind")
	}
	if s := share(returned+calledAgain+tried+late, missed); s < 0.2 || s > 0.7 {
		t.Errorf("%.1f%% of missed calls followed up, want 20–70%%", 100*s)
	}
}

// TestEveryWindowSameRows splits a range of every extension at awkward places
// (inside the second a multi-leg call starts, at midnight while a call-back
// from days before is due, at a single second) and checks the windows add up
// to the whole range: legs and call-backs do not depend on where a window
// starts.
func TestEveryWindowSameRows(t *testing.T) {
	s := New(Options{Seed: 3})
	const from, to = "2024-05-06 00:00:00", "2024-05-12 23:59:59"
	whole := readCSV(t, writeRange(t, s, nil, from, to))[1:]
	legs := ""
	for _, c := range callsOf(t, whole) {
		if len(c.legs) > 2 && c.first()[cStart] > "2024-05-08" {
			legs = c.first()[cStart]
			break
		}
	}
	if legs == "" {
		t.Fatal("no call with three legs")
	}
	before := string(appendWall(nil, mustWallTime(t, legs)-1, false))
	cuts := [][2]string{
		{from, "2024-05-07 23:59:59"},
		{"2024-05-08 00:00:00", before},
		{legs, legs},
		{string(appendWall(nil, mustWallTime(t, legs)+1, false)), "2024-05-10 13:00:00"},
		{"2024-05-10 13:00:01", to},
	}
	var joined [][]string
	for _, w := range cuts {
		joined = append(joined, readCSV(t, writeRange(t, s, nil, w[0], w[1]))[1:]...)
	}
	if !slices.EqualFunc(joined, whole, slices.Equal) {
		t.Fatalf("windows gave %d rows, the whole range %d", len(joined), len(whole))
	}
	if n := len(readCSV(t, writeRange(t, s, nil, legs, legs))) - 1; n < 3 {
		t.Errorf("the second %s holds %d rows, want the call's legs", legs, n)
	}
}

func mustWallTime(t *testing.T, s string) wallTime {
	t.Helper()
	w, ok := parseWallTime(s)
	if !ok {
		t.Fatalf("bad time %q", s)
	}
	return w
}

func TestOutcomeWeightsAddUpTo100(t *testing.T) {
	for _, os := range [][]outcome{inboundOutcomes, outboundOutcomes, internalOutcomes, missedOutcomes, unansweredOutcomes} {
		if n := sumWeights(os, func(o outcome) int { return o.weight }); n != 100 {
			t.Errorf("%v: weights add up to %d", os, n)
		}
	}
}

package pbxsim

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// party is a caller or callee. Extensions and fixed numbers are plain text;
// an external number is a prefix plus zero-padded random digits, kept apart
// so that generating a row allocates nothing.
type party struct {
	text   string // extension number, fixed number, or external prefix
	digits uint64 // random part of an external number
	width  uint8  // digits of the random part; 0 = text alone
	ext    int8   // index into extensions, or -1
}

// appendParty appends the party's number as the PBX writes it.
func appendParty(b []byte, p party) []byte {
	b = append(b, p.text...)
	if p.width == 0 {
		return b
	}
	var tmp [20]byte
	digits := strconv.AppendUint(tmp[:0], p.digits, 10)
	for range int(p.width) - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// numberPlan is a kind of external number: a prefix and the count of
// random digits after it.
type numberPlan struct {
	prefix string
	width  uint8
	weight int
}

// externalPlans mixes mobiles (13x/15x/18x), landlines with their leading
// zero (Beijing 010, Shanghai 021, Shenzhen 0755), numbers with +86,
// international numbers and short service numbers.
var externalPlans = []numberPlan{
	{"138", 8, 14}, {"139", 8, 10}, {"135", 8, 6}, {"150", 8, 6},
	{"186", 8, 8}, {"187", 8, 4}, {"177", 8, 3}, {"199", 8, 2},
	{"010", 8, 10}, {"021", 8, 8}, {"0755", 8, 12}, {"020", 8, 4},
	{"+86138", 8, 4}, {"+86755", 8, 2}, {"+8610", 8, 2},
	{"00852", 8, 2}, {"+1415", 7, 1},
	{"95588", 0, 1}, {"10086", 0, 1}, {"4008", 6, 2},
}

var externalWeightTotal = sumWeights(externalPlans, func(p numberPlan) int { return p.weight })

// externalParty draws an external number.
func externalParty(rng *rand.Rand) party {
	p := externalPlans[pickWeighted(rng, externalPlans, externalWeightTotal, func(p numberPlan) int { return p.weight })]
	var digits uint64
	if p.width > 0 {
		digits = rng.Uint64N(pow10(p.width))
	}
	return party{text: p.prefix, digits: digits, width: p.width, ext: -1}
}

// extensionParty is extension i.
func extensionParty(i int) party {
	return party{text: extensions[i].Number, ext: int8(i)}
}

// fixedParty is a non-extension internal number (ring group, IVR).
func fixedParty(number string) party {
	return party{text: number, ext: -1}
}

func pow10(n uint8) uint64 {
	v := uint64(1)
	for range n {
		v *= 10
	}
	return v
}

// trunk is a trunk name with its CSV form precomputed: user-defined names
// contain commas, double quotes, Chinese and a leading '=' (a spreadsheet
// formula when opened naively).
type trunk struct {
	name     string
	csv      string
	weight   int
	callerID callerIDStyle // how the trunk writes an inbound caller's number
}

var trunks = newTrunks([]trunk{
	{name: "China Telecom SIP", weight: 30, callerID: styleE164},
	{name: "电信中继", weight: 20, callerID: stylePSTN},
	{name: "Unicom, Beijing", weight: 12, callerID: stylePSTN},
	{name: `Main "Office" Line`, weight: 10, callerID: stylePSTN},
	{name: "GSM-移动", weight: 10, callerID: styleMobileNet},
	{name: "=SUM(1+1)", weight: 8, callerID: styleIntl},
	{name: "MEO", weight: 10, callerID: styleE164},
})

var trunkWeightTotal = sumWeights(trunks, func(t trunk) int { return t.weight })

func newTrunks(ts []trunk) []trunk {
	for i := range ts {
		ts[i].csv = string(appendField(nil, ts[i].name))
	}
	return ts
}

// TrunkNames returns the names of the simulator's trunks, as Options.TrunkNames
// knows them.
func TrunkNames() []string {
	names := make([]string, len(trunks))
	for i, t := range trunks {
		names[i] = t.name
	}
	return names
}

// trunkRenames maps the CSV forms of the trunks Options.TrunkNames renames to the
// CSV forms of their new names; nil when none is renamed.
func trunkRenames(names map[string]string) map[string]string {
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]string, len(names))
	for _, t := range trunks {
		if to, ok := names[t.name]; ok {
			m[t.csv] = string(appendField(nil, to))
		}
	}
	return m
}

// pickTrunk draws a trunk.
func pickTrunk(rng *rand.Rand) *trunk {
	return &trunks[pickWeighted(rng, trunks, trunkWeightTotal, func(t trunk) int { return t.weight })]
}

// didNumbers are the office's DIDs (what inbound callers dialled).
var didNumbers = []string{"075586001234", "075586001235", "01065529988", "4008001234"}

// pinCodes are PINs of the PIN-protected outbound route.
var pinCodes = []string{"8001", "8002", "1234", "66"}

// appendField appends s as one CSV field, RFC 4180-quoted when it holds a
// comma, a double quote or a line break.
func appendField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func sumWeights[T any](items []T, weight func(T) int) int {
	total := 0
	for _, it := range items {
		total += weight(it)
	}
	return total
}

// pickWeighted draws an index with probability proportional to weight.
func pickWeighted[T any](rng *rand.Rand, items []T, total int, weight func(T) int) int {
	n := rng.IntN(total)
	for i, it := range items {
		n -= weight(it)
		if n < 0 {
			return i
		}
	}
	return len(items) - 1
}

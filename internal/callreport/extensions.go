package callreport

import (
	"cmp"
	"slices"
)

// Extension is the figures of one extension E over the calls reported.
type Extension struct {
	Number, Name string
	// Rang: calls with a leg that rang E (an inbound, internal or transfer leg whose
	// callto is E). Answered: those where such a leg is ANSWERED. AnsweredByColleague:
	// rang E, not answered by E, answered by another leg. Missed: rang E and no leg
	// answered (not counting calls shorter than IgnoreShorter).
	Rang, Answered, AnsweredByColleague, Missed int
	// Outgoing: calls whose earliest leg is outbound or internal with callfrom E;
	// AnsweredOutgoing: those answered.
	Outgoing, AnsweredOutgoing int
	// TalkSeconds: talkduraction of E's answered legs, both directions (legs that
	// rang E and outbound or internal legs E placed).
	TalkSeconds int64
}

// AverageTalk returns TalkSeconds / (Answered + AnsweredOutgoing), whole seconds
// rounded half up; 0 when there were none.
func (e Extension) AverageTalk() int { return average(e.TalkSeconds, e.Answered+e.AnsweredOutgoing) }

// extensions makes the per-extension lines of the reported calls, counted in parts
// on every CPU.
func (c *Calls) extensions(calls []int) []Extension {
	cuts := c.split.cuts(len(calls))
	parts := make([][]Extension, len(cuts)-1)
	runCuts(cuts, func(p, lo, hi int) { parts[p] = c.countExtensions(calls[lo:hi]) })
	all := parts[0]
	for _, part := range parts[1:] {
		for k := range all {
			all[k].add(&part[k])
		}
	}
	var out []Extension
	for k, e := range all {
		if !c.exts.listed[k] || e.Rang == 0 && e.Outgoing == 0 && e.TalkSeconds == 0 {
			continue
		}
		e.Number, e.Name = c.exts.numbers[k], c.exts.names[k]
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Extension) int { return compareNumbers(a.Number, b.Number) })
	return out
}

func (e *Extension) add(o *Extension) {
	e.Rang += o.Rang
	e.Answered += o.Answered
	e.AnsweredByColleague += o.AnsweredByColleague
	e.Missed += o.Missed
	e.Outgoing += o.Outgoing
	e.AnsweredOutgoing += o.AnsweredOutgoing
	e.TalkSeconds += o.TalkSeconds
}

// countExtensions counts the figures of calls for every extension of the set.
func (c *Calls) countExtensions(calls []int) []Extension {
	all := make([]Extension, len(c.exts.keys))
	type rung struct {
		ext      int32
		answered bool
	}
	var rang []rung
	for _, i := range calls {
		rang = rang[:0]
		answered := c.kind[i]&answeredBit != 0
		for k := c.legStart[i]; k < c.legStart[i+1]; k++ {
			f := c.legFlags[k]
			kind, legAnswered := f&kindMask, f&answeredBit != 0
			to, from := c.legTo[k], c.legFrom[k]
			if to >= 0 && rings(kind) {
				at := slices.IndexFunc(rang, func(r rung) bool { return r.ext == to })
				if at < 0 {
					rang = append(rang, rung{ext: to})
					at = len(rang) - 1
				}
				rang[at].answered = rang[at].answered || legAnswered
				if legAnswered {
					all[to].TalkSeconds += int64(c.legTalk[k])
				}
			}
			if from >= 0 && places(kind) && legAnswered && !(from == to && rings(kind)) {
				all[from].TalkSeconds += int64(c.legTalk[k])
			}
			if c.legRow[k] == c.first[i] && from >= 0 && places(kind) {
				all[from].Outgoing++
				if answered {
					all[from].AnsweredOutgoing++
				}
			}
		}
		for _, r := range rang {
			e := &all[r.ext]
			e.Rang++
			switch {
			case r.answered:
				e.Answered++
			case answered:
				e.AnsweredByColleague++
			case c.state[i]&shortBit == 0:
				e.Missed++
			}
		}
	}
	return all
}

// compareNumbers orders extension numbers as numbers when both are digits (1000
// before 10000, 999 before 1000), otherwise as text.
func compareNumbers(a, b string) int {
	if isDigits(a) && isDigits(b) {
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
	}
	return cmp.Compare(a, b)
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ExtensionColumn is a column of the per-extension table, to sort by.
type ExtensionColumn int

// Columns of the per-extension table.
const (
	ByNumber ExtensionColumn = iota
	ByName
	ByRang
	ByAnswered
	ByAnsweredByColleague
	ByMissed
	ByOutgoing
	ByTalk
	ByAverageTalk
)

// SortExtensions orders lines by a column, ascending or descending; ties are ordered
// by number, ascending, so the order is the same every time.
func SortExtensions(lines []Extension, by ExtensionColumn, descending bool) {
	slices.SortStableFunc(lines, func(a, b Extension) int {
		c := compareExtensions(a, b, by)
		if descending {
			c = -c
		}
		if c == 0 {
			c = compareNumbers(a.Number, b.Number)
		}
		return c
	})
}

func compareExtensions(a, b Extension, by ExtensionColumn) int {
	switch by {
	case ByName:
		return cmp.Compare(a.Name, b.Name)
	case ByRang:
		return cmp.Compare(a.Rang, b.Rang)
	case ByAnswered:
		return cmp.Compare(a.Answered, b.Answered)
	case ByAnsweredByColleague:
		return cmp.Compare(a.AnsweredByColleague, b.AnsweredByColleague)
	case ByMissed:
		return cmp.Compare(a.Missed, b.Missed)
	case ByOutgoing:
		return cmp.Compare(a.Outgoing, b.Outgoing)
	case ByTalk:
		return cmp.Compare(a.TalkSeconds, b.TalkSeconds)
	case ByAverageTalk:
		return cmp.Compare(a.AverageTalk(), b.AverageTalk())
	}
	return compareNumbers(a.Number, b.Number)
}

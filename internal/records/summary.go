package records

import (
	"cmp"
	"slices"

	"cdrdesk/cdrclient"
)

// Summary sums up the rows a View shows. Durations that are empty, not a whole
// number of seconds, or over 136 years (2^32-1 s) count in no sum, maximum or
// average.
type Summary struct {
	Records  int
	Answered int // status ANSWERED (any letter case)
	Missed   int // every other status: NO ANSWER, BUSY, FAILED, VOICEMAIL, unknown, empty

	Inbound, Outbound, Internal int // by type (any letter case); other types count in none

	TalkSeconds int64 // sum of talkduraction
	CallSeconds int64 // sum of callduraction
	LongestTalk int   // largest talkduraction, in seconds
	AverageTalk int   // talk seconds of answered calls / answered calls, rounded half up; 0 when none

	// First and Last are the earliest and latest timestart, as written, among the
	// values that are valid times in the form yyyy-mm-dd hh:mm:ss (surrounding space
	// allowed); "" when there are none.
	First, Last string

	// ByExtension has one entry per known extension (a number of the View's names)
	// that is the callfrom or callto of a row shown, most calls first, then by
	// number. A call between two known extensions counts for both.
	ByExtension []ExtensionSummary
}

// ExtensionSummary sums up the rows shown that involve one extension.
type ExtensionSummary struct {
	Number, Name string
	Calls        int
	Answered     int
	TalkSeconds  int64
}

// Summary returns the summary of the rows shown. It is computed on first use after
// each Apply.
func (v *View) Summary() Summary {
	if v.summary == nil {
		s := v.summarize()
		v.summary = &s
	}
	s := *v.summary
	s.ByExtension = slices.Clone(s.ByExtension)
	return s
}

// tally is a Summary being computed.
type tally struct {
	Summary
	answeredTalk      int64
	first, last       int    // rows holding First and Last, or -1
	firstKey, lastKey uint64 // their packed times
	byExt             []ExtensionSummary
}

func (v *View) summarize() Summary {
	f := v.factsOf()
	y := tally{first: -1, last: -1, byExt: make([]ExtensionSummary, len(v.exts.numbers))}
	for _, r := range v.rows {
		y.add(f, r)
	}
	if y.Answered > 0 {
		y.AverageTalk = int((2*y.answeredTalk + int64(y.Answered)) / (2 * int64(y.Answered)))
	}
	if col := v.t.Column(cdrclient.ColTimeStart); y.first >= 0 {
		y.First, y.Last = v.t.Field(y.first, col), v.t.Field(y.last, col)
	}
	y.ByExtension = v.extensionSummaries(y.byExt)
	return y.Summary
}

// add counts row r.
func (y *tally) add(f *facts, r int) {
	y.Records++
	flags := f.flags[r]
	answered := flags&answeredFlag != 0
	if answered {
		y.Answered++
	} else {
		y.Missed++
	}
	switch {
	case flags&inboundFlag != 0:
		y.Inbound++
	case flags&outboundFlag != 0:
		y.Outbound++
	case flags&internalFlag != 0:
		y.Internal++
	}
	talk := int64(0)
	if t := f.talk[r]; t != noSeconds {
		talk = int64(t)
		y.TalkSeconds += talk
		y.LongestTalk = max(y.LongestTalk, int(t))
		if answered {
			y.answeredTalk += talk
		}
	}
	if c := f.call[r]; c != noSeconds {
		y.CallSeconds += int64(c)
	}
	if from := f.from[r]; from >= 0 {
		y.byExt[from].count(answered, talk)
	}
	if to := f.to[r]; to >= 0 && to != f.from[r] {
		y.byExt[to].count(answered, talk)
	}
	if s := f.start[r]; s != noTime {
		if y.first < 0 || s < y.firstKey {
			y.first, y.firstKey = r, s
		}
		if y.last < 0 || s > y.lastKey {
			y.last, y.lastKey = r, s
		}
	}
}

func (e *ExtensionSummary) count(answered bool, talk int64) {
	e.Calls++
	if answered {
		e.Answered++
	}
	e.TalkSeconds += talk
}

// extensionSummaries keeps the extensions with calls, named and ordered.
func (v *View) extensionSummaries(byExt []ExtensionSummary) []ExtensionSummary {
	var out []ExtensionSummary
	for i, e := range byExt {
		if e.Calls > 0 {
			e.Number, e.Name = v.exts.numbers[i], v.exts.names[i]
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b ExtensionSummary) int {
		if c := cmp.Compare(b.Calls, a.Calls); c != 0 {
			return c
		}
		return cmp.Compare(a.Number, b.Number)
	})
	return out
}

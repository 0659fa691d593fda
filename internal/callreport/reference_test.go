package callreport

// An independent computation of the call reports, written from the definitions
// (the project's call-reports reference) with encoding/csv, strings, maps and plain
// loops: none of the package's machinery (no packed keys, no radix sort, no sweep).
// Tests compare the package's output with it, figure by figure.

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

type refLeg struct {
	row                            int
	callid, from, to, status, kind string
	start                          time.Time // zero when not a time
	dur, talk                      int       // -1 when not a number
}

type refCall struct {
	legs     []refLeg // table order
	earliest refLeg
	start    time.Time
	kind     string // lower case, trimmed
	answered bool
	talk     int
	number   string // as written
	key      string // comparison form
	short    bool
	missed   bool
	returned bool
	tried    bool
	open     bool
	firstRow int
	selected bool
}

var refDigits = regexp.MustCompile(`^[0-9]{1,9}$`)

// refParse reads a CSV with encoding/csv (as lenient as the Table: lazy quotes, any
// number of fields) into legs, by header name.
func refParse(tb testing.TB, data []byte) []refLeg {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[strings.ToLower(strings.TrimSpace(name))] = i
	}
	get := func(rec []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	num := func(s string) int {
		s = strings.TrimSpace(s)
		if !refDigits.MatchString(s) {
			return -1
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	var legs []refLeg
	for i, rec := range recs[1:] {
		l := refLeg{row: i, callid: strings.TrimSpace(get(rec, "callid")),
			from: get(rec, "callfrom"), to: get(rec, "callto"),
			status: strings.TrimSpace(get(rec, "status")), kind: strings.ToLower(strings.TrimSpace(get(rec, "type"))),
			dur: num(get(rec, "callduraction")), talk: num(get(rec, "talkduraction"))}
		if s := strings.TrimSpace(get(rec, "timestart")); refTimeForm.MatchString(s) {
			if t, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
				l.start = t
			}
		}
		legs = append(legs, l)
	}
	return legs
}

// refKey is the "same person" rule, as written in the definitions.
func refKey(n, cc string) string {
	n = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(n)
	if s, ok := strings.CutPrefix(n, "+"+cc); ok {
		return s
	}
	if s, ok := strings.CutPrefix(n, "00"+cc); ok {
		return s
	}
	s, _ := strings.CutPrefix(n, "0")
	return s
}

// refModel is the reference's answer for one input.
type refModel struct {
	calls []*refCall
	s     Settings
	end   time.Time
}

// refFold folds legs into calls and finds call-backs among all of them.
func refFold(legs []refLeg, s Settings, end time.Time) *refModel {
	byID := map[string]*refCall{}
	var calls []*refCall
	for _, l := range legs {
		c := byID[l.callid]
		if c == nil || l.callid == "" {
			c = &refCall{firstRow: l.row}
			calls = append(calls, c)
			if l.callid != "" {
				byID[l.callid] = c
			}
		}
		c.legs = append(c.legs, l)
	}
	ignore := int((s.IgnoreShorter + time.Second - 1) / time.Second)
	for _, c := range calls {
		c.earliest = c.legs[0]
		for _, l := range c.legs {
			if !l.start.IsZero() && (c.earliest.start.IsZero() || l.start.Before(c.earliest.start)) {
				c.earliest = l
			}
			if strings.EqualFold(l.status, "ANSWERED") {
				c.answered = true
			}
			if l.talk > 0 {
				c.talk += l.talk
			}
		}
		c.start, c.kind = c.earliest.start, c.earliest.kind
		switch c.kind {
		case "inbound":
			c.number = c.earliest.from
		case "outbound":
			c.number = c.earliest.to
		}
		c.key = refKey(c.number, s.CountryCode)
		if c.key == "" {
			c.number = ""
		}
		c.short = !c.answered && c.earliest.dur >= 0 && c.earliest.dur < ignore
		c.missed = c.kind == "inbound" && !c.answered && !c.short
	}
	if end.IsZero() {
		for _, c := range calls {
			if c.start.After(end) {
				end = c.start
			}
		}
	}
	for _, m := range calls {
		if !m.missed {
			continue
		}
		if m.key != "" && !m.start.IsZero() {
			for _, o := range calls {
				if o.key != m.key || o.start.IsZero() || !o.start.After(m.start) || o.start.After(m.start.Add(s.CallbackWindow)) {
					continue
				}
				if o.answered && (o.kind == "outbound" || o.kind == "inbound") {
					m.returned = true
				}
				if !o.answered && o.kind == "outbound" {
					m.tried = true
				}
			}
		}
		m.tried = m.tried && !m.returned
		m.open = !m.returned && !m.start.IsZero() && m.start.Add(s.CallbackWindow).After(end)
	}
	return &refModel{calls: calls, s: s, end: end}
}

// selectRows marks the calls with a leg among rows (all when rows is nil).
func (m *refModel) selectRows(rows []int) {
	want := map[int]bool{}
	for _, r := range rows {
		want[r] = true
	}
	for _, c := range m.calls {
		c.selected = rows == nil
		for _, l := range c.legs {
			c.selected = c.selected || want[l.row]
		}
	}
}

func (m *refModel) selectedCalls() []*refCall {
	var out []*refCall
	for _, c := range m.calls {
		if c.selected {
			out = append(out, c)
		}
	}
	return out
}

func (m *refModel) inHours(t time.Time) bool {
	h := m.s.BusinessHours
	since := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second
	return h.Days[t.Weekday()] && since >= h.Open && since < h.Close
}

func refAdd(f *Figures, c *refCall) {
	f.Calls++
	if c.answered {
		f.Answered++
	}
	if c.missed {
		f.Missed++
		if !c.returned {
			f.NotReturned++
		}
	}
	f.TalkSeconds += int64(c.talk)
}

func (m *refModel) refTally(y *Tally, c *refCall) {
	refAdd(&y.All, c)
	switch c.kind {
	case "inbound":
		refAdd(&y.Inbound, c)
	case "outbound":
		refAdd(&y.Outbound, c)
	}
	if !c.start.IsZero() {
		if m.inHours(c.start) {
			refAdd(&y.InHours, c)
		} else {
			refAdd(&y.AfterHours, c)
		}
	}
}

// summary, days and hours of the selected calls.
func (m *refModel) summary() Summary {
	var s Summary
	s.End = m.end
	for _, c := range m.selectedCalls() {
		m.refTally(&s.Tally, c)
		switch c.kind {
		case "internal":
			s.Internal++
		case "inbound", "outbound":
		default:
			s.Other++
		}
		s.Legs += len(c.legs)
		if c.returned {
			s.Returned++
		}
		if c.tried {
			s.Tried++
		}
		if c.short {
			s.Short++
		}
		if c.open {
			s.Open++
		}
		if c.start.IsZero() {
			s.Untimed++
			continue
		}
		if s.First.IsZero() || c.start.Before(s.First) {
			s.First = c.start
		}
		if c.start.After(s.Last) {
			s.Last = c.start
		}
	}
	return s
}

func (m *refModel) days() []Day {
	byDate := map[time.Time]*Day{}
	var first, last time.Time
	for _, c := range m.selectedCalls() {
		if c.start.IsZero() {
			continue
		}
		d := time.Date(c.start.Year(), c.start.Month(), c.start.Day(), 0, 0, 0, 0, time.UTC)
		if byDate[d] == nil {
			byDate[d] = &Day{Date: d}
		}
		m.refTally(&byDate[d].Tally, c)
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	var out []Day
	for d := first; !first.IsZero() && !d.After(last); d = d.AddDate(0, 0, 1) {
		if byDate[d] == nil {
			byDate[d] = &Day{Date: d}
		}
		out = append(out, *byDate[d])
	}
	return out
}

func (m *refModel) hours() (h [24]Tally, wh [7][24]Tally) {
	for _, c := range m.selectedCalls() {
		if !c.start.IsZero() {
			m.refTally(&h[c.start.Hour()], c)
			m.refTally(&wh[c.start.Weekday()][c.start.Hour()], c)
		}
	}
	return h, wh
}

// refRings: legs of these types ring their callto; refPlaces: place from callfrom.
func refRings(kind string) bool  { return kind == "inbound" || kind == "internal" || kind == "transfer" }
func refPlaces(kind string) bool { return kind == "outbound" || kind == "internal" }

// extensions of the selected calls; names decide which numbers are extensions.
func (m *refModel) extensions(names map[string]string) []Extension {
	isExt, named := map[string]bool{}, map[string]string{}
	for n, name := range names {
		if n = strings.TrimSpace(n); n != "" {
			isExt[n], named[n] = true, name
		}
	}
	if len(isExt) == 0 {
		for _, c := range m.calls {
			for _, l := range c.legs {
				if to := strings.TrimSpace(l.to); refRings(l.kind) && to != "" {
					isExt[to] = true
				}
				if from := strings.TrimSpace(l.from); refPlaces(l.kind) && from != "" {
					isExt[from] = true
				}
			}
		}
	}
	lines := map[string]*Extension{}
	line := func(e string) *Extension {
		if lines[e] == nil {
			lines[e] = &Extension{Number: e, Name: named[e]}
		}
		return lines[e]
	}
	for _, c := range m.selectedCalls() {
		for e := range isExt {
			rang, byE := false, false
			for _, l := range c.legs {
				if refRings(l.kind) && strings.TrimSpace(l.to) == e {
					rang = true
					byE = byE || strings.EqualFold(l.status, "ANSWERED")
				}
			}
			if rang {
				x := line(e)
				x.Rang++
				switch {
				case byE:
					x.Answered++
				case c.answered:
					x.AnsweredByColleague++
				case !c.short:
					x.Missed++
				}
			}
			if refPlaces(c.kind) && strings.TrimSpace(c.earliest.from) == e {
				x := line(e)
				x.Outgoing++
				if c.answered {
					x.AnsweredOutgoing++
				}
			}
			for _, l := range c.legs {
				if !strings.EqualFold(l.status, "ANSWERED") || l.talk <= 0 {
					continue
				}
				toE := refRings(l.kind) && strings.TrimSpace(l.to) == e
				fromE := refPlaces(l.kind) && strings.TrimSpace(l.from) == e
				if toE || fromE {
					line(e).TalkSeconds += int64(l.talk)
				}
			}
		}
	}
	var out []Extension
	for _, x := range lines {
		if x.Rang > 0 || x.Outgoing > 0 || x.TalkSeconds > 0 {
			out = append(out, *x)
		}
	}
	slices.SortFunc(out, func(a, b Extension) int {
		an, aerr := strconv.ParseUint(a.Number, 10, 64)
		bn, berr := strconv.ParseUint(b.Number, 10, 64)
		if aerr == nil && berr == nil && len(a.Number) != len(b.Number) {
			return cmp.Compare(an, bn)
		}
		return strings.Compare(a.Number, b.Number)
	})
	return out
}

// refCaller is an unreturned line, with its calls' first rows instead of indexes.
type refCaller struct {
	Caller
	rows []int // every leg row of the line's calls, sorted
}

// unreturned lines of the selected calls.
func (m *refModel) unreturned() []refCaller {
	byKey := map[string][]*refCall{}
	var keys []string
	for _, c := range m.selectedCalls() {
		if c.missed && !c.returned {
			if byKey[c.key] == nil {
				keys = append(keys, c.key)
			}
			byKey[c.key] = append(byKey[c.key], c)
		}
	}
	var out []refCaller
	for _, k := range keys {
		calls := byKey[k]
		l := refCaller{Caller: Caller{NumberKey: k, Missed: len(calls)}}
		exts := map[string]bool{}
		var latest *refCall
		for _, c := range calls {
			if !c.start.IsZero() {
				if l.First.IsZero() || c.start.Before(l.First) {
					l.First = c.start
				}
				if !c.start.Before(l.Last) {
					l.Last, latest = c.start, c
				}
			}
			l.Open = l.Open || c.open
			for _, leg := range c.legs {
				l.rows = append(l.rows, leg.row)
				if refRings(leg.kind) && strings.TrimSpace(leg.to) != "" {
					exts[strings.TrimSpace(leg.to)] = true
				}
			}
		}
		if latest == nil {
			latest = calls[len(calls)-1]
		}
		l.Number = latest.number
		for e := range exts {
			l.Extensions = append(l.Extensions, e)
		}
		slices.SortFunc(l.Extensions, compareNumbersRef)
		slices.Sort(l.rows)
		// Attempts: unanswered outbound calls to the person inside one of the windows.
		for _, o := range m.calls {
			if k == "" || o.key != k || o.kind != "outbound" || o.answered || o.start.IsZero() {
				continue
			}
			for _, c := range calls {
				if !c.start.IsZero() && o.start.After(c.start) && !o.start.After(c.start.Add(m.s.CallbackWindow)) {
					l.Attempts++
					if o.start.After(l.LastAttempt) {
						l.LastAttempt = o.start
					}
					break
				}
			}
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(a, b refCaller) int {
		if a.Last.IsZero() != b.Last.IsZero() {
			if a.Last.IsZero() {
				return 1
			}
			return -1
		}
		if c := b.Last.Compare(a.Last); c != 0 {
			return c
		}
		return strings.Compare(a.NumberKey, b.NumberKey)
	})
	return out
}

func compareNumbersRef(a, b string) int {
	_, aerr := strconv.ParseUint(a, 10, 64)
	_, berr := strconv.ParseUint(b, 10, 64)
	if aerr == nil && berr == nil && len(a) != len(b) {
		return cmp.Compare(len(a), len(b))
	}
	return strings.Compare(a, b)
}

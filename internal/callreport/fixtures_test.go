package callreport

import (
	"encoding/json"
	"testing"
	"time"
)

// fixtureNames reads testdata/names.json, the extension names of the fixtures.
func fixtureNames(t *testing.T) map[string]string {
	t.Helper()
	var names map[string]string
	if err := json.Unmarshal(readFixture(t, "names.json"), &names); err != nil {
		t.Fatal(err)
	}
	return names
}

func at(s string) time.Time {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		panic(err)
	}
	return t
}

// extensionLine returns the line of number, or a zero line.
func extensionLine(rep *Report, number string) Extension {
	for _, e := range rep.Extensions {
		if e.Number == number {
			return e
		}
	}
	return Extension{}
}

// callerLine returns the unreturned line of a comparison form, and whether there is one.
func callerLine(rep *Report, key string) (Caller, bool) {
	for _, l := range rep.Unreturned {
		if l.NumberKey == key {
			return l, true
		}
	}
	return Caller{}, false
}

// TestFixtures compares every figure with the reference on small hand-written
// inputs, one rule each, and checks the figures the rule is about by hand too, so
// that a misreading shared by the package and the reference shows.
func TestFixtures(t *testing.T) {
	defaults := DefaultSettings()
	ignore5 := defaults
	ignore5.IgnoreShorter = 5 * time.Second
	monSat := defaults
	monSat.BusinessHours, _ = ParseBusinessHours("Mon-Sat 08:30-17:30")
	for _, tc := range []struct {
		name     string
		file     string
		noNames  bool
		settings Settings
		end      time.Time
		rows     []int
		check    func(t *testing.T, c *Calls, r *Report)
	}{
		{name: "ring group answered by one member is missed for nobody", file: "ringgroup.csv", check: func(t *testing.T, c *Calls, r *Report) {
			s := r.Summary
			if s.All.Calls != 4 || s.Legs != 8 || s.All.Answered != 2 || s.All.Missed != 1 || s.Inbound.Calls != 2 || s.Internal != 2 {
				t.Errorf("summary %+v", s)
			}
			same(t, "1001", extensionLine(r, "1001"), Extension{Number: "1001", Name: "王芳", Rang: 3, Answered: 1, AnsweredByColleague: 1, Missed: 1, Outgoing: 1, TalkSeconds: 31})
			same(t, "1002", extensionLine(r, "1002"), Extension{Number: "1002", Name: "李娜", Rang: 3, Answered: 1, Missed: 2, Outgoing: 1, AnsweredOutgoing: 1, TalkSeconds: 75 + 31})
			if l, ok := callerLine(r, "13900001111"); !ok || l.Missed != 1 || !slicesEqual(l.Extensions, []string{"1001", "1002", "1003"}) {
				t.Errorf("voicemail ring group: %+v %v", l, ok)
			}
		}},
		{name: "a filter keeping one leg reports the whole call", file: "ringgroup.csv", rows: []int{0}, check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.All.Calls != 1 || s.Legs != 3 || s.All.Answered != 1 || s.All.Missed != 0 {
				t.Errorf("summary %+v", s)
			}
		}},
		{name: "transfer hands the call on", file: "transfer.csv", check: func(t *testing.T, c *Calls, r *Report) {
			same(t, "1005", extensionLine(r, "1005"), Extension{Number: "1005", Name: "杨磊", Rang: 2, Answered: 2, Outgoing: 1, AnsweredOutgoing: 1, TalkSeconds: 120 + 50 + 25})
			same(t, "1000", extensionLine(r, "1000"), Extension{Number: "1000", Name: "张伟", Rang: 1, Answered: 1, TalkSeconds: 180})
			same(t, "1006", extensionLine(r, "1006"), Extension{Number: "1006", Name: "前台", Rang: 1, AnsweredByColleague: 1})
			if s := r.Summary; s.All.Calls != 3 || s.All.TalkSeconds != 180+120+50+25 || s.All.Missed != 0 {
				t.Errorf("summary %+v", s)
			}
		}},
		{name: "one person, numbers written in different forms", file: "numbers.csv", check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.All.Missed != 6 || s.Returned != 3 || s.Tried != 1 || s.All.NotReturned != 3 {
				t.Errorf("summary %+v", s)
			}
			if l, ok := callerLine(r, "1065291234"); !ok || l.Number != "(010) 6529-1234" || l.Attempts != 2 || !l.LastAttempt.Equal(at("2025-03-03 13:00:00")) {
				t.Errorf("tried line %+v %v", l, ok)
			}
			if l, ok := callerLine(r, "+4412345678"); !ok || l.Number != "+4412345678" {
				t.Errorf("a foreign number is not the call-back's 004412345678: %+v %v", l, ok)
			}
			if l, ok := callerLine(r, ""); !ok || l.Number != "" || l.Missed != 1 {
				t.Errorf("a call without a number: %+v %v", l, ok)
			}
		}},
		{name: "call-back window edges", file: "callbacks.csv", check: func(t *testing.T, c *Calls, r *Report) {
			want := map[string]bool{"13700000001": false, "13700000002": true, "13700000003": true, "13700000004": false, "13700000005": false, "13700000006": true, "13700000007": true}
			for key, listed := range want {
				if _, ok := callerLine(r, key); ok != listed {
					t.Errorf("%s listed %v, want %v", key, ok, listed)
				}
			}
			l, _ := callerLine(r, "13700000006")
			if l.Missed != 2 || !l.First.Equal(at("2025-03-03 10:21:00")) || !l.Last.Equal(at("2025-03-03 10:22:00")) || l.Attempts != 2 || !l.LastAttempt.Equal(at("2025-03-03 11:03:20")) {
				t.Errorf("repeat caller %+v", l)
			}
			if got := c.Call(c.CallOf(16)).Callback; got != NotReturned {
				t.Errorf("a try after the window: %v, want not returned", got)
			}
			if got := c.Call(c.CallOf(11)).Callback; got != Tried {
				t.Errorf("a try inside the window: %v, want tried", got)
			}
			if r.Unreturned[0].NumberKey != "13700000007" || r.Unreturned[1].NumberKey != "13700000006" {
				t.Errorf("newest last missed call first: %+v", r.Unreturned)
			}
		}},
		{name: "rings shorter than the setting are not missed", file: "ignore.csv", settings: ignore5, check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.All.Missed != 2 || s.Short != 4 {
				t.Errorf("summary %+v", s)
			}
			if e := extensionLine(r, "1002"); e.Rang != 1 || e.Missed != 0 {
				t.Errorf("1002 %+v", e)
			}
		}},
		{name: "nothing ignored by default", file: "ignore.csv", check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.All.Missed != 4 || s.Short != 0 {
				t.Errorf("summary %+v", s)
			}
		}},
		{name: "callids: empty, spaced, out of order, not numbers", file: "callids.csv", check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.All.Calls != 8 || s.Legs != 12 || s.Untimed != 1 {
				t.Errorf("summary %+v", s)
			}
			call := c.Call(c.CallOf(2))
			if call.Legs != 3 || !call.Start.Equal(at("2025-03-03 10:05:00")) || !call.Answered {
				t.Errorf("call of row 2: %+v", call)
			}
		}},
		{name: "business hours edges", file: "hours.csv", check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.InHours.Calls != 2 || s.AfterHours.Calls != 7 {
				t.Errorf("in hours %+v, after %+v", s.InHours, s.AfterHours)
			}
		}},
		{name: "business hours Mon-Sat 08:30-17:30", file: "hours.csv", settings: monSat, check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.InHours.Calls != 5 || s.AfterHours.Calls != 4 {
				t.Errorf("in hours %+v, after %+v", s.InHours, s.AfterHours)
			}
		}},
		{name: "call-backs after the range's end are not seen", file: "rangeend.csv", end: at("2025-03-04 23:59:59"), check: func(t *testing.T, c *Calls, r *Report) {
			if s := r.Summary; s.Open != 2 || s.All.NotReturned != 3 || !s.End.Equal(at("2025-03-04 23:59:59")) {
				t.Errorf("summary %+v", s)
			}
			if l, _ := callerLine(r, "13700000041"); l.Open {
				t.Errorf("a window that closed inside the range is not open: %+v", l)
			}
		}},
		{name: "without names every number in an extension's role is one", file: "transfer.csv", noNames: true, check: func(t *testing.T, c *Calls, r *Report) {
			if e := extensionLine(r, "1005"); e.Name != "" || e.Rang != 2 {
				t.Errorf("1005 %+v", e)
			}
			if len(r.Extensions) != 3 {
				t.Errorf("extensions %+v", r.Extensions)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.settings
			if s.CountryCode == "" {
				s = defaults
			}
			names := fixtureNames(t)
			if tc.noNames {
				names = nil
			}
			c, r := compareWithReference(t, compared{data: readFixture(t, tc.file), names: names, settings: s, end: tc.end, rows: tc.rows})
			tc.check(t, c, r)
		})
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

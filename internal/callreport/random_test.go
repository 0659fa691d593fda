package callreport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// genPeople are the external people of a generated history, as comparison forms
// (country code 86); genForm writes one as a trunk might.
var genPeople = []string{"13812345678", "13900001111", "2158889999", "1065291234", "75586001234", "15011112222", "+4412345678", "95588"}

func genForm(rnd *rand.Rand, p string) string {
	if strings.HasPrefix(p, "+") || len(p) < 8 {
		return p
	}
	var s string
	switch rnd.IntN(5) {
	case 0:
		s = "+86" + p
	case 1:
		s = "0086" + p
	case 2:
		s = "0" + p
	default:
		s = p
	}
	switch rnd.IntN(6) {
	case 0:
		s = s[:3] + " " + s[3:7] + "-" + s[7:]
	case 1:
		s = "(" + s[:3] + ") " + s[3:]
	}
	return s
}

var (
	genExtensions = []string{"1000", "1001", "1002", "1003", "1004", "1005", "1006", "1007", "6300"}
	genStatuses   = []string{"NO ANSWER", "BUSY", "FAILED", "VOICEMAIL", "no answer", "CONGESTION", ""}
)

// genHistory writes a random history of multi-leg calls: ring groups with at most one
// answered leg (sometimes none, sometimes voicemail), transfers, repeat callers with
// numbers in several forms, call-backs answered or not at random distances, internal
// calls, other types, empty callids, times and durations that are not numbers; the
// rows shuffled or not. Every call starts at its own second, so that "the latest
// call" is never a tie.
func genHistory(rnd *rand.Rand) []byte {
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.Write([]string{"callid", "timestart", "callfrom", "callto", "callduraction", "talkduraction", "srctrunkname", "dsttrunkname", "status", "type", "pincode", "recording", "didnumber", "sn"})
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	slots := rnd.Perm(5 * 86400 / 40)
	var rows [][]string
	calls := 1 + rnd.IntN(250)
	for i := range calls {
		start := base.Add(time.Duration(slots[i]*40) * time.Second)
		callid := fmt.Sprintf("%d.%d", start.Unix()-8*3600, 100+i)
		if rnd.IntN(40) == 0 {
			callid = ""
		}
		leg := func(offset int, from, to, status, kind string) {
			ts := start.Add(time.Duration(offset) * time.Second).Format(time.DateTime)
			if rnd.IntN(150) == 0 {
				ts = "n/a"
			}
			dur, talk := fmt.Sprint(rnd.IntN(40)), "0"
			if strings.EqualFold(status, "ANSWERED") {
				t := 1 + rnd.IntN(600)
				dur, talk = fmt.Sprint(t+rnd.IntN(30)), fmt.Sprint(t)
			}
			if rnd.IntN(60) == 0 {
				dur = ""
			}
			if rnd.IntN(80) == 0 {
				talk = "x"
			}
			rows = append(rows, []string{callid, ts, from, to, dur, talk, "", "", status, kind, "", "", "", "369392534749"})
		}
		ext := func() string { return genExtensions[rnd.IntN(len(genExtensions))] }
		answer := func(p int) string {
			if rnd.IntN(100) < p {
				return []string{"ANSWERED", "answered"}[rnd.IntN(2)]
			}
			return genStatuses[rnd.IntN(len(genStatuses))]
		}
		person := genForm(rnd, genPeople[rnd.IntN(len(genPeople))])
		if rnd.IntN(30) == 0 {
			person = []string{"", "anonymous", "+86"}[rnd.IntN(3)]
		}
		switch k := rnd.IntN(100); {
		case k < 45: // inbound: one leg, or a ring group, maybe then a transfer
			members := rnd.Perm(len(genExtensions))[:1+rnd.IntN(4)]
			answeredBy := -1
			if rnd.IntN(100) < 55 {
				answeredBy = rnd.IntN(len(members))
			}
			kind := []string{"Inbound", "inbound", "Inbound "}[rnd.IntN(3)]
			for j, m := range members {
				status := answer(0)
				if j == answeredBy {
					status = "ANSWERED"
				}
				leg(rnd.IntN(3)*min(j, 1), person, genExtensions[m], status, kind)
			}
			if answeredBy >= 0 && rnd.IntN(5) == 0 {
				leg(5+rnd.IntN(30), genExtensions[members[answeredBy]], ext(), answer(70), "Transfer")
			}
		case k < 75:
			leg(0, ext(), person, answer(60), "Outbound")
		case k < 90:
			leg(0, ext(), ext(), answer(70), "Internal")
		default:
			leg(0, person, ext(), answer(50), []string{"Callback", "", "Weird"}[rnd.IntN(3)])
		}
	}
	if rnd.IntN(2) == 0 {
		rnd.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	}
	w.WriteAll(rows)
	return out.Bytes()
}

// TestRandomHistories compares every figure with the reference on generated
// histories, with random settings, names or none, a range end or none, and a random
// subset of rows (what a filter leaves) or every row.
func TestRandomHistories(t *testing.T) {
	rnd := rand.New(rand.NewPCG(8, 2025))
	hours := []string{"Mon-Fri 09:00-18:00", "Mon-Sat 08:30-17:30", "Sun-Thu 8:00-16:00", "Sat 00:00-24:00"}
	iterations := 300
	if testing.Short() {
		iterations = 60
	}
	for i := range iterations {
		data := genHistory(rnd)
		s := DefaultSettings()
		s.CallbackWindow = []time.Duration{time.Hour, 24 * time.Hour, 48 * time.Hour}[rnd.IntN(3)]
		s.IgnoreShorter = []time.Duration{0, 3 * time.Second, 10500 * time.Millisecond}[rnd.IntN(3)]
		var err error
		if s.BusinessHours, err = ParseBusinessHours(hours[rnd.IntN(len(hours))]); err != nil {
			t.Fatal(err)
		}
		var names map[string]string
		if rnd.IntN(3) > 0 {
			names = map[string]string{"1000": "张伟", "1001": "王芳", "1002": "Alice", "1003": "", " 1004 ": "李娜"}
		}
		var end time.Time
		if rnd.IntN(2) == 0 {
			end = time.Date(2025, 3, 5, 12, 0, 0, 0, time.UTC)
		}
		var rows []int
		if rnd.IntN(2) == 0 {
			rows = []int{}
			for r := range bytes.Count(data, []byte("\n")) - 1 {
				if rnd.IntN(3) == 0 {
					rows = append(rows, r)
				}
			}
		}
		ok := t.Run(fmt.Sprint(i), func(t *testing.T) {
			compareWithReference(t, compared{data: data, names: names, settings: s, end: end, rows: rows})
		})
		if !ok {
			t.Logf("input %d:\n%s", i, data)
			break
		}
	}
}

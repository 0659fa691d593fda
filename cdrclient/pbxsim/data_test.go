package pbxsim

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeRange is WriteCSV for a range given as API times.
func writeRange(t *testing.T, s *Server, exts []string, start, end string) []byte {
	t.Helper()
	return []byte(expectedCSV(t, s, exts, start, end))
}

func TestSameWindowSameBytes(t *testing.T) {
	a := writeRange(t, New(Options{Seed: 7}), nil, "2023-06-01 00:00:00", "2023-06-07 23:59:59")
	b := writeRange(t, New(Options{Seed: 7}), nil, "2023-06-01 00:00:00", "2023-06-07 23:59:59")
	c := writeRange(t, New(Options{Seed: 8}), nil, "2023-06-01 00:00:00", "2023-06-07 23:59:59")
	if !bytes.Equal(a, b) {
		t.Error("the same seed and window gave different bytes")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same history")
	}
}

func TestWindowsAddUpToRange(t *testing.T) {
	s := New(Options{})
	tests := []struct {
		name    string
		windows [][2]string
	}{
		{"days", [][2]string{
			{"2024-02-28 00:00:00", "2024-02-28 23:59:59"},
			{"2024-02-29 00:00:00", "2024-02-29 23:59:59"},
			{"2024-03-01 00:00:00", "2024-03-02 23:59:59"},
		}},
		{"odd cuts", [][2]string{
			{"2024-02-28 00:00:00", "2024-02-28 13:27:05"},
			{"2024-02-28 13:27:06", "2024-03-01 09:00:00"},
			{"2024-03-01 09:00:01", "2024-03-01 09:00:01"},
			{"2024-03-01 09:00:02", "2024-03-02 23:59:59"},
		}},
	}
	whole := readCSV(t, writeRange(t, s, []string{"1006"}, "2024-02-28 00:00:00", "2024-03-02 23:59:59"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var joined [][]string
			for _, w := range tt.windows {
				recs := readCSV(t, writeRange(t, s, []string{"1006"}, w[0], w[1]))
				joined = append(joined, recs[1:]...)
			}
			if !slices.EqualFunc(joined, whole[1:], slices.Equal) {
				t.Fatalf("windows gave %d rows, the whole range %d", len(joined), len(whole)-1)
			}
		})
	}
}

func TestCSVRowsAreConsistent(t *testing.T) {
	s := New(Options{})
	recs := readCSV(t, writeRange(t, s, nil, "2024-01-01 00:00:00", "2024-01-31 23:59:59"))
	if !slices.Equal(recs[0], Columns()) {
		t.Fatalf("header %v", recs[0])
	}
	loc := DefaultLocation()
	statuses := map[string]bool{"ANSWERED": true, "NO ANSWER": true, "BUSY": true, "FAILED": true, "VOICEMAIL": true}
	types := map[string]bool{"Inbound": true, "Outbound": true, "Internal": true, "Transfer": true, "Callback": true}
	prev := ""
	for i, r := range recs[1:] {
		call, talk := atoi(t, r[4]), atoi(t, r[5])
		switch {
		case talk < 0 || call < talk:
			t.Errorf("row %d: callduraction %d < talkduraction %d", i, call, talk)
		case talk != 0 && (r[8] == "NO ANSWER" || r[8] == "BUSY" || r[8] == "FAILED"):
			t.Errorf("row %d: talk %d on %s", i, talk, r[8])
		case !statuses[r[8]] || !types[r[9]]:
			t.Errorf("row %d: status %q type %q", i, r[8], r[9])
		case r[1] < prev:
			t.Errorf("row %d: %s before %s", i, r[1], prev)
		case r[13] != DefaultSerialNumber:
			t.Errorf("row %d: sn %q", i, r[13])
		case r[11] != "" && (!strings.HasSuffix(r[11], ".wav") || !strings.Contains(r[11], "-"+r[0]+"-")):
			t.Errorf("row %d: recording %q", i, r[11])
		}
		prev = r[1]
		checkCallID(t, r, loc)
	}
}

// checkCallID checks that the callid's seconds are timestart read in loc.
func checkCallID(t *testing.T, r []string, loc *time.Location) {
	t.Helper()
	secs, seq, ok := strings.Cut(r[0], ".")
	if !ok || seq == "" {
		t.Fatalf("callid %q", r[0])
	}
	start, err := time.ParseInLocation(TimeLayout, r[1], loc)
	if err != nil {
		t.Fatal(err)
	}
	if start.Unix() != int64(atoi(t, secs)) {
		t.Fatalf("callid %s is not timestart %s in %s", r[0], r[1], loc)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

func TestCallIDInOtherZones(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("EST", -5*3600), time.FixedZone("NPT", 5*3600+45*60)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny) // covers both daylight-saving changes
	}
	for _, loc := range zones {
		s := New(Options{Location: loc})
		for _, r := range [][2]string{{"2024-03-09 00:00:00", "2024-03-11 23:59:59"}, {"2024-11-02 00:00:00", "2024-11-04 23:59:59"}} {
			for _, rec := range readCSV(t, writeRange(t, s, nil, r[0], r[1]))[1:] {
				checkCallID(t, rec, loc)
			}
		}
	}
}

func TestHistoryIsRealistic(t *testing.T) {
	data := writeRange(t, New(Options{}), nil, "2024-01-01 00:00:00", "2024-01-31 23:59:59")
	recs := readCSV(t, data)[1:]
	has := func(pred func(r []string) bool) bool { return slices.ContainsFunc(recs, pred) }
	checks := map[string]func(r []string) bool{
		"leading-zero number": func(r []string) bool { return strings.HasPrefix(r[2], "0755") || strings.HasPrefix(r[3], "010") },
		"+86 number":          func(r []string) bool { return strings.HasPrefix(r[2], "+86") || strings.HasPrefix(r[3], "+86") },
		"mobile":              func(r []string) bool { return strings.HasPrefix(r[3], "13") && len(r[3]) == 11 },
		"trunk with comma":    func(r []string) bool { return strings.Contains(r[6]+r[7], ",") },
		"trunk with quote":    func(r []string) bool { return strings.Contains(r[6]+r[7], `"`) },
		"Chinese trunk":       func(r []string) bool { return strings.Contains(r[6]+r[7], "电信") },
		"formula-like trunk":  func(r []string) bool { return strings.HasPrefix(r[6], "=") || strings.HasPrefix(r[7], "=") },
		"pincode":             func(r []string) bool { return r[10] != "" },
		"recording":           func(r []string) bool { return r[11] != "" },
		"didnumber":           func(r []string) bool { return r[12] != "" },
		"VOICEMAIL":           func(r []string) bool { return r[8] == "VOICEMAIL" },
		"FAILED":              func(r []string) bool { return r[8] == "FAILED" },
		"BUSY":                func(r []string) bool { return r[8] == "BUSY" },
		"Callback":            func(r []string) bool { return r[9] == "Callback" },
		"IVR":                 func(r []string) bool { return r[3] == ivrNumber },
	}
	for name, pred := range checks {
		if !has(pred) {
			t.Errorf("no row with %s", name)
		}
	}
	if !bytes.Contains(data, []byte(`"Main ""Office"" Line"`)) {
		t.Error("quote in trunk name not doubled")
	}
}

func TestCallsPerDay(t *testing.T) {
	for _, perDay := range []int{40, 120, 2700} {
		s := New(Options{CallsPerDay: perDay})
		// Four whole weeks; no field holds a line break, so lines are rows.
		rows := bytes.Count(writeRange(t, s, nil, "2024-01-01 00:00:00", "2024-01-28 23:59:59"), []byte("\n")) - 1
		mean := float64(rows) / 28
		if mean < 0.9*float64(perDay) || mean > 1.12*float64(perDay) {
			t.Errorf("CallsPerDay %d: %.1f rows a day", perDay, mean)
		}
	}
}

func TestWriteCSVUnknownExtension(t *testing.T) {
	var b bytes.Buffer
	if err := New(Options{}).WriteCSV(&b, []string{"1000", "9999"}, testStart, testStart); err == nil {
		t.Error("no error for extension 9999")
	}
}

func TestAnyDateHasCalls(t *testing.T) {
	s := New(Options{})
	for _, day := range []string{"1999-12-31", "2000-02-29", "2020-05-18", "2038-01-19", "2099-07-01"} {
		if rows := len(readCSV(t, writeRange(t, s, nil, day+" 00:00:00", day+" 23:59:59"))) - 1; rows < 20 {
			t.Errorf("%s: %d rows", day, rows)
		}
	}
}

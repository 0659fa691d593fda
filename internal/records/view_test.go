package records

import (
	"fmt"
	"slices"
	"testing"

	"cdrdesk/cdrclient"
)

// The rows of testdata/basic.csv are referred to by index (r0..r11); the comments
// there in the tests say what each case relies on.

func TestFilterBasic(t *testing.T) {
	tests := []struct {
		name string
		f    Filter
		want []int
	}{
		{"zero value keeps all", Filter{}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"white space only keeps all", Filter{Text: "  \t"}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"extension name", Filter{Text: "张伟"}, []int{1, 2, 8, 9}},
		{"part of an English name, any case", Filter{Text: "ALICE"}, []int{10, 11}},
		{"extension number", Filter{Text: "1008"}, []int{10, 11}},
		{"trunk name in quotes with a comma", Filter{Text: "unicom, BEI"}, []int{1}},
		{"escaped quotes in a trunk name", Filter{Text: `"office"`}, []int{5}},
		{"chinese trunk name", Filter{Text: "电信"}, []int{4}},
		{"did number", Filter{Text: "0755"}, []int{1, 7}},
		{"pincode and did numbers", Filter{Text: "8001"}, []int{4, 5, 6}},
		{"recording name, trimmed", Filter{Text: "  .33-  "}, []int{1}},
		{"leading plus kept", Filter{Text: "+86"}, []int{4}},
		{"callid text", Filter{Text: "garb"}, []int{8}},
		{"status is not searched", Filter{Text: "answ"}, []int{}},
		{"timestart is not searched", Filter{Text: "2025-01"}, []int{}},
		{"no match", Filter{Text: "zzz"}, []int{}},
		{"statuses compare exactly", Filter{Statuses: []string{"ANSWERED"}}, []int{1, 2, 4, 9, 11}},
		{"unknown status kept verbatim", Filter{Statuses: []string{"CONGESTION", "answered"}}, []int{3, 8}},
		{"types", Filter{Types: []string{"Inbound", "Callback"}}, []int{1, 4, 6, 7, 8}},
		{"all three", Filter{Text: "138", Statuses: []string{"ANSWERED"}, Types: []string{"Inbound"}}, []int{1, 4}},
		{"a status no row has", Filter{Statuses: []string{"NOPE"}}, []int{}},
	}
	for _, e := range encodings {
		for _, tc := range tests {
			t.Run(e.name+"/"+tc.name, func(t *testing.T) {
				v := NewView(encodedFixture(t, "basic.csv", e), fixtureNames(t))
				v.Apply(tc.f, Sort{})
				if got := v.Rows(); !slices.Equal(got, tc.want) {
					t.Errorf("Rows() = %v, want %v", got, tc.want)
				}
				if v.Len() != len(tc.want) {
					t.Errorf("Len() = %d, want %d", v.Len(), len(tc.want))
				}
			})
		}
	}
}

func TestSortBasic(t *testing.T) {
	tests := []struct {
		s    Sort
		want []int
	}{
		{Sort{}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		// Numerically, ties (r0 r7 r10 at 0) in PBX order, empty r5 r8 last.
		{Sort{Column: "talkduraction"}, []int{0, 7, 10, 11, 3, 9, 2, 6, 1, 4, 5, 8}},
		{Sort{Column: "talkduraction", Descending: true}, []int{4, 1, 6, 2, 9, 3, 11, 0, 7, 10, 5, 8}},
		// "n/a" (r5) after the numbers, empty (r8) last.
		{Sort{Column: "callduraction"}, []int{11, 7, 10, 3, 0, 9, 2, 6, 1, 4, 5, 8}},
		{Sort{Column: "callduraction", Descending: true}, []int{5, 4, 1, 6, 2, 9, 0, 3, 10, 7, 11, 8}},
		// By seconds then sequence (.33 < .324), "garbage" after, empty last.
		{Sort{Column: "callid"}, []int{1, 2, 3, 0, 4, 5, 6, 7, 9, 11, 8, 10}},
		{Sort{Column: "callid", Descending: true}, []int{8, 9, 11, 7, 6, 5, 4, 0, 3, 2, 1, 10}},
		// As text: "bad time" after the dates, empty r6 last.
		{Sort{Column: "timestart"}, []int{10, 1, 2, 3, 0, 4, 5, 7, 8, 9, 11, 6}},
		{Sort{Column: "timestart", Descending: true}, []int{11, 9, 7, 8, 5, 4, 0, 3, 1, 2, 10, 6}},
		// Numbers as text: "+" before "0" before "1", "1000" (r2 r9) before "1001".
		{Sort{Column: "callfrom"}, []int{4, 6, 2, 9, 0, 5, 8, 10, 11, 3, 7, 1}},
		{Sort{Column: "srctrunkname"}, []int{7, 6, 1, 4, 0, 2, 3, 5, 8, 9, 10, 11}},
		{Sort{Column: "srctrunkname", Descending: true}, []int{4, 1, 6, 7, 0, 2, 3, 5, 8, 9, 10, 11}},
		{Sort{Column: "desttrunkname"}, []int{0, 10, 5, 1, 2, 3, 4, 6, 7, 8, 9, 11}},
		{Sort{Column: " STATUS "}, []int{1, 2, 4, 9, 11, 7, 8, 5, 0, 10, 6, 3}},
		{Sort{Column: "no such column", Descending: true}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
	}
	for _, e := range encodings {
		for _, tc := range tests {
			t.Run(fmt.Sprintf("%s/%s/desc=%v", e.name, tc.s.Column, tc.s.Descending), func(t *testing.T) {
				v := NewView(encodedFixture(t, "basic.csv", e), fixtureNames(t))
				v.Apply(Filter{}, tc.s)
				if got := v.Rows(); !slices.Equal(got, tc.want) {
					t.Errorf("Rows() = %v, want %v", got, tc.want)
				}
				if v.Sort() != tc.s {
					t.Errorf("Sort() = %+v, want %+v", v.Sort(), tc.s)
				}
			})
		}
	}
}

func TestSortAfterFilter(t *testing.T) {
	v := NewView(fixture(t, "basic.csv"), fixtureNames(t))
	v.Apply(Filter{Types: []string{"Internal", "Outbound"}}, Sort{Column: "talkduraction", Descending: true})
	// Internal r3 (18) r9 (40) r11 (5); Outbound r0 (0) r5 (empty) r10 (0).
	if want := []int{9, 3, 11, 0, 10, 5}; !slices.Equal(v.Rows(), want) {
		t.Errorf("Rows() = %v, want %v", v.Rows(), want)
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		column string
		want   []string
	}{
		{"status", []string{"ANSWERED", "BUSY", "CONGESTION", "FAILED", "NO ANSWER", "VOICEMAIL", "answered"}},
		{"Type", []string{"Callback", "Inbound", "Internal", "Outbound", "Transfer"}},
		{"dstrunkname", []string{"China Telecom SIP", "GSM-移动", `Main "Office" Line`}},
		{"pincode", []string{"66", "8001"}},
		{"no such column", nil},
	}
	for _, e := range encodings {
		v := NewView(encodedFixture(t, "basic.csv", e), nil)
		for _, tc := range tests {
			t.Run(e.name+"/"+tc.column, func(t *testing.T) {
				got := v.Values(tc.column)
				if !slices.Equal(got, tc.want) {
					t.Errorf("Values(%q) = %q, want %q", tc.column, got, tc.want)
				}
				if len(got) > 0 {
					got[0] = "changed" // the caller's copy: the next call is unaffected
					if again := v.Values(tc.column); again[0] != tc.want[0] {
						t.Errorf("Values(%q) changed by its caller: %q", tc.column, again)
					}
				}
			})
		}
	}
}

func TestValuesCap(t *testing.T) {
	// 120 distinct numbers in a shuffled order: the 50 smallest are kept.
	csv := []byte("callfrom,status\n")
	var all []string
	for i := range 120 {
		n := fmt.Sprintf("%03d", (i*37)%120)
		all = append(all, n)
		csv = fmt.Appendf(csv, "%s,ANSWERED\n%s,BUSY\n", n, n)
	}
	slices.Sort(all)
	v := NewView(parseTable(t, csv), nil)
	if got := v.Values(cdrclient.ColCallFrom); !slices.Equal(got, all[:maxValues]) {
		t.Errorf("Values = %q, want %q", got, all[:maxValues])
	}
	if got := v.Values(cdrclient.ColStatus); !slices.Equal(got, []string{"ANSWERED", "BUSY"}) {
		t.Errorf("Values(status) = %q", got)
	}
}

// TestValuesFromCodes: once the facts are built (a filter needed them),
// the status and type values come from their codes; they must be what reading every
// field gives, whatever the column holds: empty fields, case variants, more values
// than Values lists, more than the codes can number.
func TestValuesFromCodes(t *testing.T) {
	tests := []struct {
		name     string
		distinct int // status values besides the usual ones
	}{
		{"usual values", 0},
		{"more than Values lists", 70},
		{"more than the codes number", 300},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			csv := []byte("callfrom,status,type\n")
			for i := range 2000 {
				status := []string{"ANSWERED", "answered", "", "NO ANSWER", "BUSY"}[i%5]
				if tc.distinct > 0 && i%3 == 0 {
					status = fmt.Sprintf("S%03d", (i*7)%tc.distinct)
				}
				kind := []string{"Inbound", "Outbound", "", "Internal"}[i%4]
				csv = fmt.Appendf(csv, "%d,%s,%s\n", 1000+i%9, status, kind)
			}
			table := parseTable(t, csv)
			for _, column := range []string{cdrclient.ColStatus, cdrclient.ColType, cdrclient.ColCallFrom} {
				want := NewView(table, nil).Values(column) // every field read
				coded := NewView(table, nil)
				buildFactsByFilter(t, coded)
				if got := coded.Values(column); !slices.Equal(got, want) {
					t.Errorf("Values(%q) with facts = %q, want %q", column, got, want)
				}
			}
		})
	}
	// A table without the column has no values, facts or not.
	v := NewView(parseTable(t, []byte("callfrom\n1000\n")), nil)
	buildFactsByFilter(t, v)
	if got := v.Values(cdrclient.ColStatus); got != nil {
		t.Errorf("Values(status) of a table without it = %q", got)
	}
}

// buildFactsByFilter has v derive its facts the way the window does, by a quick
// filter, and fails if it did not (the test would then not read the codes).
func buildFactsByFilter(t *testing.T, v *View) {
	t.Helper()
	v.Apply(Filter{Statuses: []string{"ANSWERED"}}, Sort{})
	if v.facts == nil {
		t.Fatal("a status filter did not build the facts")
	}
}

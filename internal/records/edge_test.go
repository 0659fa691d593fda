package records

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"cdrdesk/cdrclient"
)

// edgeCSV has values at the edges of each rule: numbers too large for int64 or for
// a duration, signs, spaces and leading zeros; callids without a part; timestart
// with a trailing space or out of shape; text that shares a long prefix and a
// 16-byte window, or differs only by a trailing NUL; a call to oneself.
const edgeCSV = "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type\n" +
	"18446744073709551616.1,2025-02-01 10:00:00,1000,1000,4294967295,4294967294,Trunk 0123456789abcdefXYZ-2,,ANSWERED,Internal\n" +
	"1.99999999999999999999,2025-02-01 10:00:01 ,1001,1000,99999999999999999999, 42 ,Trunk 0123456789abcdefXYZ-1,,ANSWERED,Internal\n" +
	"1.5,2025-02-01 09:00:00,1002,1003,-5,+5,Trunk 0123456789abcdef,,NO ANSWER,Outbound\n" +
	"01.05,2025-02-01 09:00:00,1003,1002,0042,0,Trunk 0123456789abcdeg,,BUSY,Outbound\n" +
	"1.5 ,2025-02-29 10:00:00,1004,1005,7,7,Trunk 0123456789abcdefXYZ-1,,ANSWERED,Inbound\n" +
	".5,,1005,1004,7,7,Trunk 0123456789abcde,,ANSWERED,Inbound\n" +
	"5.,x,1006,1007,7,7,\"Trunk 0123456789abcde\x00\",,ANSWERED,INBOUND\n" +
	"1.5,1999-12-31 23:59:59,1007,1006,,,Trunk 0123456789abcdefXYZ-10,,,\n" +
	"2.0,2025-02-01 10:00:01,1000,1001,1,1,Trunk 0123456789abcdefXYZ-1,,ANSWERED,Internal\n"

func edgeNames() map[string]string {
	return map[string]string{"1000": "甲", "1001": "乙", "1002": "丙", "1003": "丁", "1004": "戊", "": "nobody"}
}

func TestModelEdgeValues(t *testing.T) {
	tbl := parseTable(t, []byte(edgeCSV))
	checkModel(t, tbl, edgeNames())

	v := NewView(tbl, edgeNames())
	v.Apply(Filter{}, Sort{Column: cdrclient.ColSrcTrunk})
	// Byte order: "…abcde" < "…abcde\x00" < "…abcdef" < "…abcdefXYZ-1" (3 rows, PBX
	// order) < "…-10" < "…-2" < "…abcdeg".
	if want := []int{5, 6, 2, 1, 4, 8, 7, 0, 3}; !slices.Equal(v.Rows(), want) {
		t.Errorf("by srctrunkname: %v, want %v", v.Rows(), want)
	}
	v.Apply(Filter{}, Sort{Column: cdrclient.ColCallID})
	// 1.5 (rows 2, 7), 01.05 (row 3) and "1.5 " (row 4) are equal, then 2.0, then the
	// texts ".5", "1.99999999999999999999" (too large), "18446744073709551616.1", "5.".
	if want := []int{2, 3, 4, 7, 8, 5, 1, 0, 6}; !slices.Equal(v.Rows(), want) {
		t.Errorf("by callid: %v, want %v", v.Rows(), want)
	}
}

func TestEmptyTables(t *testing.T) {
	empty := cdrclient.NewTable()
	if err := empty.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		tbl  *cdrclient.Table
	}{
		{"no bytes", empty},
		{"header only", fixture(t, "header-only.csv")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(tc.tbl, fixtureNames(t))
			for _, s := range modelSorts() {
				v.Apply(Filter{Text: "1000", Statuses: []string{"ANSWERED"}}, s)
				if v.Len() != 0 || len(v.Rows()) != 0 {
					t.Errorf("sort %+v: rows %v", s, v.Rows())
				}
			}
			if got := v.Values(cdrclient.ColStatus); len(got) != 0 {
				t.Errorf("Values = %q", got)
			}
		})
	}
}

func TestMissingColumns(t *testing.T) {
	// CallFrom,callto,Status,note; row 2 lacks the note.
	v := NewView(fixture(t, "missing-columns.csv"), fixtureNames(t))
	v.Apply(Filter{Text: "1000"}, Sort{Column: cdrclient.ColTalkDuration, Descending: true})
	if want := []int{0, 1}; !slices.Equal(v.Rows(), want) {
		t.Errorf("rows %v, want %v", v.Rows(), want)
	}
	v.Apply(Filter{Text: "quoted"}, Sort{}) // note is not searched
	if v.Len() != 0 {
		t.Errorf("rows %v, want none", v.Rows())
	}
	v.Apply(Filter{Types: []string{"Inbound"}}, Sort{}) // no type column: every type is ""
	if v.Len() != 0 {
		t.Errorf("rows %v, want none", v.Rows())
	}
	v.Apply(Filter{}, Sort{Column: "note"})
	if want := []int{0, 1, 2}; !slices.Equal(v.Rows(), want) { // "first" < "quoted, note" < ""
		t.Errorf("by note: %v, want %v", v.Rows(), want)
	}
}

func TestManyStatuses(t *testing.T) {
	// More distinct statuses than one-byte codes: the later ones are compared by
	// their text.
	csv := []byte("callid,status,type\n")
	for i := range 700 {
		csv = fmt.Appendf(csv, "%d.1,S%d,T%d\n", i, i%300, i%3)
	}
	tbl := parseTable(t, csv)
	for _, f := range []Filter{
		{Statuses: []string{"S1", "S299", "S260"}},
		{Statuses: []string{"S254"}, Types: []string{"T1", "T2"}},
		{Statuses: []string{"S255", "none"}},
		{Types: []string{"T0"}},
	} {
		v := NewView(tbl, nil)
		v.split = splitter{workers: 4, minRows: 50}
		v.Apply(f, Sort{})
		if want := refFilter(tbl, nil, f); !slices.Equal(v.Rows(), want) || len(want) == 0 && f.Statuses[1] != "none" {
			t.Errorf("%+v: rows %v, want %v", f, v.Rows(), want)
		}
	}
}

func TestRowsAreSnapshots(t *testing.T) {
	tbl := fixture(t, "basic.csv")
	names := fixtureNames(t)
	v := NewView(tbl, names)
	statuses := []string{"ANSWERED"}
	v.Apply(Filter{Statuses: statuses}, Sort{Column: cdrclient.ColTalkDuration})
	first := v.Rows()
	kept := slices.Clone(first)
	statuses[0] = "BUSY"      // the caller's slice changes after Apply
	names["1000"] = "someone" // and so does its names map
	v.Apply(Filter{}, Sort{Column: cdrclient.ColCallFrom, Descending: true})
	if !slices.Equal(first, kept) {
		t.Errorf("an earlier Rows slice changed: %v, was %v", first, kept)
	}
	v.Apply(Filter{Text: "张伟", Statuses: statuses[:0]}, Sort{})
	if want := []int{1, 2, 8, 9}; !slices.Equal(v.Rows(), want) {
		t.Errorf("names changed after NewView: rows %v, want %v", v.Rows(), want)
	}
	f := v.Filter()
	f.Statuses = append(f.Statuses, "x")
	if got := v.Filter(); !reflect.DeepEqual(got, Filter{Text: "张伟", Statuses: []string{}}) {
		t.Errorf("Filter() = %#v", got)
	}
}

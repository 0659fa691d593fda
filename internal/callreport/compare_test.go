package callreport

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// compared is one input given to the package and to the reference.
type compared struct {
	data     []byte
	names    map[string]string
	settings Settings
	end      time.Time
	rows     []int // nil: every call
}

// compareWithReference checks every figure of the package against the reference and
// returns the package's report, for checks of particular figures.
func compareWithReference(t *testing.T, in compared) (*Calls, *Report) {
	t.Helper()
	calls, err := Fold(context.Background(), Input{Table: parseTable(t, in.data), Names: in.names, Settings: in.settings, End: in.end})
	if err != nil {
		t.Fatal(err)
	}
	rep := calls.Report(in.rows)
	ref := refFold(refParse(t, in.data), in.settings, in.end)
	ref.selectRows(in.rows)

	same(t, "summary", rep.Summary, ref.summary())
	same(t, "days", rep.Days, ref.days())
	h, wh := ref.hours()
	same(t, "hours", rep.Hours, h)
	same(t, "weekday × hour", rep.WeekHours, wh)
	same(t, "extensions", rep.Extensions, ref.extensions(in.names))

	var got []refCaller
	for _, l := range rep.Unreturned {
		rows := calls.RowsOf(l.Calls)
		l.Calls = nil
		got = append(got, refCaller{Caller: l, rows: rows})
	}
	want := ref.unreturned()
	if len(got) != len(want) {
		t.Errorf("unreturned: %d lines, reference %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
	} else {
		for i := range got {
			same(t, fmt.Sprintf("unreturned line %d", i), got[i], want[i])
		}
	}
	compareCalls(t, calls, rep, ref)
	return calls, rep
}

// compareCalls checks each reported call against the reference call with the same rows.
func compareCalls(t *testing.T, calls *Calls, rep *Report, ref *refModel) {
	t.Helper()
	byRow := map[int]*refCall{}
	for _, c := range ref.selectedCalls() {
		byRow[c.legs[0].row] = c
	}
	if len(rep.Calls) != len(byRow) {
		t.Errorf("%d calls reported, reference %d", len(rep.Calls), len(byRow))
	}
	var last time.Time
	untimed := false
	for k, i := range rep.Calls {
		rows := calls.Rows(i)
		c := byRow[rows[0]]
		if c == nil {
			t.Errorf("call %d (rows %v) is not a reference call", i, rows)
			continue
		}
		var refRows []int
		for _, l := range c.legs {
			refRows = append(refRows, l.row)
		}
		same(t, fmt.Sprintf("rows of call %d", i), rows, refRows)
		got := calls.Call(i)
		want := Call{Start: c.start, Type: calls.t.Field(c.earliest.row, calls.t.Column("type")),
			Direction: map[string]Direction{"inbound": Inbound, "outbound": Outbound, "internal": Internal}[c.kind],
			Answered:  c.answered, Missed: c.missed, Open: c.open, TalkSeconds: int64(c.talk),
			Number: c.number, NumberKey: c.key, Legs: len(c.legs)}
		if c.number == "" {
			want.NumberKey = ""
		}
		switch {
		case c.returned:
			want.Callback = Returned
		case c.tried:
			want.Callback = Tried
		case c.missed:
			want.Callback = NotReturned
		}
		if !c.start.IsZero() {
			want.InHours = ref.inHours(c.start)
		}
		same(t, fmt.Sprintf("call %d (rows %v)", i, rows), got, want)
		for _, r := range rows {
			if calls.CallOf(r) != i {
				t.Errorf("CallOf(%d) = %d, want %d", r, calls.CallOf(r), i)
			}
		}
		// Reported by start, calls without a time last.
		switch {
		case k > 0 && untimed && !got.Start.IsZero():
			t.Errorf("call %d (%v) reported after a call without a time", i, got.Start)
		case !got.Start.IsZero() && got.Start.Before(last):
			t.Errorf("call %d (%v) reported after a later one (%v)", i, got.Start, last)
		}
		untimed = untimed || got.Start.IsZero()
		last = got.Start
	}
}

// same reports a difference between got and want.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

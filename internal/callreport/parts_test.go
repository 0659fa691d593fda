package callreport

import (
	"bytes"
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestPartsGiveTheSameReport folds generated histories read in many small concurrent
// parts and in one, and compares every figure: run with -race, it also checks that
// the parts share nothing they write.
func TestPartsGiveTheSameReport(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	var data bytes.Buffer
	for i := range 30 { // one header, then the rows of 30 histories: a few thousand rows
		h := genHistory(rnd)
		if i > 0 {
			h = h[bytes.IndexByte(h, '\n')+1:]
		}
		data.Write(h)
	}
	tab := parseTable(t, data.Bytes())
	if tab.Len() < 1000 {
		t.Fatalf("only %d rows", tab.Len())
	}
	report := func(split splitter) *Report {
		in := Input{Table: tab, Names: map[string]string{"1000": "a", "1001": "b"}, Settings: DefaultSettings(), split: split}
		c, err := Fold(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		return c.Report(nil)
	}
	one := report(splitter{workers: 1, minPart: 1 << 30})
	many := report(splitter{workers: 7, minPart: 2})
	if !reflect.DeepEqual(one, many) {
		t.Errorf("7 parts and 1 part differ:\n%+v\n%+v", many.Summary, one.Summary)
	}
	if len(one.Unreturned) < 4 || one.Summary.All.Calls < 1000 {
		t.Errorf("too little to compare: %+v", one.Summary)
	}
}

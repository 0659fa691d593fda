package callreport

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestEncodingsGiveTheSameReport: the same history sent as UTF-8 with CRLF and a byte
// order mark, or in GB18030 as Chinese PBXs send it (trunk names in Chinese, quoted
// fields), gives the same report as plain UTF-8.
func TestEncodingsGiveTheSameReport(t *testing.T) {
	plain := readFixture(t, "numbers.csv")
	// Chinese trunk names, one with a comma (quoted) and one with quotes.
	plain = bytes.Replace(plain, []byte(",Telecom,"), []byte(",电信中继,"), 3)
	plain = bytes.Replace(plain, []byte(",Telecom,"), []byte(`,"联通, 北京",`), 2)
	plain = bytes.Replace(plain, []byte(",Telecom,"), []byte(`,"主""线""",`), 1)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(plain, []byte("\n"), []byte("\r\n"))...)
	report := func(data []byte) *Report {
		c, err := Fold(context.Background(), Input{Table: parseTable(t, data), Names: fixtureNames(t), Settings: DefaultSettings()})
		if err != nil {
			t.Fatal(err)
		}
		return c.Report(nil)
	}
	want := report(plain)
	if want.Summary.All.Calls != 11 || want.Summary.Returned != 3 {
		t.Fatalf("plain UTF-8: %+v", want.Summary)
	}
	for name, data := range map[string][]byte{"utf8-crlf-bom": crlf, "gb18030": gb} {
		if got := report(data); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
	}
}

// TestMissingColumns: a table without some columns still folds; the missing fields
// read as empty (no time, no type), so nothing is counted that was not sent.
func TestMissingColumns(t *testing.T) {
	data := "callid,callfrom,status\n1.1,13800000000,ANSWERED\n1.1,13800000000,NO ANSWER\n,1000,BUSY\n"
	compareWithReference(t, compared{data: []byte(data), settings: DefaultSettings()})
	c, err := Fold(context.Background(), Input{Table: parseTable(t, []byte(data)), Settings: DefaultSettings()})
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Report(nil).Summary; s.All.Calls != 2 || s.Legs != 3 || s.Untimed != 2 || s.Other != 2 || s.All.Answered != 1 {
		t.Errorf("summary %+v", s)
	}
	empty, err := Fold(context.Background(), Input{Table: parseTable(t, []byte(strings.SplitN(data, "\n", 2)[0]+"\n")), Settings: DefaultSettings()})
	if err != nil {
		t.Fatal(err)
	}
	if r := empty.Report(nil); r.Summary.All.Calls != 0 || len(r.Calls)+len(r.Days)+len(r.Unreturned)+len(r.Extensions) != 0 {
		t.Errorf("header only: %+v, %d calls, %d days, %d unreturned, %d extensions", r.Summary, len(r.Calls), len(r.Days), len(r.Unreturned), len(r.Extensions))
	}
}

func TestFoldCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Fold(ctx, Input{Table: parseTable(t, readFixture(t, "ringgroup.csv")), Settings: DefaultSettings()})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Fold on a cancelled context: %v", err)
	}
}

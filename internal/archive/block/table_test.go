package block

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// TestPBXSecondsAsParsePBXTime: the timestart reader of a commit reads every form
// as cdrclient.ParsePBXTime does, and refuses what it refuses.
func TestPBXSecondsAsParsePBXTime(t *testing.T) {
	for _, s := range []string{
		"2025-03-04 09:30:00", "1970-01-01 00:00:00", "1969-12-31 23:59:59", "0001-01-01 00:00:00",
		"2024-02-29 12:00:00", "2025-02-29 12:00:00", "2100-02-29 00:00:00", "2000-02-29 23:59:59",
		"2025-02-30 10:00:00", "2025-04-31 10:00:00", "2025-12-31 23:59:59", "2025-13-01 00:00:00",
		"2025-00-10 00:00:00", "2025-01-00 00:00:00", "2025-01-01 24:00:00", "2025-01-01 23:60:00",
		"2025-01-01 23:59:60", "2025-01-01 9:30:00", "2025/01/01 09:30:00", "2025-01-01T09:30:00",
		"2025-01-01 09:3a:00", "9999-12-31 23:59:59", "0000-01-01 00:00:00", "0000-02-29 00:00:00",
		"0000-03-01 00:00:00", "0400-02-29 00:00:00", "", "2025-01-01",
	} {
		want, wantOK := cdrclient.ParsePBXTime(s)
		got, ok := pbxSeconds([]byte(s))
		if ok != wantOK || ok && got != want.Unix() {
			t.Errorf("pbxSeconds(%q) = %d, %v; ParsePBXTime: %d, %v", s, got, ok, want.Unix(), wantOK)
		}
	}
	// Every day of four years, a leap year among them, at a second of its own.
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2027; d = d.Add(24*time.Hour + 37*time.Second) {
		s := d.Format(cdrclient.TimeLayout)
		if got, ok := pbxSeconds([]byte(s)); !ok || got != d.Unix() {
			t.Fatalf("pbxSeconds(%q) = %d, %v, want %d", s, got, ok, d.Unix())
		}
	}
}

// BenchmarkFromTable reads a busy office's month by day, as a sync's commit does.
func BenchmarkFromTable(b *testing.B) {
	o, from, _ := pbxsim.BusyYear()
	var csv bytes.Buffer
	if err := pbxsim.New(o).WriteCSV(&csv, nil, from, from.AddDate(0, 1, 0)); err != nil {
		b.Fatal(err)
	}
	t := cdrclient.NewTable()
	t.Write(csv.Bytes())
	if err := t.Close(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(csv.Len()))
	for b.Loop() {
		FromTable(t)
	}
}

// TestFromSpansAsFromTable: a download read by FromSpans gives the header, days,
// record count and serial number that FromTable gives for a Table of the same bytes:
// UTF-8 with CRLF, and GB18030 with LF and a byte order mark, with a row without a
// readable time, a quoted callto and a last row without a line ending added.
func TestFromSpansAsFromTable(t *testing.T) {
	for name, set := range map[string]func(*pbxsim.Options){
		"utf-8, crlf":      func(*pbxsim.Options) {},
		"gb18030, lf, bom": func(o *pbxsim.Options) { o.GBK, o.LF, o.BOM = true, true, true },
	} {
		o, from, _ := pbxsim.BusyYear()
		set(&o)
		var csv bytes.Buffer
		if err := pbxsim.New(o).WriteCSV(&csv, nil, from, from.AddDate(0, 0, 3)); err != nil {
			t.Fatal(err)
		}
		csv.WriteString("1.1,not a time,1001,1002,1,1,,,ANSWERED,Internal,,,,1\n")
		csv.WriteString("1.2,2025-01-02 10:00:00,1001,\"10\"\"02\",1,1,,,ANSWERED,Internal,,,,1\n")
		csv.WriteString("1.3,2025-01-03 10:00:00,1001,1002,1,1,,,ANSWERED,Internal,,,,1")
		tab := cdrclient.NewTable()
		tab.Write(csv.Bytes())
		if err := tab.Close(); err != nil {
			t.Fatal(err)
		}
		wantHeader, wantDays := FromTable(tab)
		spans := cdrclient.NewRowSpans(SpanColumns, nil)
		spans.Write(csv.Bytes())
		if err := spans.Close(); err != nil {
			t.Fatal(err)
		}
		got := FromSpans(spans)
		sn := tab.Field(0, tab.Column(cdrclient.ColSN))
		switch {
		case !bytes.Equal(got.Header, wantHeader):
			t.Errorf("%s: header %q, FromTable's %q", name, got.Header, wantHeader)
		case !reflect.DeepEqual(got.Days, wantDays):
			t.Errorf("%s: the days differ from FromTable's", name)
		case got.Len != tab.Len() || got.SN != sn || sn == "":
			t.Errorf("%s: %d records, sn %q; the table's %d, %q", name, got.Len, got.SN, tab.Len(), sn)
		}
	}
}

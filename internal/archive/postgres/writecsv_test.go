package postgres

import (
	"bytes"
	"context"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// TestWriteCSVIsThePBXs holds the archive to the simulator byte for byte: a few
// weeks committed in windows of a week (every window's CSV as the PBX serves it, in
// the PBX's dialects), then ranges of every kind and extension sets read back.
func TestWriteCSVIsThePBXs(t *testing.T) {
	dialects := []struct {
		name string
		opt  func(*pbxsim.Options)
	}{
		{"default", func(*pbxsim.Options) {}},
		{"LF and BOM", func(o *pbxsim.Options) { o.LF, o.BOM = true, true }},
		{"GBK with Chinese trunk names", func(o *pbxsim.Options) {
			o.GBK = true
			names := pbxsim.TrunkNames()
			o.TrunkNames = map[string]string{names[0]: "太原", names[1]: "北京电信中继"}
		}},
		{"header spelling", func(o *pbxsim.Options) { o.HeaderSpelling = "desttrunkname" }},
	}
	queries := []struct {
		name     string
		from, to time.Time
		exts     []string
		headOnly bool // no record of the answer is in the archive
	}{
		{"everything", day(3, 1), day(3, 29).Add(-time.Second), nil, false},
		{"one day", day(3, 5), day(3, 6).Add(-time.Second), nil, false},
		{"one minute", time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), time.Date(2024, 3, 5, 10, 0, 59, 0, time.UTC), nil, false},
		{"across windows", time.Date(2024, 3, 6, 13, 17, 5, 0, time.UTC), time.Date(2024, 3, 20, 8, 3, 59, 0, time.UTC), nil, false},
		{"one extension", day(3, 1), day(3, 29).Add(-time.Second), []string{"1000"}, false},
		{"three extensions a week", day(3, 10), day(3, 17).Add(-time.Second), []string{"1001", "1006", "1010"}, false},
		{"no extension", day(3, 1), day(3, 29).Add(-time.Second), []string{}, true},
		{"before the archive", day(1, 1), day(1, 31), nil, true},
		{"night hours", time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 9, 6, 59, 59, 0, time.UTC), nil, false},
	}
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			o := pbxsim.DefaultOptions()
			o.CallsPerDay = 400
			d.opt(&o)
			sim := pbxsim.New(o)
			s, _ := newStore(t)
			for from := day(3, 1); from.Before(day(3, 29)); from = from.AddDate(0, 0, 7) {
				commitWindow(t, s, sim, from, from.AddDate(0, 0, 7).Add(-time.Second))
			}
			for _, q := range queries {
				var want []byte
				if q.headOnly {
					// The PBX's header alone (it cannot be asked for no extension).
					all := pbxCSV(t, sim, nil, q.from, q.to)
					want = all[:bytes.IndexByte(all, '\n')+1]
				} else {
					want = pbxCSV(t, sim, q.exts, q.from, q.to)
				}
				got, n := archiveCSV(t, s, testPBX.Key, q.from, q.to, q.exts)
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the archive's CSV is not the PBX's: %s", q.name, firstDiff(got, want))
				}
				if n != rowCount(want) {
					t.Errorf("%s: WriteCSV returned %d records, the PBX sent %d", q.name, n, rowCount(want))
				}
			}
		})
	}
}

// TestWriteCSVOfEveryExtension reads every extension's month alone.
func TestWriteCSVOfEveryExtension(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, _ := newStore(t)
	from, to := day(5, 1), day(6, 1).Add(-time.Second)
	commitWindow(t, s, sim, from, to)
	for _, e := range sim.Extensions() {
		exts := []string{e.Number}
		want := pbxCSV(t, sim, exts, from, to)
		if got, _ := archiveCSV(t, s, testPBX.Key, from, to, exts); !bytes.Equal(got, want) {
			t.Errorf("extension %s: %s", e.Number, firstDiff(got, want))
		}
	}
}

// TestWriteCSVOfUnknownPBX writes nothing for a PBX the archive does not hold.
func TestWriteCSVOfUnknownPBX(t *testing.T) {
	s, _ := newStore(t)
	var b bytes.Buffer
	n, err := s.WriteCSV(context.Background(), &b, "nobody", archive.Range{From: day(1, 1), To: day(2, 1)}, nil)
	if err != nil || n != 0 || b.Len() != 0 {
		t.Errorf("WriteCSV of an unknown PBX = %d records, %d bytes, %v; want nothing", n, b.Len(), err)
	}
}

// TestWriteCSVKeepsRowsAsSent commits rows the PBX could have sent oddly (a quoted
// field with a line break, bytes that are not UTF-8, a NUL, a last row without a
// line ending) and reads them back as they were. A row whose timestart is no time is
// not kept, as in the SQLite archive: no query by time could select it.
func TestWriteCSVKeepsRowsAsSent(t *testing.T) {
	header := "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\r\n"
	rows := []string{
		// Three rows of one second, in an order no column sorts them in.
		"1709251200.3,2024-03-01 08:00:00,1000,1003,5,3,\xff\xfe,,ANSWERED,Internal,,,,SN\r\n",
		"1709251200.1,2024-03-01 08:00:00,1000,1001,5,3,,,ANSWERED,Internal,,,,SN\r\n",
		"1709251200.2,2024-03-01 08:00:00,1000,\"10\n02\",5,3,,,ANSWERED,Internal,,,,SN\r\n",
		"1709251200.4,2024-03-01 08:00:01,1000,1004,5,3,a\x00b,,ANSWERED,Internal,,,,SN\r\n",
		"1709251200.5,not a time,1000,1005,5,3,,,ANSWERED,Internal,,,,SN\r\n",
		"1709251200.6,2024-03-01 08:00:02,1000,1006,5,3,,,ANSWERED,Internal,,,,SN",
	}
	csv := header
	for _, r := range rows {
		csv += r
	}
	s, _ := newStore(t)
	added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tableOf(t, []byte(csv))})
	if err != nil {
		t.Fatal(err)
	}
	if added != len(rows)-1 {
		t.Errorf("added %d rows, want %d", added, len(rows)-1)
	}
	want := header + rows[0] + rows[1] + rows[2] + rows[3] + rows[5] + "\r\n"
	got, n := archiveCSV(t, s, testPBX.Key, day(3, 1), day(3, 2), nil)
	if string(got) != want || n != 5 {
		t.Errorf("WriteCSV gave %d records:\n%q\nwant 5:\n%q", n, got, want)
	}
	got, _ = archiveCSV(t, s, testPBX.Key, day(3, 1), day(3, 2), []string{"1004"})
	if want := header + rows[3]; string(got) != want {
		t.Errorf("extension 1004: %q, want %q", got, want)
	}
	if h := holding(t, s, testPBX.Key); h.Records != len(rows)-1 {
		t.Errorf("Holdings counts %d records, want %d (not the one without a time)", h.Records, len(rows)-1)
	}
	// The last row, completed with the header's line ending, is the same row.
	again := header + rows[5] + "\r\n"
	if added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tableOf(t, []byte(again))}); err != nil || added != 0 {
		t.Errorf("committing the last row again with its line ending added %d, %v; want 0", added, err)
	}
}

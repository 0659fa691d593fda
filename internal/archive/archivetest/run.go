// Package archivetest is the conformance suite every archive.Store passes: the SQLite
// file and the PostgreSQL database run the same tests, against the simulator's PBX as
// the reference of what a "CSV as sent" must be, byte for byte.
package archivetest

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// Run runs the suite; open must return a new, empty store, closed by the test's end.
func Run(t *testing.T, open func(t *testing.T) archive.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, func(*testing.T) archive.Store)
	}{
		{"OverlappingWindowsByteExact", testOverlappingWindows},
		{"Recommit", testRecommit},
		{"Coverage", testCoverage},
		{"PBXsApart", testPBXsApart},
		{"Import", testImport},
		{"Forget", testForget},
		{"DeleteBefore", testDeleteBefore},
		{"CancelledCommit", testCancelledCommit},
		{"Empty", testEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// flavours are PBXs whose CSVs differ in every way the client copes with.
var flavours = []struct {
	name string
	opts func(*pbxsim.Options)
}{
	{"default", nil},
	{"gbk-trunks", func(o *pbxsim.Options) {
		o.GBK = true
		o.TrunkNames = map[string]string{"MEO": "太原", "Unicom, Beijing": "联通,北京"}
	}},
	{"lf-bom", func(o *pbxsim.Options) { o.LF, o.BOM = true, true }},
	{"spelling", func(o *pbxsim.Options) { o.HeaderSpelling = "desttrunkname" }},
}

// The month the suite syncs.
var (
	monthFrom = day(2024, time.March, 1)
	monthTo   = endOf(day(2024, time.April, 1))
)

// syncMonth commits March 2024 in windows of 5 days overlapping by a day and a half,
// as a sync that re-reads, and returns the rows added.
func syncMonth(t *testing.T, s archive.Store, p pbx) int {
	t.Helper()
	added := 0
	for from := monthFrom; from.Before(monthTo); from = from.Add(84 * time.Hour) {
		to := from.Add(120*time.Hour - time.Second)
		if to.After(monthTo) {
			to = monthTo
		}
		n, err := s.Commit(context.Background(), p.window(t, from, to))
		if err != nil {
			t.Fatal(err)
		}
		added += n
	}
	return added
}

// queries are ranges and extension sets inside and around the month.
var queries = []struct {
	from, to time.Time
	exts     []string
}{
	{monthFrom, monthTo, nil},
	{day(2024, time.March, 3), endOf(day(2024, time.March, 4)), nil},
	{day(2024, time.March, 5).Add(9*time.Hour + 30*time.Minute), day(2024, time.March, 5).Add(17*time.Hour + 59*time.Second), nil},
	{day(2024, time.March, 10).Add(13 * time.Hour), day(2024, time.March, 10).Add(13 * time.Hour), nil},
	{monthFrom, monthTo, []string{"1006"}},
	{day(2024, time.March, 7), endOf(day(2024, time.March, 21)), []string{"1000", "1013", "1023"}},
	{day(2024, time.March, 12).Add(8 * time.Hour), day(2024, time.March, 12).Add(20 * time.Hour), []string{"1019"}},
	{day(2024, time.February, 20), endOf(day(2024, time.March, 2)), nil},           // starts before the archive
	{day(2024, time.March, 30), endOf(day(2024, time.April, 2)), []string{"1001"}}, // ends after it
}

// checkQueries compares every query's WriteCSV with the PBX's answer.
func checkQueries(t *testing.T, s archive.Store, p pbx) {
	t.Helper()
	for _, q := range queries {
		want := p.csv(t, q.exts, q.from, q.to)
		// The PBX holds more than the month; the archive only the month.
		want = clip(t, want, monthFrom, monthTo)
		var got bytes.Buffer
		n, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: q.from, To: q.to}, q.exts)
		if err != nil {
			t.Fatalf("%v–%v %v: %v", q.from, q.to, q.exts, err)
		}
		if wantN := tableOf(t, want).Len(); n != wantN {
			t.Errorf("%v–%v %v: WriteCSV says %d records, want %d", q.from, q.to, q.exts, n, wantN)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%v–%v %v: %d bytes differ from the PBX's %d (first difference at %d)",
				q.from, q.to, q.exts, got.Len(), len(want), firstDiff(got.Bytes(), want))
		}
	}
}

// clip keeps the header and the rows of csv whose timestart lies in [from, to].
func clip(t *testing.T, csv []byte, from, to time.Time) []byte {
	t.Helper()
	tab := tableOf(t, csv)
	var rows []int
	for i := range tab.Len() {
		ts := tab.Record(i).TimeStart()
		if ts >= from.Format("2006-01-02 15:04:05") && ts <= to.Format("2006-01-02 15:04:05") {
			rows = append(rows, i)
		}
	}
	var b bytes.Buffer
	if _, err := tab.WriteRowsTo(&b, rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func testOverlappingWindows(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	for i, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			p := newPBX("SN-"+f.name, uint64(i+1), f.opts)
			added := syncMonth(t, s, p)
			if want := p.table(t, nil, monthFrom, monthTo).Len(); added != want {
				t.Errorf("added %d rows over the windows, want the month's %d", added, want)
			}
			checkQueries(t, s, p)
		})
	}
}

func testRecommit(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 7, nil)
	syncMonth(t, s, p)
	if added := syncMonth(t, s, p); added != 0 {
		t.Errorf("a second sync of the month added %d rows, want 0", added)
	}
	// A batch holding a row twice keeps it once.
	tab := p.table(t, nil, day(2024, time.March, 2), endOf(day(2024, time.March, 3)))
	twice := p.csv(t, nil, day(2024, time.March, 2), endOf(day(2024, time.March, 3)))
	twice = append(twice, tab.RawRow(tab.Len()-1)...)
	q := newPBX("SN2", 7, nil)
	n, err := s.Commit(context.Background(), archive.Batch{PBX: q.PBX, Table: tableOf(t, twice)})
	if err != nil {
		t.Fatal(err)
	}
	if n != tab.Len() {
		t.Errorf("a batch with its last row twice added %d, want %d", n, tab.Len())
	}
	checkQueries(t, s, p)
}

func testCoverage(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 3, nil)
	commit := func(from, to time.Time) {
		t.Helper()
		if _, err := s.Commit(context.Background(), p.window(t, from, to)); err != nil {
			t.Fatal(err)
		}
	}
	d := day(2024, time.March, 1)
	commit(d, endOf(d.AddDate(0, 0, 2)))
	commit(d.AddDate(0, 0, 5), endOf(d.AddDate(0, 0, 7)))
	want := []archive.Range{
		{From: d, To: endOf(d.AddDate(0, 0, 2))},
		{From: d.AddDate(0, 0, 5), To: endOf(d.AddDate(0, 0, 7))},
	}
	checkCoverage(t, s, p.Key, want)
	commit(d.AddDate(0, 0, 2), endOf(d.AddDate(0, 0, 5))) // touches both: no second is left out
	checkCoverage(t, s, p.Key, []archive.Range{{From: d, To: endOf(d.AddDate(0, 0, 7))}})
	commit(d.AddDate(0, 0, 1), endOf(d.AddDate(0, 0, 2))) // inside: no change
	checkCoverage(t, s, p.Key, []archive.Range{{From: d, To: endOf(d.AddDate(0, 0, 7))}})
}

func holding(t *testing.T, s archive.Store, key string) (archive.Holding, bool) {
	t.Helper()
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.PBX.Key == key {
			return h, true
		}
	}
	return archive.Holding{}, false
}

func checkCoverage(t *testing.T, s archive.Store, key string, want []archive.Range) {
	t.Helper()
	h, _ := holding(t, s, key)
	if !slices.EqualFunc(h.Coverage, want, func(a, b archive.Range) bool { return a.From.Equal(b.From) && a.To.Equal(b.To) }) {
		t.Errorf("coverage = %v, want %v", h.Coverage, want)
	}
}

func testPBXsApart(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	a, b := newPBX("SN-A", 1, nil), newPBX("SN-B", 2, func(o *pbxsim.Options) { o.LF = true })
	syncMonth(t, s, a)
	syncMonth(t, s, b)
	// The same rows under another key are another PBX's: kept again.
	same := a
	same.PBX = archive.PBX{Key: "SN-A2", Name: "copy"}
	if n := syncMonth(t, s, same); n != a.table(t, nil, monthFrom, monthTo).Len() {
		t.Errorf("the same rows for another PBX added %d", n)
	}
	checkQueries(t, s, a)
	checkQueries(t, s, b)
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, h := range hs {
		keys = append(keys, h.PBX.Key)
	}
	if !slices.Equal(keys, []string{"SN-A", "SN-A2", "SN-B"}) {
		t.Errorf("holdings of %v, want SN-A, SN-A2, SN-B in order", keys)
	}
	for _, p := range []pbx{a, b} {
		h, _ := holding(t, s, p.Key)
		tab := p.table(t, nil, monthFrom, monthTo)
		first, _ := time.Parse(time.DateTime, tab.Record(0).TimeStart())
		last, _ := time.Parse(time.DateTime, tab.Record(tab.Len()-1).TimeStart())
		if h.Records != tab.Len() || !h.First.Equal(first) || !h.Last.Equal(last) || h.PBX.Name != p.Name {
			t.Errorf("%s: holding %d records %v–%v %q, want %d %v–%v %q", p.Key, h.Records, h.First, h.Last, h.PBX.Name, tab.Len(), first, last, p.Name)
		}
		if !h.Updated.Equal(monthTo) {
			t.Errorf("%s: updated %v, want the last window's At %v", p.Key, h.Updated, monthTo)
		}
		if h.Bytes <= 0 {
			t.Errorf("%s: %d bytes", p.Key, h.Bytes)
		}
	}
}

func testImport(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 5, nil)
	from, to := day(2024, time.March, 4), endOf(day(2024, time.March, 6))
	n, err := s.Commit(context.Background(), archive.Batch{PBX: p.PBX, Table: p.table(t, nil, from, to)})
	if err != nil {
		t.Fatal(err)
	}
	h, ok := holding(t, s, p.Key)
	if want := p.table(t, nil, from, to).Len(); n != want || !ok || h.Records != want {
		t.Errorf("import added %d, holds %d, want %d", n, h.Records, want)
	}
	if len(h.Coverage) != 0 || !h.Updated.IsZero() {
		t.Errorf("an import recorded coverage %v, updated %v", h.Coverage, h.Updated)
	}
	// A saved file whose last row lacks its line ending: that row is the same row as
	// the one a later window sends with it.
	cut := p.csv(t, nil, to.Add(time.Second), endOf(day(2024, time.March, 8)))
	cut = bytes.TrimSuffix(cut, []byte("\r\n"))
	n, err = s.Commit(context.Background(), archive.Batch{PBX: p.PBX, Table: tableOf(t, cut)})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Commit(context.Background(), p.window(t, from, endOf(day(2024, time.March, 8))))
	if err != nil {
		t.Fatal(err)
	}
	if n+m != p.table(t, nil, from, endOf(day(2024, time.March, 8))).Len()-h.Records {
		t.Errorf("a file without its last line ending, then the window: added %d + %d, want %d in all", n, m, p.table(t, nil, from, endOf(day(2024, time.March, 8))).Len()-h.Records)
	}
	var all bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &all, p.Key, archive.Range{From: from, To: endOf(day(2024, time.March, 8))}, nil); err != nil {
		t.Fatal(err)
	}
	if want := p.csv(t, nil, from, endOf(day(2024, time.March, 8))); !bytes.Equal(all.Bytes(), want) {
		t.Errorf("after the imports and the window: %d bytes, want %d", all.Len(), len(want))
	}
	// A download for some extensions is an import too: its rows, no coverage.
	q := newPBX("SN2", 5, nil)
	if _, err := s.Commit(context.Background(), archive.Batch{PBX: q.PBX, Table: q.table(t, []string{"1006"}, from, to)}); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &got, q.Key, archive.Range{From: from, To: to}, []string{"1006"}); err != nil {
		t.Fatal(err)
	}
	if want := q.csv(t, []string{"1006"}, from, to); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("an extension's import reads back %d bytes, want %d", got.Len(), len(want))
	}
}

func testForget(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	a, b := newPBX("SN-A", 1, nil), newPBX("SN-B", 2, nil)
	syncMonth(t, s, a)
	syncMonth(t, s, b)
	if err := s.Forget(context.Background(), a.Key); err != nil {
		t.Fatal(err)
	}
	if h, ok := holding(t, s, a.Key); ok && (h.Records != 0 || len(h.Coverage) != 0) {
		t.Errorf("after Forget: %d records, coverage %v", h.Records, h.Coverage)
	}
	var got bytes.Buffer
	if n, err := s.WriteCSV(context.Background(), &got, a.Key, archive.Range{From: monthFrom, To: monthTo}, nil); err != nil || n != 0 {
		t.Errorf("after Forget WriteCSV gave %d records, %v", n, err)
	}
	checkQueries(t, s, b)
	// Synced again, it is all back.
	if n := syncMonth(t, s, a); n != a.table(t, nil, monthFrom, monthTo).Len() {
		t.Errorf("after Forget a sync added %d", n)
	}
	checkQueries(t, s, a)
}

func testDeleteBefore(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 9, nil)
	syncMonth(t, s, p)
	cut := day(2024, time.March, 11).Add(14*time.Hour + 30*time.Minute)
	n, err := s.DeleteBefore(context.Background(), p.Key, cut)
	if err != nil {
		t.Fatal(err)
	}
	if want := p.table(t, nil, monthFrom, cut.Add(-time.Second)).Len(); n != want {
		t.Errorf("DeleteBefore deleted %d, want %d", n, want)
	}
	checkCoverage(t, s, p.Key, []archive.Range{{From: cut, To: monthTo}})
	var got bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: monthFrom, To: monthTo}, nil); err != nil {
		t.Fatal(err)
	}
	if want := p.csv(t, nil, cut, monthTo); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("after DeleteBefore the month reads %d bytes, want the rest's %d", got.Len(), len(want))
	}
	h, _ := holding(t, s, p.Key)
	if want := p.table(t, nil, cut, monthTo).Len(); h.Records != want {
		t.Errorf("holding %d records, want %d", h.Records, want)
	}
}

func testCancelledCommit(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 11, nil)
	first := p.window(t, day(2024, time.March, 1), endOf(day(2024, time.March, 4)))
	if _, err := s.Commit(context.Background(), first); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s, p)
	next := p.window(t, day(2024, time.March, 3), endOf(day(2024, time.March, 7)))
	for after := 0; ; after++ {
		ctx := newCancelAfter(after)
		n, err := s.Commit(ctx, next)
		if !ctx.fired() {
			if err != nil || n == 0 {
				t.Fatalf("an uncancelled commit: %d, %v", n, err)
			}
			if after == 0 {
				t.Fatal("the commit never asked its context whether it was done")
			}
			t.Logf("cancelled at %d points", after)
			break // every point before the end was tried
		}
		if err == nil {
			// Cancelled after the transaction was committed: all of it is kept.
			if n == 0 {
				t.Fatalf("cancel point %d: no error and nothing added", after)
			}
			break
		}
		if got := snapshot(t, s, p); !bytes.Equal(got, before) {
			t.Fatalf("cancel point %d: the archive changed (%v)", after, err)
		}
	}
	from, to := day(2024, time.March, 1), endOf(day(2024, time.March, 7))
	var got bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: from, To: to}, nil); err != nil {
		t.Fatal(err)
	}
	if want := p.csv(t, nil, from, to); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("after the cancelled commits and a whole one, %d bytes, want %d", got.Len(), len(want))
	}
}

// snapshot is everything the archive says of p.
func snapshot(t *testing.T, s archive.Store, p pbx) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &b, p.Key, archive.Range{From: monthFrom, To: monthTo}, nil); err != nil {
		t.Fatal(err)
	}
	h, _ := holding(t, s, p.Key)
	h.Bytes = 0
	b.WriteString(time.Time{}.String())
	for _, r := range h.Coverage {
		b.WriteString(r.From.String() + r.To.String())
	}
	b.WriteString(h.Updated.String() + h.First.String() + h.Last.String())
	return append(b.Bytes(), byte(h.Records))
}

func testEmpty(t *testing.T, open func(*testing.T) archive.Store) {
	s := open(t)
	p := newPBX("SN1", 13, nil)
	var got bytes.Buffer
	if n, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: monthFrom, To: monthTo}, nil); n != 0 || err != nil || got.Len() != 0 {
		t.Errorf("an unknown PBX: %d records, %d bytes, %v", n, got.Len(), err)
	}
	// A covered range without calls, read back as the PBX answers it: the header alone.
	quiet := archive.Range{From: day(2024, time.March, 1).Add(3 * time.Hour), To: day(2024, time.March, 1).Add(3*time.Hour + time.Second)}
	b := p.window(t, quiet.From, quiet.To)
	if b.Table.Len() != 0 {
		t.Fatalf("the quiet range has %d rows", b.Table.Len())
	}
	if _, err := s.Commit(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	got.Reset()
	if _, err := s.WriteCSV(context.Background(), &got, p.Key, quiet, nil); err != nil {
		t.Fatal(err)
	}
	if want := p.csv(t, nil, quiet.From, quiet.To); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("an empty range reads %q, want %q", got.Bytes(), want)
	}
	checkCoverage(t, s, p.Key, []archive.Range{quiet})
}

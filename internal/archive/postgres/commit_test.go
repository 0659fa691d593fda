package postgres

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// TestCommitAddsOnlyNewRows commits windows, the same again, and overlapping ones:
// the archive holds each row once and counts only what it added.
func TestCommitAddsOnlyNewRows(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, _ := newStore(t)
	csvRows := func(from, to time.Time) int { return rowCount(pbxCSV(t, sim, nil, from, to)) }

	steps := []struct {
		name     string
		from, to time.Time
		want     int // rows added
	}{
		{"first week", day(4, 1), day(4, 8).Add(-time.Second), csvRows(day(4, 1), day(4, 8).Add(-time.Second))},
		{"the same again", day(4, 1), day(4, 8).Add(-time.Second), 0},
		{"a day inside", day(4, 3), day(4, 4).Add(-time.Second), 0},
		{"overlapping the end", day(4, 6), day(4, 10).Add(-time.Second), csvRows(day(4, 8), day(4, 10).Add(-time.Second))},
		{"a later week", day(4, 20), day(4, 27).Add(-time.Second), csvRows(day(4, 20), day(4, 27).Add(-time.Second))},
	}
	for _, st := range steps {
		if got := commitWindow(t, s, sim, st.from, st.to); got != st.want {
			t.Errorf("%s: added %d rows, want %d", st.name, got, st.want)
		}
	}
	h := holding(t, s, testPBX.Key)
	want := csvRows(day(4, 1), day(4, 10).Add(-time.Second)) + csvRows(day(4, 20), day(4, 27).Add(-time.Second))
	if h.Records != want {
		t.Errorf("Holdings: %d records, want %d", h.Records, want)
	}
	wantCoverage := []archive.Range{
		{From: day(4, 1), To: day(4, 10).Add(-time.Second)},
		{From: day(4, 20), To: day(4, 27).Add(-time.Second)},
	}
	if !slices.EqualFunc(h.Coverage, wantCoverage, sameRange) {
		t.Errorf("coverage %v, want %v", h.Coverage, wantCoverage)
	}
	if !h.Updated.Equal(day(4, 27).Add(-time.Second)) {
		t.Errorf("Updated = %v, want the latest window's At", h.Updated)
	}
	// The gap filled: the coverage becomes one range.
	commitWindow(t, s, sim, day(4, 10), day(4, 20).Add(-time.Second))
	h = holding(t, s, testPBX.Key)
	if one := (archive.Range{From: day(4, 1), To: day(4, 27).Add(-time.Second)}); len(h.Coverage) != 1 || !sameRange(h.Coverage[0], one) {
		t.Errorf("after filling the gap the coverage is %v, want %v", h.Coverage, one)
	}
	if !h.Updated.Equal(day(4, 27).Add(-time.Second)) {
		t.Errorf("an earlier At moved Updated back to %v", h.Updated)
	}
	got, _ := archiveCSV(t, s, testPBX.Key, day(4, 1), day(4, 27), nil)
	if want := pbxCSV(t, sim, nil, day(4, 1), day(4, 27)); !bytes.Equal(got, want) {
		t.Errorf("the month read back: %s", firstDiff(got, want))
	}
}

func sameRange(a, b archive.Range) bool { return a.From.Equal(b.From) && a.To.Equal(b.To) }

// TestCommitWithoutCoverage adds the rows of an import (or of some extensions) and no
// coverage, and leaves Updated alone.
func TestCommitWithoutCoverage(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, _ := newStore(t)
	tb := pbxTable(t, sim, []string{"1003"}, day(6, 1), day(6, 30))
	added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tb, At: day(7, 1)})
	if err != nil || added != tb.Len() {
		t.Fatalf("Commit = %d, %v; want %d", added, err, tb.Len())
	}
	h := holding(t, s, testPBX.Key)
	if h.Records != tb.Len() || len(h.Coverage) != 0 || !h.Updated.IsZero() || h.PBX.Name != "Head office" {
		t.Errorf("holding %+v: want %d records, no coverage, no update time", h, tb.Len())
	}
	first, _ := time.Parse(time.DateTime, tb.Record(0).TimeStart())
	last, _ := time.Parse(time.DateTime, tb.Record(tb.Len()-1).TimeStart())
	if !h.First.Equal(first) || !h.Last.Equal(last) {
		t.Errorf("First, Last = %v, %v; want %v, %v", h.First, h.Last, first, last)
	}
	if h.Bytes <= tb.Size() {
		t.Errorf("Bytes = %d: less than the %d bytes of CSV it holds", h.Bytes, tb.Size())
	}
}

// TestCommitRenamesThePBX keeps the latest name given with a commit.
func TestCommitRenamesThePBX(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, _ := newStore(t)
	commitWindow(t, s, sim, day(2, 1), day(2, 2))
	renamed := archive.PBX{Key: testPBX.Key, Name: "总部"}
	if _, err := s.Commit(context.Background(), archive.Batch{PBX: renamed, Table: pbxTable(t, sim, nil, day(2, 1), day(2, 2))}); err != nil {
		t.Fatal(err)
	}
	if h := holding(t, s, testPBX.Key); h.PBX != renamed {
		t.Errorf("PBX %+v, want %+v", h.PBX, renamed)
	}
}

// TestCommitCancelledKeepsNothing cancels a Commit at each step of its transaction:
// the archive is as before (no rows, no coverage, no new PBX), and the next commit
// of the same batch adds all of it.
func TestCommitCancelledKeepsNothing(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, _ := newStore(t)
	commitWindow(t, s, sim, day(8, 1), day(8, 2).Add(-time.Second))
	before := holding(t, s, testPBX.Key)
	other := archive.PBX{Key: "branch", Name: "Branch"}
	for _, step := range []string{"staged", "locked", "inserted", "covered"} {
		for _, pbx := range []archive.PBX{testPBX, other} {
			ctx, cancel := context.WithCancel(context.Background())
			s.step = func(name string) {
				if name == step {
					cancel()
				}
			}
			batch := archive.Batch{
				PBX: pbx, Table: pbxTable(t, sim, nil, day(8, 2), day(8, 9).Add(-time.Second)),
				Covers: &archive.Range{From: day(8, 2), To: day(8, 9).Add(-time.Second)}, At: day(8, 9),
			}
			added, err := s.Commit(ctx, batch)
			s.step = nil
			cancel()
			if !errors.Is(err, context.Canceled) || added != 0 {
				t.Errorf("cancelled after %q: Commit = %d, %v; want 0, context.Canceled", step, added, err)
			}
			hs, err := s.Holdings(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(hs) != 1 || !sameHolding(hs[0], before) {
				t.Errorf("cancelled after %q (PBX %s): the archive holds %+v, want only %+v", step, pbx.Key, hs, before)
			}
		}
	}
	want := rowCount(pbxCSV(t, sim, nil, day(8, 2), day(8, 9).Add(-time.Second)))
	if added := commitWindow(t, s, sim, day(8, 2), day(8, 9).Add(-time.Second)); added != want {
		t.Errorf("the commit after the cancelled ones added %d, want %d", added, want)
	}
}

// sameHolding compares holdings but for their size, which depends on the server's
// housekeeping.
func sameHolding(a, b archive.Holding) bool {
	return a.PBX == b.PBX && a.Records == b.Records && a.First.Equal(b.First) && a.Last.Equal(b.Last) &&
		a.Updated.Equal(b.Updated) && slices.EqualFunc(a.Coverage, b.Coverage, sameRange)
}

// TestCommitEmptyWindow records the coverage of a window without calls, and its header
// answers a query of it.
func TestCommitEmptyWindow(t *testing.T) {
	o := pbxsim.DefaultOptions()
	o.BOM = true
	sim := pbxsim.New(o)
	s, _ := newStore(t)
	at := time.Date(2024, 9, 1, 3, 0, 0, 0, time.UTC)
	tb := pbxTable(t, sim, []string{"1000"}, at, at) // no call of 1000 at that second
	if tb.Len() != 0 {
		t.Fatalf("the fixture has %d rows", tb.Len())
	}
	r := archive.Range{From: at, To: at}
	if added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tb, Covers: &r, At: at}); err != nil || added != 0 {
		t.Fatalf("Commit = %d, %v", added, err)
	}
	if h := holding(t, s, testPBX.Key); h.Records != 0 || len(h.Coverage) != 1 || !h.First.IsZero() {
		t.Errorf("holding %+v: want no records, one range", h)
	}
	got, _ := archiveCSV(t, s, testPBX.Key, at, at, nil)
	if want := pbxCSV(t, sim, nil, at, at); !bytes.Equal(got, want) {
		t.Errorf("empty range: %q, want %q", got, want)
	}
}

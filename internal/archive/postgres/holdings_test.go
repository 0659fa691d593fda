package postgres

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// twoPBXs fills an archive with a month of two PBXs (the head office and a branch with
// other calls), as a shared archive holds them.
func twoPBXs(t *testing.T) (s *Store, head, branch *pbxsim.Server) {
	s, _ = newStore(t)
	head = pbxsim.New(pbxsim.Options{})
	o := pbxsim.DefaultOptions()
	o.Seed, o.SerialNumber = 7, "BRANCH-SN"
	branch = pbxsim.New(o)
	commitWindow(t, s, head, day(10, 1), day(11, 1).Add(-time.Second))
	_, err := s.Commit(context.Background(), archive.Batch{
		PBX:    archive.PBX{Key: "BRANCH-SN", Name: "Branch"},
		Table:  pbxTable(t, branch, nil, day(10, 1), day(11, 1).Add(-time.Second)),
		Covers: &archive.Range{From: day(10, 1), To: day(11, 1).Add(-time.Second)}, At: day(11, 1),
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, head, branch
}

// TestHoldingsPerPBX lists both PBXs by key, each with its own records.
func TestHoldingsPerPBX(t *testing.T) {
	s, head, branch := twoPBXs(t)
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, h := range hs {
		keys = append(keys, h.PBX.Key)
	}
	if !slices.Equal(keys, []string{testPBX.Key, "BRANCH-SN"}) {
		t.Fatalf("Holdings lists %q, want the two PBXs by key", keys)
	}
	for _, c := range []struct {
		key string
		sim *pbxsim.Server
	}{{testPBX.Key, head}, {"BRANCH-SN", branch}} {
		want := pbxCSV(t, c.sim, nil, day(10, 1), day(11, 1).Add(-time.Second))
		if h := holding(t, s, c.key); h.Records != rowCount(want) || h.Bytes <= 0 {
			t.Errorf("%s: %d records (%d bytes), want %d", c.key, h.Records, h.Bytes, rowCount(want))
		}
		if got, _ := archiveCSV(t, s, c.key, day(10, 1), day(11, 1), nil); !bytes.Equal(got, want) {
			t.Errorf("%s: %s", c.key, firstDiff(got, want))
		}
	}
}

// TestForget deletes one PBX and leaves the other as it was.
func TestForget(t *testing.T) {
	s, _, branch := twoPBXs(t)
	before := holding(t, s, "BRANCH-SN")
	if err := s.Forget(context.Background(), testPBX.Key); err != nil {
		t.Fatal(err)
	}
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || !sameHolding(hs[0], before) {
		t.Errorf("after Forget the archive holds %+v, want only %+v", hs, before)
	}
	if got, n := archiveCSV(t, s, testPBX.Key, day(10, 1), day(11, 1), nil); n != 0 || len(got) != 0 {
		t.Errorf("the forgotten PBX still has %d records (%d bytes)", n, len(got))
	}
	want := pbxCSV(t, branch, nil, day(10, 1), day(11, 1))
	if got, _ := archiveCSV(t, s, "BRANCH-SN", day(10, 1), day(11, 1), nil); !bytes.Equal(got, want) {
		t.Errorf("the other PBX changed: %s", firstDiff(got, want))
	}
	if err := s.Forget(context.Background(), "never held"); err != nil {
		t.Errorf("Forget of a PBX never held: %v", err)
	}
}

// TestDeleteBefore deletes the records and the coverage before a time, of one PBX.
func TestDeleteBefore(t *testing.T) {
	s, head, branch := twoPBXs(t)
	cut := time.Date(2024, 10, 17, 12, 30, 0, 0, time.UTC)
	wantGone := rowCount(pbxCSV(t, head, nil, day(10, 1), cut.Add(-time.Second)))
	n, err := s.DeleteBefore(context.Background(), testPBX.Key, cut)
	if err != nil || n != wantGone {
		t.Fatalf("DeleteBefore = %d, %v; want %d", n, err, wantGone)
	}
	h := holding(t, s, testPBX.Key)
	if want := (archive.Range{From: cut, To: day(11, 1).Add(-time.Second)}); len(h.Coverage) != 1 || !sameRange(h.Coverage[0], want) {
		t.Errorf("coverage %v, want %v", h.Coverage, want)
	}
	if h.First.Before(cut) {
		t.Errorf("First = %v, before the cut", h.First)
	}
	want := pbxCSV(t, head, nil, cut, day(11, 1))
	if got, _ := archiveCSV(t, s, testPBX.Key, day(1, 1), day(12, 1), nil); !bytes.Equal(got, want) {
		t.Errorf("what is left: %s", firstDiff(got, want))
	}
	if h := holding(t, s, "BRANCH-SN"); h.Records != rowCount(pbxCSV(t, branch, nil, day(10, 1), day(11, 1))) {
		t.Errorf("the branch lost records: %d left", h.Records)
	}
	if n, err := s.DeleteBefore(context.Background(), "never held", cut); n != 0 || err != nil {
		t.Errorf("DeleteBefore of a PBX never held = %d, %v", n, err)
	}
}

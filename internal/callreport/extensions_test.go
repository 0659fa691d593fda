package callreport

import (
	"fmt"
	"slices"
	"testing"
)

func TestSortExtensions(t *testing.T) {
	lines := []Extension{
		{Number: "1002", Name: "李娜", Rang: 5, Answered: 4, TalkSeconds: 100},
		{Number: "999", Name: "Anna", Rang: 5, Missed: 3, Outgoing: 2, AnsweredOutgoing: 1, TalkSeconds: 300},
		{Number: "10000", Name: "Bob", Rang: 1, AnsweredByColleague: 1, Outgoing: 9},
		{Number: "1001", Name: "王芳", Rang: 7, Answered: 1, TalkSeconds: 100},
	}
	numbers := func(l []Extension) (out []string) {
		for _, e := range l {
			out = append(out, e.Number)
		}
		return out
	}
	for _, tc := range []struct {
		by   ExtensionColumn
		desc bool
		want []string
	}{
		{ByNumber, false, []string{"999", "1001", "1002", "10000"}},
		{ByNumber, true, []string{"10000", "1002", "1001", "999"}},
		{ByName, false, []string{"999", "10000", "1002", "1001"}},
		{ByRang, true, []string{"1001", "999", "1002", "10000"}}, // ties by number
		{ByAnswered, true, []string{"1002", "1001", "999", "10000"}},
		{ByAnsweredByColleague, true, []string{"10000", "999", "1001", "1002"}},
		{ByMissed, true, []string{"999", "1001", "1002", "10000"}},
		{ByOutgoing, false, []string{"1001", "1002", "999", "10000"}},
		{ByTalk, true, []string{"999", "1001", "1002", "10000"}},
		{ByAverageTalk, true, []string{"999", "1001", "1002", "10000"}}, // 150, 100, 25, 0
	} {
		l := slices.Clone(lines)
		SortExtensions(l, tc.by, tc.desc)
		if got := numbers(l); !slices.Equal(got, tc.want) {
			t.Errorf("by %d desc %v: %v, want %v", tc.by, tc.desc, got, tc.want)
		}
	}
}

func TestAverages(t *testing.T) {
	for _, tc := range []struct {
		total int64
		n     int
		want  int
	}{{0, 0, 0}, {10, 0, 0}, {10, 4, 3}, {9, 4, 2}, {7, 2, 4}, {5, 3, 2}} {
		if got := (Figures{TalkSeconds: tc.total, Answered: tc.n}).AverageTalk(); got != tc.want {
			t.Errorf("average of %d over %d = %d, want %d", tc.total, tc.n, got, tc.want)
		}
	}
	if got := (Extension{TalkSeconds: 300, Answered: 1, AnsweredOutgoing: 1}).AverageTalk(); got != 150 {
		t.Errorf("extension average %d, want 150 (answered and answered outgoing)", got)
	}
}

// TestKeyTable finds every key of sets of several sizes (so slots collide and probe
// on) and none of the keys left out.
func TestKeyTable(t *testing.T) {
	for _, n := range []int{0, 1, 5, 300, 5000} {
		var keys []uint64
		for i := range n {
			k, _ := packDigits(fmt.Appendf(nil, "%d", 1000+i*7))
			if i%10 == 9 {
				k = dictBit | uint64(i)
			}
			keys = append(keys, k)
		}
		tab := newKeyTable(keys)
		for i, k := range keys {
			if got, ok := tab.get(k); !ok || got != int32(i) {
				t.Fatalf("%d keys: get(%x) = %d, %v; want %d", n, k, got, ok, i)
			}
		}
		for i := range 2000 {
			k, _ := packDigits(fmt.Appendf(nil, "%d", 1001+i*7)) // between the keys
			if got, ok := tab.get(k); ok {
				t.Fatalf("%d keys: get(%x) = %d for a key not in the table", n, k, got)
			}
		}
	}
}

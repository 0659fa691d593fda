package records

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// bigTable is a year of a busy office from the simulator: about a million rows.
// It is made once per test binary.
func bigTable(tb testing.TB) *cdrclient.Table {
	big.once.Do(func() {
		o, from, to := pbxsim.BusyYear()
		big.t = simTable(tb, o, from.Format(time.DateOnly), to.Format(time.DateOnly))
	})
	return big.t
}

var big struct {
	once sync.Once
	t    *cdrclient.Table
}

// benchApply measures Apply: "cold" on a new View each time (the column's ranks
// or the facts are derived first), "warm" on a View that has them.
func benchApply(b *testing.B, f Filter, s Sort) {
	t, names := bigTable(b), simNames()
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewView(t, names).Apply(f, s)
		}
		b.ReportMetric(retainedMB(func() any { v := NewView(t, names); v.Apply(f, s); return v }), "retained-MB")
	})
	b.Run("warm", func(b *testing.B) {
		v := NewView(t, names)
		v.Apply(f, s)
		b.ReportAllocs()
		for b.Loop() {
			v.Apply(f, s)
		}
		b.ReportMetric(float64(v.Len()), "rows")
	})
}

// retainedMB is the heap that what make returns keeps alive, in MB.
func retainedMB(make func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x := make()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / 1e6
}

func BenchmarkSortTimeStart(b *testing.B) {
	benchApply(b, Filter{}, Sort{Column: cdrclient.ColTimeStart, Descending: true})
}

func BenchmarkSortTalkDuration(b *testing.B) {
	benchApply(b, Filter{}, Sort{Column: cdrclient.ColTalkDuration})
}

func BenchmarkSortCallFrom(b *testing.B) {
	benchApply(b, Filter{}, Sort{Column: cdrclient.ColCallFrom})
}

func BenchmarkSortRecording(b *testing.B) {
	benchApply(b, Filter{}, Sort{Column: cdrclient.ColRecording})
}

func BenchmarkSortCallID(b *testing.B) {
	benchApply(b, Filter{}, Sort{Column: cdrclient.ColCallID})
}

func BenchmarkFilterText(b *testing.B) {
	for _, tc := range []struct{ name, text string }{
		{"number", "138"},       // digits: exact search
		{"letters", "unicom"},   // ASCII letters: folded search
		{"status-word", "answ"}, // in every raw row but in no searched field
		{"name", "张伟"},          // an extension name
	} {
		b.Run(tc.name, func(b *testing.B) { benchApply(b, Filter{Text: tc.text}, Sort{}) })
	}
}

func BenchmarkFilterStatus(b *testing.B) {
	benchApply(b, Filter{Statuses: []string{"NO ANSWER", "BUSY"}, Types: []string{"Inbound"}}, Sort{})
}

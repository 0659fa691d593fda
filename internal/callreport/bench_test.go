package callreport

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// yearTable is a year of a busy office from the simulator, about a million records,
// made once per test binary (as internal/bench makes it).
func yearTable(tb testing.TB) *cdrclient.Table {
	year.once.Do(func() {
		o, from, to := pbxsim.BusyYear()
		var csv bytes.Buffer
		if err := pbxsim.New(o).WriteCSV(&csv, nil, from, to); err != nil {
			tb.Fatal(err)
		}
		year.t = parseTable(tb, csv.Bytes())
	})
	return year.t
}

var year struct {
	once sync.Once
	t    *cdrclient.Table
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

// simNames is the simulated PBX's extension list as a names map.
func simNames() map[string]string {
	names := make(map[string]string)
	for _, e := range pbxsim.New(pbxsim.DefaultOptions()).Extensions() {
		names[e.Number] = e.Name
	}
	return names
}

// BenchmarkYear measures what the window waits for once a year of records is in:
// folding the legs into calls with their call-backs (Fold), then every figure over
// all calls (Report), both together (all: issue 8 wants it at most 300 ms), and
// every figure over the rows a filter left (filtered: the records of one extension,
// what the window reports after each filter or search change).
func BenchmarkYear(b *testing.B) {
	t, names := yearTable(b), simNames()
	in := Input{Table: t, Names: names, Settings: DefaultSettings()}
	b.Run("fold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Fold(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(t.Len()), "records")
		b.ReportMetric(retainedMB(func() any {
			c, _ := Fold(context.Background(), in)
			return c
		}), "retained-MB")
	})
	calls, err := Fold(context.Background(), in)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			calls.Report(nil)
		}
		b.ReportMetric(float64(calls.Len()), "calls")
	})
	var rows []int // the records of extension 1000, placed or rung
	for r := range t.Len() {
		if t.Field(r, t.Column(cdrclient.ColCallFrom)) == "1000" || t.Field(r, t.Column(cdrclient.ColCallTo)) == "1000" {
			rows = append(rows, r)
		}
	}
	b.Run("filtered", func(b *testing.B) {
		b.ReportAllocs()
		var rep *Report
		for b.Loop() {
			rep = calls.Report(rows)
		}
		b.ReportMetric(float64(len(rows)), "records")
		b.ReportMetric(float64(len(rep.Calls)), "calls")
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			c, err := Fold(context.Background(), in)
			if err != nil {
				b.Fatal(err)
			}
			c.Report(nil)
		}
	})
}

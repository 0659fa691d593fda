package results

import (
	"context"
	"io"
	"testing"
	"time"

	"cdrdesk/internal/callreport"
	"cdrdesk/internal/report"
)

// BenchmarkSaveYear measures the Save dialog's background job on a year of a busy
// office (about a million records), as the window runs it: the plain Excel workbook
// ("xlsx"), the report workbook folded by the job ("report"), and the report
// workbook with the engine's calls ("reuse"). Each round runs the three one after
// the other, in a turning order, so that a machine busy with other work slows them
// alike; the wall clock and the process's CPU time are reported per job. Issue 8 asks
// the report workbook to take at most 1.5 × the plain export.
func BenchmarkSaveYear(b *testing.B) {
	v, d := benchView(b)
	b.Setenv("TMPDIR", b.TempDir()) // excelize's spill files
	opts := report.Options{DurationsAsSeconds: v.seconds, HeaderLabels: headerLabels(v.table, v.words)}
	engine, err := callreport.Fold(context.Background(), callreport.Input{Table: d.table, Names: d.names,
		Settings: v.reportSettings, End: d.info.Query.End})
	if err != nil {
		b.Fatal(err)
	}
	plain := saveJob{table: v.table, format: report.XLSX, opts: opts}
	folding := saveJob{table: v.table, format: reportWorkbook, opts: opts, book: newReportBook(v)} // v.calls is nil
	v.calls = engine
	reusing := saveJob{table: v.table, format: reportWorkbook, opts: opts, book: newReportBook(v)}
	if folding.book.calls != nil || reusing.book.calls != engine {
		b.Fatal("the jobs do not fold as measured")
	}
	jobs := []struct {
		name      string
		job       saveJob
		wall, cpu time.Duration
	}{{name: "xlsx", job: plain}, {name: "report", job: folding}, {name: "reuse", job: reusing}}
	round := 0
	for b.Loop() {
		for k := range jobs {
			j := &jobs[(k+round)%len(jobs)]
			cpu0, _ := processCPU()
			start := time.Now()
			if err := j.job.write(context.Background(), io.Discard, func(int) {}); err != nil {
				b.Fatal(err)
			}
			j.wall += time.Since(start)
			cpu1, _ := processCPU()
			j.cpu += cpu1 - cpu0
		}
		round++
	}
	n := float64(b.N)
	b.ReportMetric(float64(d.table.Len()), "records")
	_, hasCPU := processCPU()
	for _, j := range jobs {
		b.ReportMetric(j.wall.Seconds()/n, j.name+"-s/op")
		if hasCPU {
			b.ReportMetric(j.cpu.Seconds()/n, j.name+"-cpu-s/op")
		}
	}
}

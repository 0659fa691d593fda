package results

import (
	"context"
	"io"
	"testing"

	"cdrdesk/internal/callreport"
	"cdrdesk/internal/report"
)

// BenchmarkSaveYear measures the Save dialog's background job on a year of a busy
// office (about a million records), as the window runs it: the plain Excel workbook,
// and the report workbook, folded by the job or with the engine's calls. Issue 8 asks
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
	for _, bc := range []struct {
		name   string
		format report.Format
		calls  *callreport.Calls // the engine's, or nil
	}{
		{"xlsx", report.XLSX, nil},
		{"report-workbook", reportWorkbook, nil},
		{"report-workbook-engine-calls", reportWorkbook, engine},
	} {
		b.Run(bc.name, func(b *testing.B) {
			v.calls = bc.calls
			j := saveJob{table: v.table, format: bc.format, opts: opts}
			if bc.format == reportWorkbook {
				j.book = newReportBook(v)
			}
			for b.Loop() {
				if err := j.write(context.Background(), io.Discard, func(int) {}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

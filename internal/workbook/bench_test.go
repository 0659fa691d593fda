package workbook

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/report"
)

// BenchmarkYear compares, on a year of a busy office (about a million records, as
// internal/bench makes it), the plain xlsx export of the table with the report
// workbook of it (folding, every figure, the report sheets and the same records).
// Issue 8 asks the workbook to take at most 1.5 × the plain export.
func BenchmarkYear(b *testing.B) {
	b.Setenv("TMPDIR", b.TempDir())
	o := pbxsim.DefaultOptions()
	o.CallsPerDay = 2740
	sim := pbxsim.New(o)
	var csv bytes.Buffer
	if err := sim.WriteCSV(&csv, nil, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	table := cdrclient.NewTable()
	if _, err := table.Write(csv.Bytes()); err != nil {
		b.Fatal(err)
	}
	if err := table.Close(); err != nil {
		b.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range sim.Extensions() {
		names[e.Number] = e.Name
	}
	b.Logf("%d records", table.Len())
	b.Run("plain-xlsx", func(b *testing.B) {
		for b.Loop() {
			rw := report.NewXLSX(io.Discard, report.Options{})
			if err := writeTable(rw, table); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("workbook", func(b *testing.B) {
		for b.Loop() {
			calls, err := callreport.Fold(context.Background(), callreport.Input{Table: table, Names: names, Settings: callreport.DefaultSettings()})
			if err != nil {
				b.Fatal(err)
			}
			if err := Write(context.Background(), io.Discard, Input{Calls: calls, Report: calls.Report(nil)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// TestExportGBKOneDecision: a GBK PBX with a trunk named 太原, whose GBK bytes are
// valid UTF-8 by chance. excel-csv and xlsx read every trunk name as the window's
// Table does (one encoding decision per download), not as mojibake.
func TestExportGBKOneDecision(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) {
		o.GBK, o.TrunkNames = true, map[string]string{"MEO": "太原"}
	})
	const from, to = "2026-04-01", "2026-04-10" // two windows
	table := cdrclient.NewTable()
	table.Write(h.served(nil, from+" 00:00:00", to+" 23:59:59"))
	if err := table.Close(); err != nil || table.Encoding() != cdrclient.EncodingGB18030 {
		t.Fatalf("the served CSV: %v, %s", err, table.Encoding())
	}
	trunkCols := []int{table.Column(cdrclient.ColSrcTrunk), table.Column(cdrclient.ColDstTrunk)}
	taiyuan := 0
	for r := range table.Len() {
		for _, c := range trunkCols {
			if table.Field(r, c) == "太原" {
				taiyuan++
			}
		}
	}
	if taiyuan == 0 {
		t.Fatal("no call through 太原 in the range")
	}
	dir := t.TempDir()
	for _, format := range []string{"excel-csv", "xlsx"} {
		out := filepath.Join(dir, "report."+format)
		if code, _, stderr := h.run(append([]string{"export"}, h.conn("--from", from, "--to", to, "--format", format, "--out", out)...)...); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		rows := readReport(t, out, format)
		if len(rows) != table.Len()+1 {
			t.Fatalf("%s: %d rows, the table %d records", format, len(rows)-1, table.Len())
		}
		for r := range table.Len() {
			for _, c := range trunkCols {
				want := table.Field(r, c)
				if got := rows[r+1][c]; got != want && (want == "" || want[0] != '=') { // '=' is neutralised
					t.Fatalf("%s: row %d column %d reads %q, the window %q", format, r, c, got, want)
				}
			}
		}
	}
}

// readReport reads an exported excel-csv or xlsx file as rows of strings.
func readReport(t *testing.T, path, format string) [][]string {
	t.Helper()
	if format == "xlsx" {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(f.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows { // GetRows leaves out empty cells at the end of a row
			for len(rows[i]) < len(rows[0]) {
				rows[i] = append(rows[i], "")
			}
		}
		return rows
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/callreport"
)

// TestReport: `cdrdesk report` against the simulator over TLS writes the workbook of
// the range, its figures those of the records the PBX serves, in the locale's
// language, and says how many calls and records it saved.
func TestReport(t *testing.T) {
	h := newHarness(t, nil)
	// Independently: the records of April as the simulator serves them, folded.
	table := cdrclient.NewTable()
	table.Write(h.served(nil, "2026-04-01 00:00:00", "2026-04-30 23:59:59"))
	table.Close()
	names := map[string]string{}
	for _, e := range h.sim.Extensions() {
		names[e.Number] = e.Name
	}
	set := callreport.DefaultSettings()
	set.CallbackWindow, set.IgnoreShorter, set.CountryCode = 48*time.Hour, 5*time.Second, "86"
	set.BusinessHours, _ = callreport.ParseBusinessHours("Mon-Sat 08:30-17:30")
	calls, err := callreport.Fold(context.Background(), callreport.Input{Table: table, Names: names, Settings: set,
		End: time.Date(2026, 4, 30, 23, 59, 59, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := calls.Report(nil)

	for _, tc := range []struct {
		env    map[string]string
		sheets []string
	}{
		{map[string]string{}, []string{"Summary", "By extension", "By day", "By hour", "Missed not returned", "Call records"}},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"摘要", "按分机统计", "按日", "按小时", "未回拨的未接来电", "通话记录"}},
	} {
		h.env = tc.env
		h.env["CDRDESK_PASSWORD"] = pbxsim.DefaultPassword
		out := filepath.Join(t.TempDir(), "weekly.xlsx")
		code, _, stderr := h.run(append([]string{"report"}, h.conn("--range", "last-month", "--out", out,
			"--callback-window", "48h", "--ignore-shorter", "5s", "--business-hours", "Mon-Sat 08:30-17:30")...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if got, wantLine := lines[len(lines)-1], fmt.Sprintf("saved report of %d calls (%d records) to %s", calls.Len(), table.Len(), out); got != wantLine {
			t.Errorf("last line %q, want %q", got, wantLine)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.GetSheetList(); !slices.Equal(got, tc.sheets) {
			t.Errorf("sheets %q, want %q", got, tc.sheets)
		}
		s := want.Summary
		for cell, v := range map[string]int{"B13": s.All.Calls, "B14": s.All.Answered, "B15": s.All.Missed, "B16": s.All.NotReturned, "C15": s.Inbound.Missed, "E13": s.InHours.Calls} {
			if got, _ := f.GetCellValue(tc.sheets[0], cell); got != fmt.Sprint(v) {
				t.Errorf("%s!%s = %q, want %d", tc.sheets[0], cell, got, v)
			}
		}
		for cell, v := range map[string]string{"B7": "86", "B8": "48:00:00", "B9": "0:00:05", "B10": "Mon-Sat 08:30-17:30"} {
			if got, _ := f.GetCellValue(tc.sheets[0], cell); got != v {
				t.Errorf("%s!%s = %q, want %q", tc.sheets[0], cell, got, v)
			}
		}
		if rows, _ := f.GetRows(tc.sheets[4]); len(rows) != len(want.Unreturned)+1 {
			t.Errorf("%d unreturned lines, want %d", len(rows)-1, len(want.Unreturned))
		}
		if rows, _ := f.GetRows(tc.sheets[5]); len(rows) != table.Len()+1 {
			t.Errorf("%d records, want %d", len(rows)-1, table.Len())
		}
		f.Close()
	}
}

// TestReportBadSettings: a mistake in the settings is exit status 2 with what to
// write, before anything is downloaded, and leaves no file.
func TestReportBadSettings(t *testing.T) {
	h := newHarness(t, nil)
	for _, tc := range []struct {
		args    []string
		message string
	}{
		{[]string{"--business-hours", "9-18"}, "like Mon-Fri 09:00-18:00"},
		{[]string{"--business-hours", "Mon-Fri 09:00-25:00"}, "24-hour clock"},
		{[]string{"--business-hours", "Mon-Fri 18:00-09:00"}, "closing time must be after"},
		{[]string{"--country-code", "+86"}, "country code is 1 to 4 digits"},
		{[]string{"--callback-window", "0s"}, "call-back window must be longer than 0"},
		{[]string{"--callback-window", "800h"}, "at most 31 days"},
		{[]string{"--ignore-shorter", "-5s"}, "shortest ring to count"},
		{[]string{"--callback-window", "a day"}, "invalid value"},
	} {
		dir := t.TempDir()
		out := filepath.Join(dir, "r.xlsx")
		code, _, stderr := h.run(append([]string{"report"}, h.conn(append([]string{"--range", "yesterday", "--out", out}, tc.args...)...)...)...)
		if code != ExitUsage || !strings.Contains(stderr, tc.message) {
			t.Errorf("%q: exit %d, %q; want %d and %q", tc.args, code, stderr, ExitUsage, tc.message)
		}
		if got := dirEntries(t, dir); len(got) != 0 {
			t.Errorf("%q left %v", tc.args, got)
		}
	}
	if st := h.sim.Stats(); st.Requests != 0 {
		t.Errorf("%d requests for bad settings", st.Requests)
	}
}

// TestReportLeavesNoFile: an existing file is kept without --overwrite, and a
// dropped download leaves neither a workbook nor a temporary file.
func TestReportLeavesNoFile(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.xlsx")
	os.WriteFile(old, []byte("last week's report"), 0o644)
	code, _, stderr := h.run(append([]string{"report"}, h.conn("--range", "yesterday", "--out", old)...)...)
	if code != ExitOutput || !strings.Contains(stderr, "already exists") {
		t.Fatalf("exit %d, %q; want %d", code, stderr, ExitOutput)
	}

	h = newHarness(t, func(o *pbxsim.Options) { o.DropAfterBytes = 3000 })
	for _, out := range []string{filepath.Join(dir, "new.xlsx"), old} {
		code, _, stderr := h.run(append([]string{"report"}, h.conn("--range", "last-7-days", "--out", out, "--overwrite")...)...)
		if code != ExitConnection {
			t.Fatalf("exit %d (%s), want %d", code, stderr, ExitConnection)
		}
	}
	if got := dirEntries(t, dir); len(got) != 1 || got[0] != "old.xlsx" {
		t.Errorf("folder holds %v, want only old.xlsx", got)
	}
	if b, _ := os.ReadFile(old); !bytes.Equal(b, []byte("last week's report")) {
		t.Errorf("old file changed: %q", b)
	}
}

// TestChineseLocale: the workbook's words follow the first locale variable set.
func TestChineseLocale(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, false},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, true},
		{map[string]string{"LANG": "zh_TW.UTF-8"}, true},
		{map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, false},
		{map[string]string{"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, false},
		{map[string]string{"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C.UTF-8"}, false},
	} {
		tr, err := workbookLanguage(func(k string) string { return tc.env[k] })
		if err != nil {
			t.Fatal(err)
		}
		if got := tr("Summary", nil) == "摘要"; got != tc.want {
			t.Errorf("%v: Chinese = %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestReportSuggestsAName(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := h.run(append([]string{"report"}, h.conn("--ext", "1000", "--range", "yesterday")...)...); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := dirEntries(t, dir); len(got) != 1 || got[0] != "Report_127.0.0.1_1000_20260519_20260519.xlsx" {
		t.Errorf("files %v", got)
	}
}

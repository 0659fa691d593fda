package reportname

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/report"
)

// TestSuggest is the one rule for the window's Save dialog and `cdrdesk export`
// without --out (design.md §2 and §3).
func TestSuggest(t *testing.T) {
	oct := func(d, h, m, s int) time.Time { return time.Date(2026, 10, d, h, m, s, 0, time.UTC) }
	month := cdrclient.Query{Start: oct(1, 0, 0, 0), End: oct(31, 23, 59, 59)}
	long := strings.Repeat("长", 200)
	for _, tc := range []struct {
		name, source string
		q            cdrclient.Query
		format       report.Format
		want         string
	}{
		{"all extensions", "总部", month, report.CSV, "CDR_总部_all_20261001_20261031.csv"},
		{"some extensions", "Office", cdrclient.Query{Extensions: []string{"1000", "1001"}, Start: oct(1, 0, 0, 0), End: oct(1, 23, 59, 59)},
			report.XLSX, "CDR_Office_1000-1001_20261001_20261001.xlsx"},
		{"many extensions", "A", cdrclient.Query{Extensions: []string{"1", "2", "3", "4", "5", "6"}, Start: oct(1, 0, 0, 0), End: oct(2, 23, 59, 59)},
			report.ExcelCSV, "CDR_A_1-2-3-and-3-more_20261001_20261002.csv"},
		{"four extensions in full", "A", cdrclient.Query{Extensions: []string{"1", "2", "3", "4"}, Start: oct(1, 0, 0, 0), End: oct(1, 23, 59, 59)},
			report.CSV, "CDR_A_1-2-3-4_20261001_20261001.csv"},
		{"part of a day keeps the clock", "A", cdrclient.Query{Start: oct(1, 8, 30, 0), End: oct(1, 12, 0, 0)},
			report.CSV, "CDR_A_all_20261001-0830_20261001-1200.csv"},
		{"an end at midnight is not a whole day", "A", cdrclient.Query{Start: oct(1, 0, 0, 0), End: oct(2, 0, 0, 0)},
			report.CSV, "CDR_A_all_20261001_20261002-0000.csv"},
		{"the PBX's host when there is no profile", "192.168.1.150", month, report.CSV, "CDR_192.168.1.150_all_20261001_20261031.csv"},
		{"an IPv6 host", "::1", month, report.CSV, "CDR___1_all_20261001_20261031.csv"},
		{"forbidden characters", `a<b>c:d"e/f\g|h?i*j` + "\x01\x7f", month, report.CSV,
			"CDR_a_b_c_d_e_f_g_h_i_j___all_20261001_20261031.csv"},
		{"no source, no dates", "", cdrclient.Query{}, report.XLSX, "CDR_all.xlsx"},
		{"trailing dots and spaces", "x. .", cdrclient.Query{}, report.CSV, "CDR_x. ._all.csv"},
		{"a long profile name is cut, the dates stay", long, month, report.CSV,
			"CDR_" + strings.Repeat("长", maxSourceRunes) + "_all_20261001_20261031.csv"},
		{"a long list of extensions is cut last", "A", cdrclient.Query{Extensions: []string{strings.Repeat("1", 80), strings.Repeat("2", 80)}},
			report.CSV, "CDR_A_" + strings.Repeat("1", 80) + "-" + strings.Repeat("2", maxRunes-6-81) + ".csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Suggest(tc.source, tc.q, tc.format)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if err := Check(got); err != nil {
				t.Errorf("the suggestion %q is not a plain name: %v", got, err)
			}
		})
	}
}

func TestSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ok", "ok"},
		{"end. . ", "end"},
		{"tab\there", "tab_here"},
		{"a/b", "a_b"},
		{`C:\x`, "C__x"},
	} {
		if got := safe(tc.in); got != tc.want {
			t.Errorf("safe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"report.csv", nil},
		{" 上月通话.xlsx ", nil},
		{"CDR_总部_all_20261001_20261031.csv", nil},
		{".hidden", nil},
		{"", ErrEmpty},
		{"   ", ErrEmpty},
		{"../report.csv", ErrSeparator},
		{`..\report.csv`, ErrSeparator},
		{"sub/report.csv", ErrSeparator},
		{`C:\Windows\report.csv`, ErrSeparator},
		{"/etc/passwd", ErrSeparator},
		{"..", ErrDots},
		{".", ErrDots},
		{"report..csv", ErrDots},
		{"a:b.csv", ErrCharacters},
		{"what?.csv", ErrCharacters},
		{"tab\there.csv", ErrCharacters},
	} {
		if got := Check(tc.in); !errors.Is(got, tc.want) || (tc.want == nil) != (got == nil) {
			t.Errorf("Check(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestSuggestWorkbook: a report workbook is named by the same rules, apart from the
// plain export of the same range.
func TestSuggestWorkbook(t *testing.T) {
	q := cdrclient.Query{Extensions: []string{"1000"}, Start: time.Date(2026, 5, 19, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 5, 19, 23, 59, 59, 0, time.UTC)}
	if got, want := SuggestWorkbook("总部", q), "Report_总部_1000_20260519_20260519.xlsx"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if SuggestWorkbook("总部", q) == Suggest("总部", q, report.XLSX) {
		t.Error("the workbook takes the plain export's name")
	}
}

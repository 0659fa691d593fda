package results

import (
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/report"
)

func TestSuggestName(t *testing.T) {
	oct := func(d, h int) time.Time { return time.Date(2026, 10, d, h, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		info   Info
		format report.Format
		want   string
	}{
		{"all extensions", Info{Profile: "总部", Query: cdrclient.Query{Start: oct(1, 0), End: oct(31, 23)}}, report.CSV,
			"CDR_总部_all_20261001_20261031.csv"},
		{"some extensions", Info{Profile: "Office", Query: cdrclient.Query{Extensions: []string{"1000", "1001"}, Start: oct(1, 8), End: oct(1, 18)}},
			report.XLSX, "CDR_Office_1000-1001_20261001_20261001.xlsx"},
		{"many extensions", Info{Profile: "A", Query: cdrclient.Query{Extensions: []string{"1", "2", "3", "4", "5", "6"}, Start: oct(1, 0), End: oct(2, 0)}},
			report.ExcelCSV, "CDR_A_1-2-3-and-3-more_20261001_20261002.csv"},
		{"forbidden characters", Info{Profile: `a<b>c:d"e/f\g|h?i*j` + "\x01", Query: cdrclient.Query{Start: oct(1, 0), End: oct(2, 0)}},
			report.CSV, "CDR_a_b_c_d_e_f_g_h_i_j__all_20261001_20261002.csv"},
		{"no profile, no dates", Info{}, report.XLSX, "CDR_all.xlsx"},
		{"trailing dots", Info{Profile: "x. ."}, report.CSV, "CDR_x. ._all.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := suggestName(tc.info, tc.format); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"ok":        "ok",
		"end. . ":   "end",
		"tab\there": "tab_here",
		"a/b":       "a_b",
	} {
		if got := safeFileName(in); got != want {
			t.Errorf("safeFileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := safeFileName(string(make([]rune, 500)))
	if n := len([]rune(long)); n > maxNameRunes {
		t.Errorf("a long name keeps %d runes", n)
	}
}

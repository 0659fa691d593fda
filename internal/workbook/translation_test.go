package workbook

import (
	"strings"
	"testing"
)

// TestTranslation: the window's language names and the command line's locales both
// choose the sheets' words; anything not Chinese is English.
func TestTranslation(t *testing.T) {
	for _, tc := range []struct {
		language string
		want     string // the Summary sheet's name
	}{
		{"zh_Hans", "摘要"},
		{"zh_CN.UTF-8", "摘要"},
		{"zh-TW", "摘要"},
		{"ZH", "摘要"},
		{"zh_CN:en", "摘要"},
		{"en", "Summary"},
		{"", "Summary"},
		{"C.UTF-8", "Summary"},
		{"en_US.UTF-8", "Summary"},
		{"fr", "Summary"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			tr, err := Translation(tc.language)
			if err != nil {
				t.Fatal(err)
			}
			if got := tr(sheetSummary, nil); got != tc.want {
				t.Errorf("Summary is %q, want %q", got, tc.want)
			}
			if got := tr("Call-backs after the end of the range ({{.End}}) are not seen: {{.Open}} of the missed calls not returned may still have been returned.",
				map[string]any{"End": "2026-10-03 23:59:59", "Open": 4}); !strings.Contains(got, "2026-10-03 23:59:59") || !strings.Contains(got, " 4 ") {
				t.Errorf("placeholders not filled: %q", got)
			}
		})
	}
}

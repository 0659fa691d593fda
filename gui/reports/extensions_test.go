package reports

import (
	"cmp"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// extensionLine is what a By extension line must show for e.
func extensionLine(e callreport.Extension, seconds bool) []string {
	dur := func(s int64) string {
		if seconds {
			return count(int(s))
		}
		return clock(s)
	}
	avg := int64(0)
	if n := int64(e.Answered + e.AnsweredOutgoing); n > 0 {
		avg = (2*e.TalkSeconds + n) / (2 * n)
	}
	return []string{e.Number, e.Name, count(e.Rang), count(e.Answered), count(e.AnsweredByColleague),
		count(e.Missed), count(e.Outgoing), dur(e.TalkSeconds), dur(avg)}
}

func TestExtensionsShowTheReport(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			useLanguage(t, language)
			_, c := fold(t, 7, callreport.DefaultSettings())
			r := c.Report(nil)
			e := NewExtensions()
			e.Show(c, r)
			if e.sheet.rows != len(r.Extensions) || len(r.Extensions) < 5 {
				t.Fatalf("%d lines for %d extensions", e.sheet.rows, len(r.Extensions))
			}
			row := line(e.sheet)
			for k, x := range r.Extensions { // by number, as the report has them
				if got, want := row(k), extensionLine(x, false); !slices.Equal(got, want) {
					t.Errorf("line %d: %q, want %q", k, got, want)
				}
			}
			e.SetSeconds(true)
			if got, want := row(0), extensionLine(r.Extensions[0], true); !slices.Equal(got, want) {
				t.Errorf("in seconds: %q, want %q", got, want)
			}
			if h := headers(t, e.sheet); h[0] != i18n.L("Extension")+" ▲" || h[5] != i18n.L("Missed") {
				t.Errorf("headers %q", h)
			}
		})
	}
}

// TestExtensionsSortByHeader taps drawn headers: ascending, then descending, with
// the arrow on the column sorted by, ties by number; the report's order is kept.
func TestExtensionsSortByHeader(t *testing.T) {
	useLanguage(t, i18n.English)
	_, c := fold(t, 7, callreport.DefaultSettings())
	r := c.Report(nil)
	before := slices.Clone(r.Extensions)
	e := NewExtensions()
	showIn(t, e.Widget(), 1400, 800)
	e.Show(c, r)
	figure := func(row, col int) int {
		n, err := strconv.Atoi(text(e.sheet, row, col))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	sorted := func(col int, descending bool) {
		t.Helper()
		for k := 1; k < e.sheet.rows; k++ {
			a, b := figure(k-1, col), figure(k, col)
			if descending {
				a, b = b, a
			}
			switch c := cmp.Compare(a, b); {
			case c > 0:
				t.Fatalf("column %d, lines %d and %d: %d then %d", col, k-1, k, figure(k-1, col), figure(k, col))
			case c == 0 && len(text(e.sheet, k-1, 0)) == len(text(e.sheet, k, 0)) && text(e.sheet, k-1, 0) > text(e.sheet, k, 0):
				t.Fatalf("a tie is not by number: %s before %s", text(e.sheet, k-1, 0), text(e.sheet, k, 0))
			}
		}
	}
	const missedCol = 5
	test.Tap(renderedHeader(t, e.sheet, missedCol))
	sorted(missedCol, false)
	if h := headers(t, e.sheet); h[missedCol] != "Missed ▲" || h[0] != "Extension" {
		t.Errorf("headers after one tap: %q", h)
	}
	test.Tap(renderedHeader(t, e.sheet, missedCol))
	sorted(missedCol, true)
	if h := headers(t, e.sheet); h[missedCol] != "Missed ▼" {
		t.Errorf("headers after two taps: %q", h)
	}
	if figure(0, missedCol) == figure(e.sheet.rows-1, missedCol) {
		t.Fatal("every extension missed as many calls: the test shows nothing")
	}
	test.Tap(renderedHeader(t, e.sheet, 2)) // Rang: ascending again
	sorted(2, false)
	e.Show(c, c.Report(nil)) // new figures keep the order chosen
	sorted(2, false)
	if !slices.EqualFunc(before, r.Extensions, func(a, b callreport.Extension) bool { return a == b }) {
		t.Error("sorting the view reordered the report's own lines")
	}
}

func TestExtensionsEmpty(t *testing.T) {
	useLanguage(t, i18n.Chinese)
	_, c := fold(t, 2, callreport.DefaultSettings())
	e := NewExtensions()
	e.Show(c, &callreport.Report{})
	if !e.sheet.empty.Visible() || e.sheet.empty.Text != "此时间段内没有分机响铃或呼出。" {
		t.Errorf("empty state %q shown %v", e.sheet.empty.Text, e.sheet.empty.Visible())
	}
	e.Show(nil, nil)
	if e.sheet.empty.Visible() || e.sheet.rows != 0 {
		t.Error("a cleared view says something")
	}
}

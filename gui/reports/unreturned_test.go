package reports

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/callreport"
)

// TestUnreturnedShowsTheReport compares every cell of the view with the report's
// lines, in both languages, and the headline and notes with its totals.
func TestUnreturnedShowsTheReport(t *testing.T) {
	for _, tc := range []struct {
		language, headline, rule string
	}{
		{i18n.English, " callers · ", "within 24 h"},
		{i18n.Chinese, " 位来电者 · ", "24 小时"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			useLanguage(t, tc.language)
			d, c := fold(t, 7, callreport.DefaultSettings())
			r := c.Report(nil)
			if len(r.Unreturned) < 5 || r.Summary.Open == 0 {
				t.Fatalf("the simulated week has %d callers not called back, %d open: too few to test", len(r.Unreturned), r.Summary.Open)
			}
			u := NewUnreturned()
			u.SetNames(d.names)
			u.Show(c, r)
			missed := 0
			row := line(u.sheet)
			for k, l := range r.Unreturned {
				missed += l.Missed
				exts := make([]string, len(l.Extensions))
				for j, e := range l.Extensions {
					exts[j] = e
					if name := d.names[e]; name != "" {
						exts[j] = e + " " + name
					}
				}
				note := ""
				if l.Open {
					note = i18n.L("may still be returned")
				}
				want := []string{l.Number, count(l.Missed), stamp(l.First), stamp(l.Last), strings.Join(exts, ", "),
					count(l.Attempts), stamp(l.LastAttempt), note}
				if l.Number == "" {
					want[0] = i18n.L("(no number)")
				}
				if got := row(k); !slices.Equal(got, want) {
					t.Errorf("line %d: %q, want %q", k, got, want)
				}
			}
			if u.sheet.rows != len(r.Unreturned) {
				t.Errorf("%d lines, want %d", u.sheet.rows, len(r.Unreturned))
			}
			if want := count(len(r.Unreturned)) + tc.headline; !strings.HasPrefix(u.headline.Text, want) || !strings.Contains(u.headline.Text, count(missed)) {
				t.Errorf("headline %q, want %q… %d", u.headline.Text, want, missed)
			}
			if !strings.Contains(u.rule.Text, tc.rule) {
				t.Errorf("rule %q lacks %q", u.rule.Text, tc.rule)
			}
			if !u.open.Visible() || !strings.Contains(u.open.Text, count(r.Summary.Open)) || !strings.Contains(u.open.Text, stamp(d.end)) {
				t.Errorf("open note %q (shown %v), want %d and %s", u.open.Text, u.open.Visible(), r.Summary.Open, stamp(d.end))
			}
		})
	}
}

// TestUnreturnedRuleFollowsSettings: the sentence says the window and the rings
// ignored as the calls were folded with.
func TestUnreturnedRuleFollowsSettings(t *testing.T) {
	useLanguage(t, i18n.English)
	s := callreport.DefaultSettings()
	s.CallbackWindow = 90 * 60e9
	s.IgnoreShorter = 5e9
	_, c := fold(t, 2, s)
	u := NewUnreturned()
	u.Show(c, c.Report(nil))
	for _, want := range []string{"within 90 min", "shorter than 5 s"} {
		if !strings.Contains(u.rule.Text, want) {
			t.Errorf("rule %q lacks %q", u.rule.Text, want)
		}
	}
}

// TestUnreturnedOpensCalls: a double tap on a drawn line, or a tap and Show calls,
// hands that caller's calls to OnShowCalls.
func TestUnreturnedOpensCalls(t *testing.T) {
	useLanguage(t, i18n.English)
	d, c := fold(t, 7, callreport.DefaultSettings())
	r := c.Report(nil)
	u := NewUnreturned()
	u.SetNames(d.names)
	var got [][]int
	u.OnShowCalls = func(calls []int) { got = append(got, calls) }
	showIn(t, u.Widget(), 1200, 700)
	u.Show(c, r)
	show := uitest.Button(t, u.Widget(), "Show calls")
	if !show.Disabled() {
		t.Error("Show calls is enabled with no line selected")
	}

	test.DoubleTap(renderedCell[*doubleTapCell](t, u.sheet, 2, 1))
	if len(got) != 1 || !slices.Equal(got[0], r.Unreturned[2].Calls) {
		t.Fatalf("double tap on line 2 showed %v, want %v", got, r.Unreturned[2].Calls)
	}

	test.Tap(renderedCell[*doubleTapCell](t, u.sheet, 4, 0))
	if len(got) != 1 {
		t.Errorf("a single tap showed calls")
	}
	if u.sheet.selected != 4 || show.Disabled() {
		t.Fatalf("after a tap on line 4: selected %d, Show calls disabled %v", u.sheet.selected, show.Disabled())
	}
	if !renderedCell[*doubleTapCell](t, u.sheet, 4, 3).back.Visible() {
		t.Error("the selected line is not marked")
	}
	w := fyne.CurrentApp().Driver().CanvasForObject(u.sheet.table)
	if w == nil || w.Focused() != u.sheet.table {
		t.Fatal("a tap on a line leaves the table without the keyboard")
	}
	u.sheet.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	u.sheet.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if u.sheet.selected != 5 {
		t.Fatalf("down, space selected line %d", u.sheet.selected)
	}
	u.sheet.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	u.sheet.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if u.sheet.selected != 4 {
		t.Fatalf("down, space, up, space selected line %d", u.sheet.selected)
	}
	test.Tap(show)
	if len(got) != 2 || !slices.Equal(got[1], r.Unreturned[4].Calls) {
		t.Fatalf("Show calls showed %v, want %v", got[len(got)-1], r.Unreturned[4].Calls)
	}
	rows := c.RowsOf(got[1])
	for _, call := range got[1] {
		if !c.Call(call).Missed || c.Call(call).Callback == callreport.Returned {
			t.Errorf("call %d shown is not a missed call not returned", call)
		}
	}
	if len(rows) < len(got[1]) {
		t.Errorf("%d records for %d calls", len(rows), len(got[1]))
	}

	u.Show(c, r) // new figures: nothing selected any more
	if !show.Disabled() || u.sheet.selected != -1 {
		t.Error("the selection outlived new figures")
	}
}

// TestUnreturnedSettingsButton calls OnSettings.
func TestUnreturnedSettingsButton(t *testing.T) {
	useLanguage(t, i18n.Chinese)
	u := NewUnreturned()
	called := 0
	u.OnSettings = func() { called++ }
	test.Tap(uitest.Button(t, u.Widget(), "设置…"))
	if called != 1 {
		t.Errorf("OnSettings called %d times", called)
	}
}

// TestUnreturnedEmptyStates: a range without missed calls, one whose missed calls
// were all returned, and a cleared view each say so calmly, without a table.
func TestUnreturnedEmptyStates(t *testing.T) {
	for _, tc := range []struct {
		language, none, returned string
	}{
		{i18n.English, "No missed calls.", "Every missed call was returned."},
		{i18n.Chinese, "没有未接来电。", "所有未接来电都已回拨。"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			useLanguage(t, tc.language)
			_, c := fold(t, 7, callreport.DefaultSettings())
			var answered, returned []int
			for i := range c.Len() {
				switch call := c.Call(i); {
				case call.Answered:
					answered = append(answered, i)
				case call.Missed && call.Callback == callreport.Returned:
					returned = append(returned, i)
				}
			}
			u := NewUnreturned()
			for _, step := range []struct {
				calls []int
				want  string
			}{{answered, tc.none}, {returned, tc.returned}} {
				r := c.Report(c.RowsOf(step.calls))
				if len(r.Unreturned) != 0 {
					t.Fatalf("%d lines in a report without unreturned calls", len(r.Unreturned))
				}
				u.Show(c, r)
				if u.headline.Text != step.want || u.sheet.box.Visible() || u.open.Visible() {
					t.Errorf("headline %q (want %q), table shown %v, open note %v", u.headline.Text, step.want, u.sheet.box.Visible(), u.open.Visible())
				}
			}
			u.Show(nil, nil)
			if u.headline.Text != "" || u.rule.Text != "" || u.sheet.rows != 0 {
				t.Errorf("cleared view shows %q %q and %d lines", u.headline.Text, u.rule.Text, u.sheet.rows)
			}
		})
	}
}

// TestHeadline words one and several callers and calls.
func TestHeadline(t *testing.T) {
	useLanguage(t, i18n.English)
	for _, tc := range []struct {
		callers, missed, all int
		want                 string
	}{
		{0, 0, 0, "No missed calls."},
		{0, 0, 3, "Every missed call was returned."},
		{1, 1, 3, "1 caller · 1 missed call not returned"},
		{1, 2, 3, "1 caller · 2 missed calls not returned"},
		{1234, 2345, 9999, "1,234 callers · 2,345 missed calls not returned"},
	} {
		if got := headline(tc.callers, tc.missed, tc.all); got != tc.want {
			t.Errorf("headline(%d, %d, %d) = %q, want %q", tc.callers, tc.missed, tc.all, got, tc.want)
		}
	}
}

package query

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
)

func TestValidationBlocksSubmit(t *testing.T) {
	tests := []struct {
		name   string
		do     func(f *fixture)
		en, zh string
	}{
		{"malformed from date", func(f *fixture) { retype(f.p.dates.fromDate.entry, "2026-13-01") },
			"From date: use the form 2026-05-18", "开始日期：请按 2026-05-18 的格式填写"},
		{"impossible to date", func(f *fixture) { retype(f.p.dates.toDate.entry, "2026-02-30") },
			"To date: use the form 2026-05-18", "结束日期：请按 2026-05-18 的格式填写"},
		{"day first", func(f *fixture) { retype(f.p.dates.fromDate.entry, "18/05/2026") },
			"From date: use the form 2026-05-18", "开始日期：请按 2026-05-18 的格式填写"},
		{"empty date", func(f *fixture) { retype(f.p.dates.toDate.entry, "") },
			"To date: use the form 2026-05-18", "结束日期：请按 2026-05-18 的格式填写"},
		{"malformed from time", func(f *fixture) { retype(f.p.dates.fromTime, "8.30") },
			"From time: use the form 08:30:00", "开始时间：请按 08:30:00 的格式填写"},
		{"to time out of range", func(f *fixture) { retype(f.p.dates.toTime, "24:00:00") },
			"To time: use the form 08:30:00", "结束时间：请按 08:30:00 的格式填写"},
		{"from after to", func(f *fixture) {
			retype(f.p.dates.fromDate.entry, "2026-11-27")
		}, "From is after To", "开始时间晚于结束时间"},
		{"from after to by the clock", func(f *fixture) {
			retype(f.p.dates.fromTime, "18:00:00")
			retype(f.p.dates.toTime, "17:59:59")
		}, "From is after To", "开始时间晚于结束时间"},
		{"no extension", func(f *fixture) { test.Tap(f.p.exts.all) },
			"Choose at least one extension", "请至少选择一个分机"},
		{"all deselected again", func(f *fixture) {
			f.tick("1000", "1001")
			test.Tap(f.p.exts.selectNone)
		}, "Choose at least one extension", "请至少选择一个分机"},
	}
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		f := newFixture(t, lang, tall)
		for _, tt := range tests {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				f.t = t
				f.reset()
				if f.p.extProblem.Visible() || f.p.dateIssue.Visible() {
					t.Fatalf("problems shown before any edit: %q %q", f.p.extProblem.Text, f.p.dateIssue.Text)
				}
				tt.do(f)
				want := tt.en
				if lang == i18n.Chinese {
					want = tt.zh
				}
				shown := strings.Join(visibleProblems(f), "\n")
				if !strings.Contains(shown, want) {
					t.Errorf("problems shown: %q, want %q", shown, want)
				}
				if got := f.submit(); len(got) != 0 {
					t.Errorf("submitted with invalid input: %+v", got)
				}
			})
		}
	}
}

func visibleProblems(f *fixture) []string {
	var out []string
	if f.p.extProblem.Visible() {
		out = append(out, f.p.extProblem.Text)
	}
	if f.p.dateIssue.Visible() {
		out = append(out, f.p.dateIssue.Text)
	}
	return out
}

func TestProblemClearsWhenFixed(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	retype(f.p.dates.fromTime, "25:00")
	if !f.p.dateIssue.Visible() {
		t.Fatal("no problem shown for 25:00")
	}
	retype(f.p.dates.fromTime, "07:00:00")
	if f.p.dateIssue.Visible() {
		t.Errorf("problem still shown: %q", f.p.dateIssue.Text)
	}
	if len(f.submit()) != 1 {
		t.Error("not submitted once fixed")
	}
}

package query

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/period"
)

func TestSubmit(t *testing.T) {
	day := func(d, h, m, s int) time.Time { return time.Date(2026, 11, d, h, m, s, 0, time.Local) }
	tests := []struct {
		name string
		do   func(f *fixture)
		want cdrclient.Query
	}{
		{"two extensions, last month", func(f *fixture) {
			f.tick("1000", "1003")
			f.choosePreset(period.LastMonth)
		}, cdrclient.Query{Extensions: []string{"1000", "1003"},
			Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), End: time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)}},
		{"ticked out of order, sent in list order", func(f *fixture) {
			f.tick("1020", "1001")
		}, cdrclient.Query{Extensions: []string{"1001", "1020"}, Start: day(26, 0, 0, 0), End: day(26, 23, 59, 59)}},
		{"all extensions", func(f *fixture) {
			f.choosePreset(period.Yesterday)
		}, cdrclient.Query{Start: day(25, 0, 0, 0), End: day(25, 23, 59, 59)}},
		{"all again after choosing some", func(f *fixture) {
			f.tick("1000")
			test.Tap(f.p.exts.all)
		}, cdrclient.Query{Start: day(26, 0, 0, 0), End: day(26, 23, 59, 59)}},
		{"custom dates and times typed", func(f *fixture) {
			retype(f.p.dates.fromDate.entry, "2026-05-18")
			retype(f.p.dates.fromTime, "08:30:00")
			retype(f.p.dates.toDate.entry, "2026-05-19")
			retype(f.p.dates.toTime, "17:05:09")
		}, cdrclient.Query{Start: time.Date(2026, 5, 18, 8, 30, 0, 0, time.Local), End: time.Date(2026, 5, 19, 17, 5, 9, 0, time.Local)}},
		{"hurried typing: 2026/5/8, 8:30, full-width", func(f *fixture) {
			retype(f.p.dates.fromDate.entry, "2026/5/8")
			retype(f.p.dates.fromTime, "8:30")
			retype(f.p.dates.toDate.entry, "２０２６－０５－０９")
			retype(f.p.dates.toTime, "１７：００")
		}, cdrclient.Query{Start: time.Date(2026, 5, 8, 8, 30, 0, 0, time.Local), End: time.Date(2026, 5, 9, 17, 0, 0, 0, time.Local)}},
		{"a range in the future is fine", func(f *fixture) {
			retype(f.p.dates.fromDate.entry, "2027-01-01")
			retype(f.p.dates.toDate.entry, "2027-01-31")
		}, cdrclient.Query{Start: time.Date(2027, 1, 1, 0, 0, 0, 0, time.Local), End: time.Date(2027, 1, 31, 23, 59, 59, 0, time.Local)}},
		{"one second", func(f *fixture) {
			retype(f.p.dates.fromTime, "12:00:00")
			retype(f.p.dates.toTime, "12:00:00")
		}, cdrclient.Query{Start: day(26, 12, 0, 0), End: day(26, 12, 0, 0)}},
	}
	f := newFixture(t, i18n.English, tall)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.t = t
			f.reset()
			tt.do(f)
			got := f.submit()
			if len(got) != 1 {
				t.Fatalf("OnSubmit called %d times; problems: %q %q", len(got), f.p.extProblem.Text, f.p.dateIssue.Text)
			}
			if !reflect.DeepEqual(got[0], tt.want) {
				t.Errorf("query\n got %+v\nwant %+v", got[0], tt.want)
			}
		})
	}
}

func TestEnterSubmits(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	fields := map[string]fyne.Focusable{
		"search": f.p.exts.search, "from date": f.p.dates.fromDate.entry, "from time": f.p.dates.fromTime,
		"to date": f.p.dates.toDate.entry, "to time": f.p.dates.toTime,
	}
	for name, field := range fields {
		before := len(f.queries)
		f.w.Canvas().Focus(field)
		f.w.Canvas().Focused().(fyne.Focusable).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if len(f.queries) != before+1 {
			t.Errorf("Enter in %s: %d queries, want 1", name, len(f.queries)-before)
		}
	}
}

func TestBusyDisablesGetRecords(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	f.p.SetBusy(true)
	if !f.p.get.Disabled() {
		t.Error("Get records enabled while busy")
	}
	test.Tap(f.p.get)
	f.p.dates.toTime.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.queries) != 0 {
		t.Errorf("submitted while busy: %v", f.queries)
	}
	f.p.SetBusy(false)
	if f.p.get.Disabled() || len(f.submit()) != 1 {
		t.Error("Get records does not work after the download")
	}
}

func TestPresetFillsFieldsAndEditingMakesCustom(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	for _, name := range period.Presets {
		f.choosePreset(name)
		r, _ := period.Preset(name, testNow)
		from, to := f.p.dates.texts()
		if from != r.From.Format(period.DateTimeLayout) || to != r.To.Format(period.DateTimeLayout) {
			t.Errorf("%s: fields %s – %s, want %v – %v", name, from, to, r.From, r.To)
		}
		if s := f.p.State(); s.Preset != name || s.From != "" {
			t.Errorf("%s: state %+v", name, s)
		}
		if got := f.marked(); got != presetLabel(name) {
			t.Errorf("%s: highlighted %q", name, got)
		}
	}
	retype(f.p.dates.toTime, "18:00:00")
	if got := f.marked(); got != "" || f.p.State().Preset != "" {
		t.Errorf("still preset %q after editing a field", got)
	}
	if s := f.p.State(); s.From != "2026-10-28 00:00:00" || s.To != "2026-11-26 18:00:00" {
		t.Errorf("custom state %q – %q", s.From, s.To)
	}
}

func TestPresetIsRecomputedWhenSubmitted(t *testing.T) {
	now := testNow
	a := test.NewTempApp(t)
	_ = a
	setLanguage(t, i18n.English)
	w := test.NewTempWindow(t, nil)
	p := New(w, func() time.Time { return now })
	var got cdrclient.Query
	p.OnSubmit = func(q cdrclient.Query) { got = q }
	now = now.AddDate(0, 0, 1) // the window stayed open past midnight
	test.Tap(p.get)
	if want := time.Date(2026, 11, 27, 0, 0, 0, 0, time.Local); !got.Start.Equal(want) {
		t.Errorf("Today sent as %v, want %v", got.Start, want)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		do   func(f *fixture)
		en   string
		zh   string
	}{
		{"all, today", func(f *fixture) {}, "All extensions · 2026-11-26", "全部分机 · 2026-11-26"},
		{"two, this month", func(f *fixture) {
			f.tick("1000", "1012")
			f.choosePreset(period.ThisMonth)
		}, "1000 张伟, 1012 · 2026-11-01 – 2026-11-26", "1000 张伟, 1012 · 2026-11-01 – 2026-11-26"},
		{"five, times", func(f *fixture) {
			f.tick("1000", "1001", "1002", "1008", "1009")
			retype(f.p.dates.fromTime, "08:00:00")
		}, "1000 张伟, 1001 王芳, 1002 李娜 and 2 more · 2026-11-26 08:00:00 – 2026-11-26 23:59:59",
			"1000 张伟, 1001 王芳, 1002 李娜 等另外 2 个 · 2026-11-26 08:00:00 – 2026-11-26 23:59:59"},
	}
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		f := newFixture(t, lang, tall)
		for _, tt := range tests {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				f.t = t
				f.reset()
				tt.do(f)
				want := tt.en
				if lang == i18n.Chinese {
					want = tt.zh
				}
				if got := f.p.Describe(); got != want {
					t.Errorf("Describe() = %q, want %q", got, want)
				}
			})
		}
	}
}

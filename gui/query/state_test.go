package query

import (
	"encoding/json"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/period"
)

func TestStateRoundTrip(t *testing.T) {
	groups := map[string][]string{"前台": {"1006"}, "Sales": {"1000", "1013"}}
	tests := []struct {
		name string
		in   State
		want State // what State() returns after Restore(in)
	}{
		{"zero: all extensions, today", State{},
			State{AllExtensions: true, Extensions: []string{}, Preset: period.Today, Groups: map[string][]string{}}},
		{"some extensions, a preset", State{Extensions: []string{"1003", "1000"}, Preset: period.LastWeek, Groups: groups},
			State{Extensions: []string{"1000", "1003"}, Preset: period.LastWeek, Groups: groups}},
		{"custom range", State{AllExtensions: true, From: "2026-05-18 08:30:00", To: "2026-05-19 17:00:00"},
			State{AllExtensions: true, Extensions: []string{}, From: "2026-05-18 08:30:00", To: "2026-05-19 17:00:00", Groups: map[string][]string{}}},
		{"custom dates without times", State{AllExtensions: true, From: "2026-05-18", To: "2026-05-19"},
			State{AllExtensions: true, Extensions: []string{}, From: "2026-05-18 00:00:00", To: "2026-05-19 23:59:59", Groups: map[string][]string{}}},
		{"unknown preset keeps the custom range", State{AllExtensions: true, Preset: "fortnight", From: "2026-05-18 00:00:00", To: "2026-05-18 23:59:59"},
			State{AllExtensions: true, Extensions: []string{}, From: "2026-05-18 00:00:00", To: "2026-05-18 23:59:59", Groups: map[string][]string{}}},
	}
	f := newFixture(t, i18n.English, tall)
	fresh := New(test.NewTempWindow(t, nil), fixedNow) // where the stored state goes
	fresh.SetExtensions(simExtensions())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.reset()
			f.p.Restore(tt.in)
			got := f.p.State()
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("State() after Restore\n got %#v\nwant %#v", got, tt.want)
			}
			// Through JSON, as the window stores it, into a fresh panel.
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			var back State
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			fresh.Restore(back)
			if again := fresh.State(); !reflect.DeepEqual(again, got) {
				t.Errorf("second round trip\n got %#v\nwant %#v", again, got)
			}
		})
	}
}

func TestStateJSONNames(t *testing.T) {
	data, _ := json.Marshal(State{AllExtensions: true, Extensions: []string{"1000"}, Preset: "today", From: "a", To: "b", Groups: map[string][]string{"g": {"1"}}})
	want := `{"all":true,"extensions":["1000"],"preset":"today","from":"a","to":"b","groups":{"g":["1"]}}`
	if string(data) != want {
		t.Errorf("JSON %s, want %s", data, want)
	}
}

func TestRestoreShowsCustomRangeInFields(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	f.p.Restore(State{AllExtensions: true, From: "2026-05-18 08:30:00", To: "2026-05-19 17:00:00"})
	d := f.p.dates
	if d.fromDate.Text() != "2026-05-18" || d.fromTime.Text != "08:30:00" || d.toDate.Text() != "2026-05-19" || d.toTime.Text != "17:00:00" {
		t.Errorf("fields %q %q %q %q", d.fromDate.Text(), d.fromTime.Text, d.toDate.Text(), d.toTime.Text)
	}
	if got := f.marked(); got != "" {
		t.Errorf("preset %q shown for a custom range", got)
	}
}

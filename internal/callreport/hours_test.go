package callreport

import (
	"errors"
	"slices"
	"testing"
	"time"

	"cdrdesk/cdrclient"
)

func TestParseBusinessHours(t *testing.T) {
	week := func(days ...time.Weekday) (d [7]bool) {
		for _, x := range days {
			d[x] = true
		}
		return d
	}
	const (
		sun = time.Sunday
		mon = time.Monday
		tue = time.Tuesday
		wed = time.Wednesday
		thu = time.Thursday
		fri = time.Friday
		sat = time.Saturday
	)
	for _, tc := range []struct {
		in      string
		want    BusinessHours
		text    string // String(); "" = in
		wantMsg string
	}{
		{in: "Mon-Fri 09:00-18:00", want: BusinessHours{week(mon, tue, wed, thu, fri), 9 * time.Hour, 18 * time.Hour}},
		{in: "Mon-Sat 08:30-17:30", want: BusinessHours{week(mon, tue, wed, thu, fri, sat), 8*time.Hour + 30*time.Minute, 17*time.Hour + 30*time.Minute}},
		{in: "  mon - fri   9:00 - 18:00 ", want: BusinessHours{week(mon, tue, wed, thu, fri), 9 * time.Hour, 18 * time.Hour}, text: "Mon-Fri 09:00-18:00"},
		{in: "Mon,Wed,Fri 09:00-12:00", want: BusinessHours{week(mon, wed, fri), 9 * time.Hour, 12 * time.Hour}},
		{in: "Sun-Thu 08:00-16:00", want: BusinessHours{week(sun, mon, tue, wed, thu), 8 * time.Hour, 16 * time.Hour}, text: "Mon-Thu,Sun 08:00-16:00"},
		{in: "Saturday 00:00-24:00", want: BusinessHours{week(sat), 0, 24 * time.Hour}, text: "Sat 00:00-24:00"},
		{in: "Fri-Mon 10:00-11:00", want: BusinessHours{week(fri, sat, sun, mon), 10 * time.Hour, 11 * time.Hour}, text: "Mon,Fri-Sun 10:00-11:00"},
		{in: "", wantMsg: MsgHoursForm},
		{in: "Mon-Fri", wantMsg: MsgHoursForm},
		{in: "09:00-18:00", wantMsg: MsgHoursForm},
		{in: "Mon-Fri 09:00 18:00", wantMsg: MsgHoursForm},
		{in: "Mon-Fry 09:00-18:00", wantMsg: MsgHoursDays},
		{in: "周一-周五 09:00-18:00", wantMsg: MsgHoursDays},
		{in: "Mon,,Fri 09:00-18:00", wantMsg: MsgHoursDays},
		{in: "Mon-Fri 9-18", wantMsg: MsgHoursTime},
		{in: "Mon-Fri 09:00-25:00", wantMsg: MsgHoursTime},
		{in: "Mon-Fri 09:60-18:00", wantMsg: MsgHoursTime},
		{in: "Mon-Fri 24:30-18:00", wantMsg: MsgHoursTime},
		{in: "Mon-Fri 9:5-18:00", wantMsg: MsgHoursTime},
		{in: "Mon-Fri 18:00-09:00", wantMsg: MsgHoursOrder},
		{in: "Mon-Fri 09:00-09:00", wantMsg: MsgHoursOrder},
	} {
		got, err := ParseBusinessHours(tc.in)
		if tc.wantMsg != "" {
			var input *cdrclient.InputError
			if !errors.As(err, &input) || input.Msg != tc.wantMsg || input.Field != "business-hours" || input.Value != tc.in {
				t.Errorf("ParseBusinessHours(%q) = %v, %v; want the error %q", tc.in, got, err, tc.wantMsg)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseBusinessHours(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			continue
		}
		text := tc.text
		if text == "" {
			text = tc.in
		}
		if got.String() != text {
			t.Errorf("%q reads back as %q, want %q", tc.in, got.String(), text)
		}
	}
}

func TestBusinessHoursIn(t *testing.T) {
	h := DefaultSettings().BusinessHours
	for _, tc := range []struct {
		at   string
		want bool
	}{
		{"2025-03-07 17:59:59", true},  // Friday
		{"2025-03-07 18:00:00", false}, // closing time is after hours
		{"2025-03-10 09:00:00", true},  // Monday, opening time is in hours
		{"2025-03-10 08:59:59", false},
		{"2025-03-08 10:00:00", false}, // Saturday
		{"2025-03-09 12:00:00", false}, // Sunday
	} {
		if got := h.In(at(tc.at)); got != tc.want {
			t.Errorf("In(%s) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

// messages are the fixed sentences of the parser's errors.
var messages = []string{MsgHoursForm, MsgHoursDays, MsgHoursTime, MsgHoursOrder}

// FuzzParseBusinessHours: the parser never panics; what it accepts writes back in a form
// it reads as the same hours; what it refuses it refuses with one of its sentences.
func FuzzParseBusinessHours(f *testing.F) {
	for _, s := range []string{"Mon-Fri 09:00-18:00", "Mon-Sat 08:30-17:30", "sun-thu 8:00 - 16:00", "Mon,Wed 00:00-24:00", "Mon-Fri 18:00-09:00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseBusinessHours(s)
		if err != nil {
			var input *cdrclient.InputError
			if !errors.As(err, &input) || !slices.Contains(messages, input.Msg) {
				t.Fatalf("ParseBusinessHours(%q): %v is not one of the fixed sentences", s, err)
			}
			return
		}
		if h.validate() != nil || h.Close <= h.Open {
			t.Fatalf("ParseBusinessHours(%q) = %+v: not valid", s, h)
		}
		again, err := ParseBusinessHours(h.String())
		if err != nil || again != h {
			t.Fatalf("%q → %q → %+v, %v; want %+v", s, h.String(), again, err, h)
		}
	})
}

func TestSettingsValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*Settings)
		field string
	}{
		{"defaults", func(*Settings) {}, ""},
		{"no country code", func(s *Settings) { s.CountryCode = "" }, "country-code"},
		{"plus in country code", func(s *Settings) { s.CountryCode = "+86" }, "country-code"},
		{"five digits", func(s *Settings) { s.CountryCode = "12345" }, "country-code"},
		{"no window", func(s *Settings) { s.CallbackWindow = 0 }, "callback-window"},
		{"window over a month", func(s *Settings) { s.CallbackWindow = 32 * 24 * time.Hour }, "callback-window"},
		{"negative ignore", func(s *Settings) { s.IgnoreShorter = -time.Second }, "ignore-shorter"},
		{"hours closed before open", func(s *Settings) { s.BusinessHours.Close = s.BusinessHours.Open }, "business-hours"},
	} {
		s := DefaultSettings()
		tc.edit(&s)
		err := s.Validate()
		var input *cdrclient.InputError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &input) || input.Field != tc.field):
			t.Errorf("%s: %v, want an input error about %s", tc.name, err, tc.field)
		}
		if tc.field != "" {
			if _, err := Fold(t.Context(), Input{Table: parseTable(t, readFixture(t, "ringgroup.csv")), Settings: s}); err == nil {
				t.Errorf("%s: Fold accepted the settings", tc.name)
			}
		}
	}
}

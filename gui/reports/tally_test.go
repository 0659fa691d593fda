package reports

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// tallyLine is what By day and By hour show of y after their own first columns.
func tallyLine(y callreport.Tally) []string {
	return []string{count(y.All.Calls), count(y.All.Answered), count(y.All.Missed), count(y.All.NotReturned),
		clock(y.All.TalkSeconds), count(y.InHours.Calls), count(y.AfterHours.Calls)}
}

func TestDaysShowTheReport(t *testing.T) {
	for _, tc := range []struct {
		language string
		monday   string
	}{{i18n.English, "Monday"}, {i18n.Chinese, "星期一"}} {
		t.Run(tc.language, func(t *testing.T) {
			useLanguage(t, tc.language)
			_, c := fold(t, 7, callreport.DefaultSettings())
			r := c.Report(nil)
			v := NewDays()
			v.Show(c, r)
			if v.sheet.rows != 7 || len(r.Days) != 7 {
				t.Fatalf("%d lines for %d days", v.sheet.rows, len(r.Days))
			}
			row := line(v.sheet)
			for k, d := range r.Days {
				want := append([]string{simStart.AddDate(0, 0, k).Format("2006-01-02"), WeekdayNames()[d.Date.Weekday()]}, tallyLine(d.Tally)...)
				if got := row(k); !slices.Equal(got, want) {
					t.Errorf("day %d: %q, want %q", k, got, want)
				}
			}
			if got := text(v.sheet, 0, 1); got != tc.monday {
				t.Errorf("%s is a %q", simStart.Format(time.DateOnly), got)
			}
			v.SetSeconds(true)
			if got := text(v.sheet, 0, 6); got != count(int(r.Days[0].All.TalkSeconds)) {
				t.Errorf("talk time in seconds: %q", got)
			}
			v.Show(c, &callreport.Report{})
			if v.sheet.rows != 0 || !v.sheet.empty.Visible() {
				t.Error("an empty report shows lines or no word")
			}
		})
	}
}

func TestHoursShowTheReport(t *testing.T) {
	useLanguage(t, i18n.English)
	_, c := fold(t, 7, callreport.DefaultSettings())
	r := c.Report(nil)
	v := NewHours()
	v.Show(c, r)
	if v.sheet.rows != 24 {
		t.Fatalf("%d lines", v.sheet.rows)
	}
	row := line(v.sheet)
	for h := range 24 {
		want := append([]string{fmt.Sprintf("%02d:00–%02d:00", h, h+1)}, tallyLine(r.Hours[h])...)
		if got := row(h); !slices.Equal(got, want) {
			t.Errorf("hour %d: %q, want %q", h, got, want)
		}
	}
	busy := 0
	for h := range 24 {
		busy = max(busy, r.Hours[h].All.Calls)
	}
	if busy == 0 || r.Hours[10].InHours.Calls == 0 || r.Hours[3].InHours.Calls != 0 {
		t.Fatal("the simulated week has no office hours: the test shows nothing")
	}
	v.Show(c, &callreport.Report{})
	if v.sheet.rows != 0 || !v.sheet.empty.Visible() {
		t.Error("an empty report shows hours")
	}
	v.Show(nil, nil)
	if v.sheet.rows != 0 || v.sheet.empty.Visible() {
		t.Error("a cleared view shows something")
	}
}

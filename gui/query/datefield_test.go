package query

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
	"cdrdesk/internal/period"
)

// newDateWindow shows a lone date field in language.
func newDateWindow(t *testing.T, language string) (*DateField, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.System))
	setLanguage(t, language)
	d := NewDateField(fixedNow)
	w := test.NewTempWindow(t, container.NewVBox(d))
	w.Resize(fyne.NewSize(400, 500))
	return d, w
}

// calendarLabels are the heading and the weekday names of the open calendar.
func calendarLabels(d *DateField) (heading string, weekdays []string) {
	for _, o := range d.cal.days.Objects[:7] {
		weekdays = append(weekdays, o.(*widget.Label).Text)
	}
	return d.cal.heading.Text, weekdays
}

func TestCalendar(t *testing.T) {
	tests := []struct {
		lang, heading, previous, monday, sunday string
	}{
		{i18n.English, "November 2026", "October 2026", "Mon", "Sun"},
		{i18n.Chinese, "2026年11月", "2026年10月", "一", "日"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			d, w := newDateWindow(t, tt.lang)
			var changed []string
			d.OnChanged = func(s string) { changed = append(changed, s) }
			test.Tap(d.open)
			popup := w.Canvas().Overlays().Top()
			if popup == nil {
				t.Fatal("no calendar shown")
			}
			heading, weekdays := calendarLabels(d)
			if heading != tt.heading || weekdays[0] != tt.monday || weekdays[6] != tt.sunday {
				t.Errorf("heading %q, weekdays %v", heading, weekdays)
			}
			if b := uitest.Button(t, popup, "26"); b.Importance != widget.HighImportance {
				t.Error("today is not highlighted")
			}
			if b := uitest.Button(t, popup, "25"); b.Importance != widget.LowImportance {
				t.Error("another day is highlighted")
			}

			tapIcon(t, popup, "prev")
			if heading, _ := calendarLabels(d); heading != tt.previous {
				t.Errorf("after previous: %q", heading)
			}
			test.Tap(uitest.Button(t, popup, "15"))
			if d.Text() != "2026-10-15" || len(changed) != 1 || changed[0] != "2026-10-15" {
				t.Errorf("picked: text %q, OnChanged %v", d.Text(), changed)
			}
			if w.Canvas().Overlays().Top() != nil {
				t.Error("calendar still open after picking a day")
			}
		})
	}
}

// tapIcon taps the calendar's previous or next month button.
func tapIcon(t *testing.T, popup fyne.CanvasObject, which string) {
	t.Helper()
	var icons []*widget.Button
	uitest.Walk(popup, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil {
			icons = append(icons, b)
		}
	})
	if len(icons) != 2 {
		t.Fatalf("%d icon buttons in the calendar, want 2", len(icons))
	}
	if which == "prev" {
		test.Tap(icons[0])
	} else {
		test.Tap(icons[1])
	}
}

func TestCalendarOpensAtTheFieldsMonth(t *testing.T) {
	tests := []struct {
		text, heading string
		blanks        int // days before the 1st in a Monday-first week
		days          int
	}{
		{"2026-03-05", "March 2026", 6, 31},    // 1 March 2026 is a Sunday
		{"2024-02-29", "February 2024", 3, 29}, // a leap year; 1 Feb 2024 is a Thursday
		{"2026-06-01", "June 2026", 0, 30},     // a Monday
		{"not a date", "November 2026", 6, 30}, // today's month; 1 Nov 2026 is a Sunday
	}
	d, w := newDateWindow(t, i18n.English)
	for _, tt := range tests {
		d.SetText(tt.text)
		d.ShowCalendar()
		if d.cal.heading.Text != tt.heading {
			t.Errorf("%s: heading %q", tt.text, d.cal.heading.Text)
		}
		if got := len(d.cal.days.Objects) - 7; got != tt.blanks+tt.days {
			t.Errorf("%s: %d cells, want %d blanks and %d days", tt.text, got, tt.blanks, tt.days)
		}
		if first, ok := d.cal.days.Objects[7+tt.blanks].(*widget.Button); !ok || first.Text != "1" {
			t.Errorf("%s: the 1st is not in column %d", tt.text, tt.blanks+1)
		}
		if _, err := period.ParseDate(tt.text, time.Local); err == nil {
			day := tt.text[8:]
			if day[0] == '0' {
				day = day[1:]
			}
			if b := uitest.Button(t, w.Canvas().Overlays().Top(), day); b.Importance != widget.MediumImportance {
				t.Errorf("%s: the field's date is not marked", tt.text)
			}
		}
		tapIcon(t, w.Canvas().Overlays().Top(), "next")
		d.cal.onPick(d.cal.month) // the 1st of the next month
		if got, _ := d.Date(time.Local); got.Day() != 1 || d.Text() == tt.text {
			t.Errorf("%s: next month's 1st gave %q", tt.text, d.Text())
		}
	}
}

func TestDateFieldEnter(t *testing.T) {
	d, _ := newDateWindow(t, i18n.English)
	var submitted string
	d.OnSubmitted = func(s string) { submitted = s }
	test.Type(d.entry, "2026-05-18")
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if submitted != "2026-05-18" {
		t.Errorf("OnSubmitted got %q", submitted)
	}
	if got, err := d.Date(time.UTC); err != nil || !got.Equal(time.Date(2026, 5, 18, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date() = %v, %v", got, err)
	}
}

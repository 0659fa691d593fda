package reports

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/callreport"
)

// settingsDialog opens ShowSettings over a test window and returns its entries in
// the form's order (window, ignore, country, hours), and what onSave received.
type settingsDialog struct {
	w       fyne.Window
	entries []*widget.Entry
	saved   []callreport.Settings
}

func openSettings(t *testing.T, s callreport.Settings) *settingsDialog {
	t.Helper()
	d := &settingsDialog{w: showIn(t, widget.NewLabel(""), 900, 700)}
	ShowSettings(d.w, s, func(s callreport.Settings) { d.saved = append(d.saved, s) })
	uitest.Walk(d.top(t), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			d.entries = append(d.entries, e)
		}
	})
	if len(d.entries) != 4 {
		t.Fatalf("%d entries in the settings dialog", len(d.entries))
	}
	return d
}

func (d *settingsDialog) top(t *testing.T) fyne.CanvasObject {
	t.Helper()
	o := d.w.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is shown")
	}
	return o
}

// problems returns the refusals the dialog shows.
func (d *settingsDialog) problems(t *testing.T) []string {
	var out []string
	uitest.Walk(d.top(t), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

func TestSettingsFormHoldsTheSettings(t *testing.T) {
	useLanguage(t, i18n.English)
	s := callreport.DefaultSettings()
	s.CallbackWindow = 36 * time.Hour
	s.IgnoreShorter = 4 * time.Second
	s.CountryCode = "852"
	d := openSettings(t, s)
	for k, want := range []string{"36", "4", "852", "Mon-Fri 09:00-18:00"} {
		if d.entries[k].Text != want {
			t.Errorf("field %d holds %q, want %q", k, d.entries[k].Text, want)
		}
	}
	test.Tap(uitest.Button(t, d.top(t), "Save"))
	if len(d.saved) != 1 || d.saved[0] != s {
		t.Errorf("Save without a change gave %+v, want %+v", d.saved, s)
	}
	if d.w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after Save")
	}
}

// TestSettingsFormRefuses types refused values in both languages: each shows why
// under its field, Save is disabled and a tap on it saves nothing; a valid value
// typed over it saves what was typed. Cancel saves nothing.
func TestSettingsFormRefuses(t *testing.T) {
	cases := []struct {
		field   int
		typed   string
		english string
		chinese string
	}{
		{0, "0", "Enter the hours, more than 0 and at most 744 (31 days), like 24.", "请输入小时数：大于 0 且不超过 744（31 天），例如 24。"},
		{0, "745", "Enter the hours, more than 0 and at most 744 (31 days), like 24.", "请输入小时数：大于 0 且不超过 744（31 天），例如 24。"},
		{0, "24h", "Enter the hours, more than 0 and at most 744 (31 days), like 24.", "请输入小时数：大于 0 且不超过 744（31 天），例如 24。"},
		{1, "-1", "Enter whole seconds from 0 to 3600 (1 hour), like 5; 0 counts every ring.", "请输入 0 到 3600（1 小时）之间的整数秒，例如 5；0 表示计入所有响铃。"},
		{1, "2.5", "Enter whole seconds from 0 to 3600 (1 hour), like 5; 0 counts every ring.", "请输入 0 到 3600（1 小时）之间的整数秒，例如 5；0 表示计入所有响铃。"},
		{2, "86a", "Enter the country's calling code: 1 to 4 digits, like 86.", "请输入国家代码：1 到 4 位数字，例如 86。"},
		{2, "", "Enter the country's calling code: 1 to 4 digits, like 86.", "请输入国家代码：1 到 4 位数字，例如 86。"},
		{3, "weekdays", "Write the days, a space, then the times, like Mon-Fri 09:00-18:00.", "请先写星期，空一格再写时间，例如 Mon-Fri 09:00-18:00。"},
		{3, "周一-周五 09:00-18:00", "Write the days as Mon, Tue, Wed, Thu, Fri, Sat or Sun, like Mon-Fri or Mon,Wed,Fri.", "星期请写成 Mon、Tue、Wed、Thu、Fri、Sat 或 Sun，例如 Mon-Fri 或 Mon,Wed,Fri。"},
		{3, "Mon-Fri 9-18", "Write the times on a 24-hour clock from 00:00 to 24:00, like 09:00-18:00.", "时间请用 24 小时制，从 00:00 到 24:00，例如 09:00-18:00。"},
		{3, "Mon-Fri 18:00-09:00", "The closing time must be after the opening time, like 09:00-18:00.", "下班时间必须晚于上班时间，例如 09:00-18:00。"},
	}
	valid := []string{"48", "5", "+86", "Mon-Sat 08:30-17:30"}
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			useLanguage(t, language)
			for _, tc := range cases {
				d := openSettings(t, callreport.DefaultSettings())
				save := uitest.Button(t, d.top(t), i18n.L("Save"))
				test.Type(d.entries[tc.field], "") // focus
				d.entries[tc.field].SetText(tc.typed)
				want := tc.english
				if language == i18n.Chinese {
					want = tc.chinese
				}
				if got := d.problems(t); len(got) != 1 || got[0] != want {
					t.Errorf("%q in field %d: refusals %q, want %q", tc.typed, tc.field, got, want)
				}
				if !save.Disabled() {
					t.Errorf("%q in field %d: Save is enabled", tc.typed, tc.field)
				}
				test.Tap(save)
				save.OnTapped() // as if it came through anyway (a key press, a race)
				if len(d.saved) != 0 || d.w.Canvas().Overlays().Top() == nil {
					t.Fatalf("%q in field %d reached onSave: %+v", tc.typed, tc.field, d.saved)
				}
				d.entries[tc.field].SetText(valid[tc.field])
				if got := d.problems(t); len(got) != 0 || save.Disabled() {
					t.Errorf("%q in field %d: still refused %q, Save disabled %v", valid[tc.field], tc.field, got, save.Disabled())
				}
				test.Tap(uitest.Button(t, d.top(t), i18n.L("Cancel")))
				if len(d.saved) != 0 || d.w.Canvas().Overlays().Top() != nil {
					t.Errorf("Cancel saved %+v or left the dialog open", d.saved)
				}
			}
		})
	}
}

// TestSettingsFormSaves: what is typed, full-width digits from a Chinese input method
// included, is what onSave gets.
func TestSettingsFormSaves(t *testing.T) {
	useLanguage(t, i18n.Chinese)
	d := openSettings(t, callreport.DefaultSettings())
	for k, typed := range []string{"１２", "8", "+852", "Sun-Thu 08:00-17:00"} {
		d.entries[k].SetText(typed)
	}
	test.Tap(uitest.Button(t, d.top(t), "保存"))
	hours, err := callreport.ParseBusinessHours("Sun-Thu 08:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	want := callreport.Settings{CountryCode: "852", CallbackWindow: 12 * time.Hour, IgnoreShorter: 8 * time.Second, BusinessHours: hours}
	if len(d.saved) != 1 || d.saved[0] != want {
		t.Errorf("saved %+v, want %+v", d.saved, want)
	}
	if err := d.saved[0].Validate(); err != nil {
		t.Errorf("saved settings are not valid: %v", err)
	}
}

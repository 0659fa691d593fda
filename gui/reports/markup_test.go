package reports

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/callreport"
)

// shown is a view in its window.
type shown struct {
	View
	w fyne.Window
}

// views makes every view, named, shown in a window of a fixed size with two days of
// the simulated office.
func views(t *testing.T) map[string]shown {
	t.Helper()
	d, c := fold(t, 2, callreport.DefaultSettings())
	r := c.Report(nil)
	u, l := NewUnreturned(), NewCallList()
	u.SetNames(d.names)
	l.SetNames(d.names)
	out := map[string]shown{}
	for name, v := range map[string]View{"unreturned": u, "extensions": NewExtensions(), "days": NewDays(), "hours": NewHours(), "calls": l} {
		out[name] = shown{v, showIn(t, v.Widget(), 1100, 420)}
		v.Show(c, r)
	}
	return out
}

// TestViewsMarkup pins what each view draws, with the embedded font, in both
// languages. Regenerate a master after a deliberate change by deleting it and copying
// testdata/failed/ over.
func TestViewsMarkup(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			useLanguage(t, language)
			for name, v := range views(t) {
				test.AssertRendersToMarkup(t, name+"_"+language+".xml", v.w.Canvas())
			}
			d := openSettings(t, callreport.DefaultSettings())
			d.entries[3].SetText("Mon-Fri 18:00-09:00")
			test.AssertRendersToMarkup(t, "settings_"+language+".xml", d.w.Canvas())
		})
	}
}

var (
	asciiWord = regexp.MustCompile(`[A-Za-z]+`)
	cutWord   = regexp.MustCompile(`[A-Za-z]+…`) // a name cut short to fit
)

// TestChineseViewsHaveNoEnglish: every text a Chinese screen draws is Chinese, except
// data (numbers, extension names) and the day names business hours are written with.
func TestChineseViewsHaveNoEnglish(t *testing.T) {
	useLanguage(t, i18n.Chinese)
	d := simRecords(t, 2)
	allowed := map[string]bool{"PBX": true, "x": true, "Mon": true, "Fri": true, "Sat": true, "Tue": true, "Wed": true, "Thu": true, "Sun": true}
	for n, name := range d.names {
		for _, w := range asciiWord.FindAllString(n+" "+name, -1) {
			allowed[w] = true
		}
	}
	check := func(screen string, o fyne.CanvasObject) {
		drawn := uitest.Drawn(o)
		if len(drawn) < 5 {
			t.Errorf("%s draws only %q", screen, drawn)
		}
		for _, s := range drawn {
			for _, w := range asciiWord.FindAllString(cutWord.ReplaceAllString(s, ""), -1) {
				if !allowed[w] {
					t.Errorf("%s: English left in %q", screen, s)
					break
				}
			}
		}
	}
	for name, v := range views(t) {
		check(name, v.Widget())
	}
	s := openSettings(t, callreport.DefaultSettings())
	for _, e := range s.entries {
		e.SetText("x")
	}
	check("settings", s.top(t))
	for _, b := range []string{"保存", "取消"} {
		uitest.Button(t, s.top(t), b)
	}
}

// TestColumnsFitTheirText: in both languages no header or cell of the first lines is
// cut short, except the columns of free text that end in "…" by design.
func TestColumnsFitTheirText(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			useLanguage(t, language)
			for name, v := range views(t) {
				uitest.Walk(v.Widget(), func(o fyne.CanvasObject) {
					var l *widget.Label
					switch c := o.(type) {
					case *headerCell:
						l = c.label
					case *cell:
						l = c.label
					case *doubleTapCell:
						l = c.label
					default:
						return
					}
					if l.Text == "" || l.Size().Width == 0 {
						return
					}
					if cut := strings.Join(uitest.Drawn(l), ""); cut != l.Text && l.Size().Width < 300 {
						t.Errorf("%s: %q drawn as %q in %v", name, l.Text, cut, l.Size().Width)
					}
				})
			}
		})
	}
}

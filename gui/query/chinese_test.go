package query

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

var latinWord = regexp.MustCompile(`[A-Za-z]+`)

// englishWords returns the Latin-letter words in texts that are not names the PBX gave.
func englishWords(texts []string, allowed map[string]bool) []string {
	var out []string
	for _, s := range texts {
		for _, w := range latinWord.FindAllString(s, -1) {
			if !allowed[w] {
				out = append(out, w+" (in "+s+")")
			}
		}
	}
	return out
}

func TestChineseScreenHasNoEnglish(t *testing.T) {
	f := newFixture(t, i18n.Chinese, tall)
	allowed := map[string]bool{"PBX": true}
	for _, e := range simExtensions() {
		for _, w := range latinWord.FindAllString(e.Name, -1) {
			allowed[w] = true
		}
	}
	var seen []string
	look := func(what string) {
		seen = append(seen, texts(f.w.Canvas().Content())...)
		for _, o := range f.w.Canvas().Overlays().List() {
			seen = append(seen, texts(o)...)
		}
		if len(seen) < 20 {
			t.Fatalf("%s: only %d texts found: is the walk broken?", what, len(seen))
		}
	}
	look("first view")

	// Every problem at once.
	test.Tap(f.p.exts.all)
	retype(f.p.dates.fromDate.entry, "2026-99-99")
	retype(f.p.dates.fromTime, "99:99")
	retype(f.p.dates.toDate.entry, "")
	retype(f.p.dates.toTime, "8.30")
	look("problems")
	retype(f.p.dates.fromDate.entry, "2026-12-01")
	retype(f.p.dates.fromTime, "")
	retype(f.p.dates.toDate.entry, "2026-11-01")
	retype(f.p.dates.toTime, "")
	look("from after to")

	// A group, its dialogs, the calendar.
	f.tick("1008", "1009")
	test.Tap(f.p.groups.save)
	look("save dialog")
	test.Type(dialogEntry(t, f.w), " ")
	look("save dialog with a blank name")
	test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), "取消"))
	test.Tap(f.p.groups.save)
	test.Type(dialogEntry(t, f.w), "Sales")
	test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), "保存"))
	allowed["Sales"] = true // a name the user typed
	test.Tap(f.p.groups.remove)
	look("delete dialog")
	test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), "取消"))
	test.Tap(f.p.dates.fromDate.open)
	look("calendar")
	seen = append(seen, f.p.Describe())

	if bad := englishWords(seen, allowed); len(bad) > 0 {
		t.Errorf("English left on the Chinese screen:\n%s", strings.Join(bad, "\n"))
	}
}

// The check itself must catch English: the same walk over the English screen.
func TestEnglishWordsAreFound(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	bad := englishWords(texts(f.w.Canvas().Content()), map[string]bool{})
	joined := strings.Join(bad, " ")
	for _, w := range []string{"All", "Search", "Get", "Yesterday", "Today"} {
		if !strings.Contains(joined, w) {
			t.Errorf("%q not found in the English screen: %s", w, joined)
		}
	}
}

// TestFitsTheMainWindow: the panel must work at 1024×700, where the window gives it
// 30 % of the width and about 600 px between its top and bottom bars.
func TestFitsTheMainWindow(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t, lang, fyne.NewSize(1024, 610))
			f.tick("1000")
			retype(f.p.dates.fromTime, "bad") // with a problem shown
			min := f.p.Widget().MinSize()
			if min.Width > 1024*0.3 || min.Height > 610 {
				t.Errorf("panel needs %v", min)
			}
			split := container.NewHSplit(container.NewVScroll(f.p.Widget()), widget.NewLabel(""))
			split.Offset = 0.3
			f.w.SetContent(split)
			f.w.Resize(fyne.NewSize(1024, 610))
			get := f.p.get
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(get)
			if pos.Y+get.Size().Height > 610 || get.Size().Width < 200 {
				t.Errorf("Get records at %v size %v: out of view", pos, get.Size())
			}
			if h := f.p.exts.list.Size().Height; h < listMinHeight {
				t.Errorf("extension list only %v high", h)
			}
		})
	}
}

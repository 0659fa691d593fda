package gui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestFirstRunOpensTheConnectionDialog: nothing saved yet, so the window asks where the
// PBX is, in the person's language.
func TestFirstRunOpensTheConnectionDialog(t *testing.T) {
	f := newFixture(t, false)
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no connection dialog on first run")
	}
	uitest.Button(t, top, "Try the demo PBX")
}

// TestDemoToSavedReport walks the main path an office worker takes: demo PBX, two
// extensions and last month, Get records, search, sort, save, and compares the file
// with what the PBX served.
func TestDemoToSavedReport(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	root := f.w.win.Canvas().Content()
	if !slices.ContainsFunc(texts(root), func(s string) bool { return strings.HasPrefix(s, "Connected to Demo PBX") }) {
		t.Fatalf("not connected: %q", texts(root))
	}

	// All extensions off, then 1000 and 1001, then last month.
	test.Tap(f.check(root, "All extensions"))
	test.Tap(f.check(root, "1000 "))
	test.Tap(f.check(root, "1001 "))
	test.Tap(uitest.Button(t, root, "Last month"))
	test.Tap(uitest.Button(t, root, "Get records"))
	f.wait("fetch")

	q := cdrclient.Query{Extensions: []string{"1000", "1001"},
		Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), End: time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)}
	want := served(t, f.sim, q)
	table := cdrclient.NewTable()
	table.Write(want)
	table.Close()
	if status := f.wait("status:Showing all " + i18n.Count(table.Len()) + " records"); status == "" {
		t.Fatal("no status")
	}

	// Search narrows what is shown; the status line says so.
	search := f.entry(root, "Search numbers, names, trunks, recordings")
	test.Type(search, "1000")
	if s := f.wait("status:Showing "); !strings.Contains(s, " of "+i18n.Count(table.Len())) {
		t.Fatalf("after searching, status %q", s)
	}
	search.SetText("")
	f.wait("status:Showing all")

	// Save everything as the PBX's CSV: the file equals what was served, byte for byte.
	f.chooser.dir = t.TempDir()
	test.Tap(uitest.Button(t, root, "Save…"))
	dlg := f.w.win.Canvas().Overlays().Top()
	f.radio(dlg, "CSV as sent by the PBX").SetSelected("CSV as sent by the PBX")
	test.Tap(uitest.Button(t, dlg, "Choose folder…"))
	name, _ := uitest.Find[*widget.Entry](dlg, nil)
	name.SetText("report.csv")
	test.Tap(uitest.Button(t, dlg, "Save"))
	f.wait("save")
	got, err := os.ReadFile(filepath.Join(f.chooser.dir, "report.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("saved %d bytes, the PBX served %d", len(got), len(want))
	}
	if !strings.Contains(f.w.bar.text.Text, "report.csv") {
		t.Errorf("status after saving: %q", f.w.bar.text.Text)
	}
}

// TestLanguageSwitchRebuildsTheWindow: choosing Chinese in the settings changes every
// visible string of the main window at once.
func TestLanguageSwitchRebuildsTheWindow(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	f.w.applySettings(i18n.Chinese, "system")
	var english []string
	for _, s := range texts(f.w.win.Canvas().Content()) {
		// "1008 Alice Chen": an extension as the PBX names it.
		if s != "" && s[0] >= '0' && s[0] <= '9' {
			continue
		}
		if hasEnglishWord(s) {
			english = append(english, s)
		}
	}
	if len(english) > 0 {
		t.Errorf("English left after switching to Chinese: %q", english)
	}
	if got := f.w.app.Preferences().String(prefLanguage); got != i18n.Chinese {
		t.Errorf("language preference %q", got)
	}
}

// hasEnglishWord reports whether s holds a word of English rather than a name, number,
// address or one of the product words kept in every language.
func hasEnglishWord(s string) bool {
	allowed := map[string]bool{"PBX": true, "API": true, "Demo": true, "CSV": true, "Excel": true, "https": true}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		if len(w) > 1 && !allowed[w] && !strings.HasPrefix(w, "v") {
			return true
		}
	}
	return false
}

// check finds a visible check box whose text starts with prefix.
func (f *fixture) check(root fyne.CanvasObject, prefix string) *widget.Check {
	f.t.Helper()
	var found *widget.Check
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, prefix) && found == nil {
			found = c
		}
	})
	if found == nil {
		f.t.Fatalf("no check box %q", prefix)
	}
	return found
}

func (f *fixture) entry(root fyne.CanvasObject, placeholder string) *widget.Entry {
	f.t.Helper()
	var found *widget.Entry
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			found = e
		}
	})
	if found == nil {
		f.t.Fatalf("no field %q", placeholder)
	}
	return found
}

func (f *fixture) radio(root fyne.CanvasObject, option string) *widget.RadioGroup {
	f.t.Helper()
	var found *widget.RadioGroup
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, option) {
			found = r
		}
	})
	if found == nil {
		f.t.Fatalf("no choice %q", option)
	}
	return found
}

package query

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/gui/style"
)

// testNow is a Thursday afternoon: last month is October 2026, this week began on the
// 23rd.
var testNow = time.Date(2026, 11, 26, 15, 4, 5, 0, time.Local)

func fixedNow() time.Time { return testNow }

// simExtensions is the simulator's office of 24 extensions, as the PBX would list it.
func simExtensions() []cdrclient.Extension {
	var out []cdrclient.Extension
	for _, e := range pbxsim.New(pbxsim.DefaultOptions()).Extensions() {
		out = append(out, cdrclient.Extension{Number: e.Number, Name: e.Name, Status: e.Status, Type: e.Type, Port: e.Port})
	}
	return out
}

// setLanguage switches the window's language; every test sets the one it needs.
func setLanguage(t testing.TB, language string) {
	t.Helper()
	if i18n.Current() == language {
		return // switching costs a reload of every translation
	}
	if err := i18n.Use(language); err != nil {
		t.Fatal(err)
	}
}

// fixture is a panel in a window, with the simulator's extensions and the queries it
// submitted.
type fixture struct {
	t       *testing.T
	p       *Panel
	w       fyne.Window
	queries []cdrclient.Query
}

// newFixture builds the panel in language in a window of size.
func newFixture(t *testing.T, language string, size fyne.Size) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.System))
	setLanguage(t, language)
	f := &fixture{t: t}
	f.w = test.NewTempWindow(t, widget.NewLabel(""))
	f.p = New(f.w, fixedNow)
	f.p.OnSubmit = func(q cdrclient.Query) { f.queries = append(f.queries, q) }
	f.w.SetContent(f.p.Widget())
	f.w.Resize(size)
	f.p.SetExtensions(simExtensions())
	return f
}

var tall = fyne.NewSize(380, 900)

// reset brings the panel back to a first run's state (all extensions, today) through
// its own Restore, so that table cases can share one window.
func (f *fixture) reset() {
	f.p.exts.search.SetText("")
	f.p.Restore(State{})
	f.queries = nil
}

// extCheck finds the check box of an extension in the list, scrolling to it first.
func (f *fixture) extCheck(number string) *widget.Check {
	f.t.Helper()
	for row, i := range f.p.exts.shown {
		if f.p.exts.exts[i].Number == number {
			f.p.exts.list.ScrollTo(row)
		}
	}
	var found *widget.Check
	uitest.Walk(f.p.exts.list, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text+" ", number+" ") {
			found = c
		}
	})
	if found == nil {
		f.t.Fatalf("extension %s is not in the list", number)
	}
	return found
}

// tick taps the check boxes of numbers, after unticking All extensions.
func (f *fixture) tick(numbers ...string) {
	f.t.Helper()
	if f.p.exts.all.Checked {
		test.Tap(f.p.exts.all)
	}
	for _, n := range numbers {
		test.Tap(f.extCheck(n))
	}
}

// choosePreset taps the button of a preset (a period.Presets name), as a person would.
func (f *fixture) choosePreset(name string) {
	f.t.Helper()
	test.Tap(uitest.Button(f.t, f.p.Widget(), presetLabel(name)))
}

// marked returns the label of the preset button highlighted, "" when none is; it
// fails when more than one is.
func (f *fixture) marked() string {
	f.t.Helper()
	var on []string
	for _, b := range f.p.dates.presets {
		if b.Importance == widget.HighImportance {
			on = append(on, b.Text)
		}
	}
	if len(on) > 1 {
		f.t.Fatalf("several presets highlighted: %q", on)
	}
	return strings.Join(on, "")
}

// retype replaces an entry's text as a person would: select all, then type.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// submit taps Get records and returns the queries submitted by that tap.
func (f *fixture) submit() []cdrclient.Query {
	before := len(f.queries)
	test.Tap(f.p.get)
	return f.queries[before:]
}

// texts collects the visible text under o: labels, buttons, checks, selects, entries
// (their text or, when empty, their placeholder), rich and canvas text.
func texts(o fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected, w.PlaceHolder)
			out = append(out, w.Options...)
		case *widget.Entry:
			out = append(out, w.Text, w.PlaceHolder)
		case *canvas.Text:
			out = append(out, w.Text)
		}
	})
	return out
}

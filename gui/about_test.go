package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// TestAboutShowsVersionAndWhereThingsAreKept opens About from the top bar, in both
// languages: it names the build and the profiles file, and in Chinese leaves no English
// but names (the app, the PBX maker, the font and its licence, the toolkit, the path).
func TestAboutShowsVersionAndWhereThingsAreKept(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Chinese} {
		t.Run(language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.w.applySettings(language, "system")
			test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), i18n.L("About")))
			dlg := f.w.win.Canvas().Overlays().Top()
			if dlg == nil {
				t.Fatal("About opened no dialog")
			}
			shown := texts(dlg)
			for _, want := range []string{i18n.L("Version {{.Version}}", map[string]any{"Version": testVersion}), f.store.Path()} {
				if !slices.Contains(shown, want) {
					t.Errorf("About does not show %q: %q", want, shown)
				}
			}
			if language != i18n.Chinese {
				return
			}
			names := strings.NewReplacer(f.store.Path(), "", testVersion, "", "cdrdesk", "", "Yeastar", "", "Windows", "",
				"Fyne", "", "Noto Sans CJK SC", "", "SIL Open Font License", "")
			for _, s := range shown {
				if hasEnglishWord(names.Replace(s)) {
					t.Errorf("English left in About: %q", s)
				}
			}
			test.Tap(uitest.Button(t, dlg, i18n.L("Close")))
			if top := f.w.win.Canvas().Overlays().Top(); top != nil {
				t.Error("Close left the About dialog open")
			}
		})
	}
}

// TestAboutVersion: a build without the Makefile's stamps says it is not a release.
func TestAboutVersion(t *testing.T) {
	if err := i18n.Use(i18n.English); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ version, want string }{
		{"0.1.0 (e13dfc4)", "Version 0.1.0 (e13dfc4)"},
		{"0.1.0", "Version 0.1.0"},
		{"dev", "Development build, not a release"},
		{"", "Development build, not a release"},
	} {
		if got := aboutVersion(tc.version); got != tc.want {
			t.Errorf("aboutVersion(%q) = %q, want %q", tc.version, got, tc.want)
		}
	}
}

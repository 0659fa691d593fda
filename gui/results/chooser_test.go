package results

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

func TestFyneChooser(t *testing.T) {
	f := newFixture(t, i18n.English)
	dir := t.TempDir()
	for _, tc := range []struct {
		button, name, want string
	}{
		{"Save", "", filepath.Join(dir, "CDR_x.csv")},
		{"Save", " mine.csv ", filepath.Join(dir, "mine.csv")},
		{"Cancel", "", ""},
	} {
		got := "unset"
		fyneChooser{}.ChooseSave(f.w, "CDR_x.csv", dir, func(p string) { got = p })
		dlg := f.top(t)
		entry := findWidget[*widget.Entry](t, dlg)
		if entry.Text != "CDR_x.csv" {
			t.Errorf("suggested name %q", entry.Text)
		}
		if tc.name != "" {
			entry.SetText(tc.name)
		}
		tapButton(t, dlg, tc.button)
		if got != tc.want {
			t.Errorf("%s with %q: %q, want %q", tc.button, tc.name, got, tc.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "CDR_x.csv")); err == nil {
			t.Error("choosing created the file")
		}
	}
}

func TestStartFolder(t *testing.T) {
	dir := t.TempDir()
	if got := startFolder(dir); got != dir {
		t.Errorf("existing folder: %q", got)
	}
	got := startFolder(filepath.Join(dir, "gone"))
	if fi, err := os.Stat(got); err != nil || !fi.IsDir() || got == filepath.Join(dir, "gone") {
		t.Errorf("a missing last folder gives %q (%v)", got, err)
	}
}

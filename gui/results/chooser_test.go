package results

import (
	"os"
	"path/filepath"
	"testing"

	"cdrdesk/gui/i18n"
)

// TestFyneChooserCancel: the folder dialog shows over the window; cancelling it
// answers "" and creates nothing.
func TestFyneChooserCancel(t *testing.T) {
	f := newFixture(t, i18n.English)
	dir := t.TempDir()
	got := "unset"
	fyneChooser{}.ChooseFolder(f.w, dir, func(d string) { got = d })
	tapButton(t, f.top(t), "Cancel")
	if got != "" {
		t.Errorf("cancelled folder dialog answered %q", got)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("choosing created %v", left)
	}
}

// TestStartFolder: the Save dialog starts in the last folder used while it exists,
// else in the user's Documents folder.
func TestStartFolder(t *testing.T) {
	f := newFixture(t, i18n.English)
	last := t.TempDir()
	for _, tc := range []struct{ name, last, want string }{
		{"first save", "", f.documents},
		{"the last folder", last, last},
		{"the last folder is gone", filepath.Join(last, "gone"), f.documents},
	} {
		f.v.Restore(State{LastFolder: tc.last})
		if got := f.v.startFolder(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

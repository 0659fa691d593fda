package query

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// dialogEntry finds the text entry of the dialog on top of the window.
func dialogEntry(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	uitest.Walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatal("no entry in the dialog")
	}
	return found
}

func TestGroups(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t, lang, tall)
			g := f.p.groups
			if !g.save.Disabled() || !g.remove.Disabled() {
				t.Error("group buttons usable with All extensions ticked and no group chosen")
			}
			f.tick("1000", "1006")

			// Save as group…, name it in the dialog.
			test.Tap(g.save)
			test.Type(dialogEntry(t, f.w), "前台")
			test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), i18n.L("Save")))
			if f.w.Canvas().Overlays().Top() != nil {
				t.Fatal("dialog still open after Save")
			}
			if !slices.Equal(g.pick.Options, []string{"前台"}) || g.pick.Selected != "前台" {
				t.Errorf("groups offered %v, chosen %q", g.pick.Options, g.pick.Selected)
			}
			// A second group, then choose the first again.
			test.Tap(f.p.exts.selectNone)
			if g.pick.Selected != "" {
				t.Errorf("group %q still shown after the selection changed", g.pick.Selected)
			}
			f.tick("1008")
			test.Tap(g.save)
			test.Type(dialogEntry(t, f.w), " Sales ")
			test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), i18n.L("Save")))
			g.pick.SetSelected("前台")
			if got := f.p.State().Extensions; !slices.Equal(got, []string{"1000", "1006"}) {
				t.Errorf("choosing 前台 selects %v", got)
			}
			if q := f.submit(); len(q) != 1 || !slices.Equal(q[0].Extensions, []string{"1000", "1006"}) {
				t.Errorf("query after choosing 前台: %+v", q)
			}
			if got := f.p.State().Groups; len(got) != 2 || !slices.Equal(got["Sales"], []string{"1008"}) {
				t.Errorf("groups kept %v", got)
			}

			// Delete group asks first; Cancel keeps it, Delete deletes it.
			test.Tap(g.remove)
			test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), i18n.L("Cancel")))
			if len(g.pick.Options) != 2 {
				t.Fatalf("cancelled delete removed a group: %v", g.pick.Options)
			}
			test.Tap(g.remove)
			test.Tap(uitest.Button(t, f.w.Canvas().Overlays().Top(), i18n.L("Delete")))
			if !slices.Equal(g.pick.Options, []string{"Sales"}) || g.pick.Selected != "" {
				t.Errorf("after delete: %v, chosen %q", g.pick.Options, g.pick.Selected)
			}
			if got := f.p.State().Extensions; !slices.Equal(got, []string{"1000", "1006"}) {
				t.Errorf("deleting the group changed the selection: %v", got)
			}
		})
	}
}

func TestGroupNameIsRequired(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	f.tick("1000")
	test.Tap(f.p.groups.save)
	top := f.w.Canvas().Overlays().Top()
	test.Type(dialogEntry(t, f.w), "   ")
	if save := uitest.Button(t, top, "Save"); !save.Disabled() {
		t.Error("Save enabled with a blank name")
	}
	test.Tap(uitest.Button(t, top, "Cancel"))
	if len(f.p.groups.groups) != 0 {
		t.Errorf("groups %v", f.p.groups.groups)
	}
}

package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestConnectedProfileRenamedThenDeleted: the connection dialog renaming the saved
// connection the window uses shows the new name at once; deleting it logs out and says
// so, keeping the records shown; Get records then asks for a connection. The store
// is changed here as the dialog would (its tests check that it tells the window).
func TestConnectedProfileRenamedThenDeleted(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	root := f.w.win.Canvas().Content()
	test.Tap(f.button(root, "Get records"))
	f.wait("fetch")
	shown := f.wait("status:Showing all ")

	hasPrefix := func(prefix string) bool {
		return slices.ContainsFunc(texts(f.w.win.Canvas().Content()), func(s string) bool { return strings.HasPrefix(s, prefix) })
	}
	f.act(func() { f.w.profileChanged("Another PBX", "") }) // not the one in use
	if got := f.w.win.Title(); got != "cdrdesk — Demo PBX" || !hasPrefix("Connected to Demo PBX") {
		t.Fatalf("after another profile was deleted: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}

	if err := f.store.Rename("Demo PBX", "Head office"); err != nil {
		t.Fatal(err)
	}
	f.act(func() { f.w.profileChanged("Demo PBX", "Head office") })
	if got := f.w.win.Title(); got != "cdrdesk — Head office" || !hasPrefix("Connected to Head office (") {
		t.Fatalf("after the rename: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}

	if err := f.store.Delete("Head office"); err != nil {
		t.Fatal(err)
	}
	f.act(func() { f.w.profileChanged("Head office", "") })
	if got := f.w.win.Title(); got != "cdrdesk" || !hasPrefix("Not connected") {
		t.Fatalf("after the deletion: title %q, %q", got, texts(f.w.win.Canvas().Content()))
	}
	f.wait("logout")
	if n := f.sim.Stats().Logouts; n != 1 {
		t.Errorf("%d logouts on the PBX, want 1", n)
	}
	if got := "status:" + f.w.bar.text.Text; got != shown {
		t.Errorf("records shown after the deletion: %q, before %q", got, shown)
	}

	test.Tap(f.button(f.w.win.Canvas().Content(), "Get records"))
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Get records without a connection shows nothing")
	}
	f.button(top, "Try the demo PBX")
}

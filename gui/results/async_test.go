package results

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cdrdesk/gui/i18n"
)

// TestBackgroundWork runs filtering and saving on goroutines of their own, as the
// app does. In the test driver fyne.Do runs on the goroutine calling it, so each
// goroutine starts only once the UI call that asked for it has returned, and the
// test waits for it to end before the next step.
func TestBackgroundWork(t *testing.T) {
	d := simRecords(t, 3)
	f := newFixture(t, i18n.English)
	pending := make(chan func(), 1)
	f.v.Background = func(fn func()) { pending <- fn }
	run := func() {
		fn, done := <-pending, make(chan struct{})
		go func() {
			defer close(done)
			fn()
		}()
		<-done
	}
	shown := 0
	f.v.afterShow = func() { shown++ }
	saved := make(chan error, 1)
	f.v.OnSaved = func(_ string, err error) { saved <- err }

	f.v.SetData(d.table, d.names, d.info)
	run()
	if len(f.v.bar.status.sel.Options) < 2 {
		t.Errorf("status choices %q", f.v.bar.status.sel.Options)
	}
	f.v.bar.search.SetText("张伟")
	run()
	if want := expectRows(d, holds(d, "张伟")); !slices.Equal(f.v.rows, want) {
		t.Fatalf("%d rows shown, want %d", len(f.v.rows), len(want))
	}

	path := filepath.Join(t.TempDir(), "r.csv")
	f.saveAs(t, path, "CSV as sent by the PBX", "All "+i18n.Count(d.table.Len())+" records")
	run()
	if shown != 2 {
		t.Errorf("%d answers shown, want 2", shown)
	}
	if err := <-saved; err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(d.csv) {
		t.Errorf("saved %d bytes, want %d", len(got), len(d.csv))
	}
}

// TestEngineKeepsTheLatest: requests made while one runs collapse into the last.
func TestEngineKeepsTheLatest(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	var held []func()
	f.v.Background = func(fn func()) { held = append(held, fn) }
	f.v.SetData(d.table, d.names, d.info) // request 1 starts (held)
	for _, s := range []string{"1", "10", "100", "1000"} {
		f.v.bar.search.SetText(s) // requests 2–5 wait; only the last is kept
	}
	if len(held) != 1 {
		t.Fatalf("%d workers started, want 1", len(held))
	}
	held[0]() // runs request 1 (dropped: stale), then request 5
	if want := expectRows(d, holds(d, "1000")); !slices.Equal(f.v.rows, want) {
		t.Errorf("%d rows shown, want the last search's %d", len(f.v.rows), len(want))
	}
	if got := f.v.bar.status.sel.Options; len(got) < 2 {
		t.Errorf("the quick filters never got their values: %q", got)
	}
}

// TestMemoryHandedBackOncePerTable: after the first answer for new records, the memory
// the download left behind is handed back to the system, once; searching and sorting
// the same records do not do it again (each time would cost a full garbage collection).
func TestMemoryHandedBackOncePerTable(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	released := 0
	f.v.engine.release = func() { released++ }
	f.v.SetData(d.table, d.names, d.info)
	if released != 1 {
		t.Fatalf("memory handed back %d times after new records, want once", released)
	}
	f.v.bar.search.SetText("1000")
	f.v.bar.search.SetText("")
	f.v.sortBy(f.v.grid.cols[1])
	if released != 1 {
		t.Errorf("memory handed back %d times after searching and sorting, want still once", released)
	}
	f.v.SetData(d.table, d.names, d.info) // records got again
	if released != 2 {
		t.Errorf("memory handed back %d times after the second Get records, want twice", released)
	}
}

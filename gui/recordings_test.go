package gui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/recordings"
)

// TestRecordingsUseTheSessionAndGoOnQuit: the results view plays and saves recordings
// with the window's own session (no second login), and the recordings played are
// removed when the window quits.
func TestRecordingsUseTheSessionAndGoOnQuit(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	parent := t.TempDir()
	f.act(func() {
		f.w.played = recordings.NewTempFiles(parent)
		f.w.wireRecordings()
	})
	root := f.w.win.Canvas().Content()
	test.Tap(uitest.Button(t, root, "Yesterday"))
	test.Tap(uitest.Button(t, root, "Get records"))
	f.wait("fetch")
	f.wait("status:Showing all")

	// Select the first call that shows a recording, and play it.
	table, ok := uitest.Find[*widget.Table](root, nil)
	if !ok {
		t.Fatal("no grid")
	}
	rows, cols := table.Length()
	var name string
	for r := 0; r < rows && name == ""; r++ {
		for c := range cols {
			cell := table.CreateCell()
			table.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			if text := cell.(interface{ Text() string }).Text(); strings.HasPrefix(text, "● ") {
				name = strings.TrimPrefix(text, "● ")
				table.Select(widget.TableCellID{Row: r, Col: 0})
				break
			}
		}
	}
	if name == "" {
		t.Fatal("no call with a recording yesterday")
	}
	test.Tap(uitest.Button(t, root, "Play"))
	played := findFile(t, parent, name)
	var want bytes.Buffer
	f.sim.WriteRecording(&want, name)
	if got, err := os.ReadFile(played); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("played %d bytes (%v), want the recording's %d", len(got), err, want.Len())
	}

	// Save recordings… of every call shown.
	f.chooser.dir = t.TempDir()
	test.Tap(uitest.Button(t, root, "Save recordings…"))
	if dlg := f.w.win.Canvas().Overlays().Top(); dlg == nil || !contains(texts(dlg), "Recordings saved") {
		t.Fatalf("no summary after saving")
	}
	if got, err := os.ReadFile(findFile(t, f.chooser.dir, name)); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("saved %d bytes (%v)", len(got), err)
	}
	if st := f.sim.Stats(); st.Logins != 1 || st.RecordingRandoms < 2 {
		t.Errorf("%d logins, %d recording keys: want the window's one session", st.Logins, st.RecordingRandoms)
	}

	f.w.quit()
	if left, _ := os.ReadDir(parent); len(left) != 0 {
		t.Errorf("the recordings played are left after quitting: %v", left)
	}
}

// findFile returns the path of the one file under root whose name ends in suffix.
func findFile(t *testing.T, root, suffix string) string {
	t.Helper()
	var found []string
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, suffix) {
			found = append(found, path)
		}
		return nil
	})
	if len(found) != 1 {
		t.Fatalf("%d files named *%s under %s", len(found), suffix, root)
	}
	return found[0]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

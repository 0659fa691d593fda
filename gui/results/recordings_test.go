package results

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"

	"cdrdesk/assets"
	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/recordings"
)

// recordingPBX serves the recordings of simRecords' calls over HTTPS on loopback and
// gives the view a session to fetch them with.
func recordingPBX(t *testing.T, f *fixture) *pbxsim.Server {
	t.Helper()
	sim := pbxsim.New(pbxsim.DefaultOptions())
	run, err := sim.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	sess, err := cdrclient.NewSession(cdrclient.Config{BaseURL: run.URL, User: pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: run.Fingerprint})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	f.v.RecordingSource = func() recordings.Source { return sess }
	f.v.Temp = recordings.NewTempFiles(t.TempDir())
	return sim
}

// served is the recording the simulator serves under name.
func served(t *testing.T, sim *pbxsim.Server, name string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sim.WriteRecording(&b, name); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// firstRecorded returns the grid row of the first call shown with a recording, and
// its recording's name.
func firstRecorded(t *testing.T, f *fixture, from int) (int, string) {
	t.Helper()
	col := f.v.table.Column(cdrclient.ColRecording)
	for i := from; i < len(f.v.rows); i++ {
		if name := f.v.table.Field(f.v.rows[i], col); name != "" {
			return i, name
		}
	}
	t.Fatal("no call with a recording is shown")
	return 0, ""
}

func TestPlayRecording(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	sim := recordingPBX(t, f)
	play := findButton(t, f, "Play")
	if !play.Disabled() {
		t.Error("Play is enabled with nothing selected")
	}
	// A call without a recording: still nothing to play.
	rec := f.column(cdrclient.ColRecording)
	for i := range f.v.rows {
		if f.cell(i, rec) == "" {
			f.v.grid.table.Select(widget.TableCellID{Row: i, Col: 0})
			break
		}
	}
	if !play.Disabled() {
		t.Error("Play is enabled for a call without a recording")
	}
	row, name := firstRecorded(t, f, 0)
	if cell := f.cell(row, rec); cell != "● "+name {
		t.Errorf("the grid shows %q for a call with a recording", cell)
	}
	f.v.grid.table.Select(widget.TableCellID{Row: row, Col: 1})
	if play.Disabled() {
		t.Fatal("Play is disabled for a call with a recording")
	}
	tapButton(t, f.v.Widget(), "Play")
	if len(f.opened) != 1 || !strings.HasPrefix(f.opened[0], "file://") {
		t.Fatalf("opened %q, want one file", f.opened)
	}
	uri, err := storage.ParseURI(f.opened[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(uri.Path()); err != nil || !bytes.Equal(got, served(t, sim, name)) {
		t.Errorf("the file played holds %d bytes (%v), not the recording", len(got), err)
	}
	if play.Disabled() || play.Text != "Play" {
		t.Errorf("after playing the button reads %q, disabled %v", play.Text, play.Disabled())
	}
	// The window removes the temporary files when cdrdesk exits.
	if err := f.v.Temp.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(uri.Path()); !os.IsNotExist(err) {
		t.Errorf("the played file is still there: %v", err)
	}

	// A recording gone from the PBX: said so, nothing opened.
	sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{name} })
	tapButton(t, f.v.Widget(), "Play")
	if got := texts(f.top(t)); len(f.opened) != 1 || !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "no longer has the recording") }) {
		t.Errorf("missing recording: opened %q, dialog %q", f.opened, got)
	}
}

func TestPlayWithoutAPBX(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	f.v.RecordingSource = func() recordings.Source { return nil } // records from the archive, not connected
	row, _ := firstRecorded(t, f, 0)
	f.v.grid.table.Select(widget.TableCellID{Row: row, Col: 0})
	tapButton(t, f.v.Widget(), "播放")
	if got := texts(f.top(t)); !slices.Contains(got, "请先连接 PBX，才能播放或保存录音。") || len(f.opened) != 0 {
		t.Errorf("dialog %q, opened %q", got, f.opened)
	}
}

func TestSaveRecordings(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	sim := recordingPBX(t, f)
	var calls []recordings.Call
	for _, r := range f.v.rows {
		if c, ok := f.v.callAt(r); ok {
			calls = append(calls, c)
		}
	}
	sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{calls[2].Recording} })
	f.chooser.dir = filepath.Join(t.TempDir(), "usb")
	var saved []recordings.Summary
	f.v.OnRecordingsSaved = func(_ string, sum recordings.Summary, err error) {
		if err != nil {
			t.Errorf("save ended with %v", err)
		}
		saved = append(saved, sum)
	}
	tapButton(t, f.v.Widget(), "Save recordings…")
	sum := f.top(t)
	for _, want := range []string{"Recordings saved", "Saved: " + i18n.Count(len(calls)-1), "Already there: 0", "Missing on the PBX: 1", calls[2].Recording} {
		if !slices.Contains(texts(sum), want) {
			t.Errorf("summary %q lacks %q", texts(sum), want)
		}
	}
	for i, c := range calls {
		got, err := os.ReadFile(filepath.Join(f.chooser.dir, recordings.FileName(c)))
		if i == 2 {
			if err == nil {
				t.Error("a missing recording was saved")
			}
			continue
		}
		if !bytes.Equal(got, served(t, sim, c.Recording)) {
			t.Errorf("%s: %d bytes (%v), not the recording", recordings.FileName(c), len(got), err)
		}
	}
	tapButton(t, sum, "Open folder")
	if want := storage.NewFileURI(f.chooser.dir).String(); !slices.Contains(f.opened, want) {
		t.Errorf("opened %q, want the folder %s", f.opened, want)
	}

	// Again: every file is there already.
	tapButton(t, f.v.Widget(), "Save recordings…")
	if !slices.Contains(texts(f.top(t)), "Already there: "+i18n.Count(len(calls)-1)) {
		t.Errorf("second save: %q", texts(f.top(t)))
	}
	if len(saved) != 2 || saved[1].Saved != 0 {
		t.Errorf("summaries %+v", saved)
	}
}

func TestSaveRecordingOfTheSelectedCall(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	sim := recordingPBX(t, f)
	row, name := firstRecorded(t, f, 3)
	f.v.grid.table.Select(widget.TableCellID{Row: row, Col: 2})
	f.chooser.dir = t.TempDir()
	tapButton(t, f.v.Widget(), "Save recording…")
	c, _ := f.v.callAt(f.v.rows[row])
	if got := dirEntries(t, f.chooser.dir); !slices.Equal(got, []string{recordings.FileName(c)}) {
		t.Fatalf("the folder holds %v", got)
	}
	if got, _ := os.ReadFile(filepath.Join(f.chooser.dir, recordings.FileName(c))); !bytes.Equal(got, served(t, sim, name)) {
		t.Error("not the recording")
	}
	if !slices.Contains(texts(f.top(t)), "Saved: 1") {
		t.Errorf("summary %q", texts(f.top(t)))
	}
}

func TestSaveRecordingsCancelled(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	recordingPBX(t, f)
	var work func()
	f.v.Background = func(fn func()) { work = fn } // hold the saving until Cancel is tapped
	var got error
	f.v.OnRecordingsSaved = func(_ string, _ recordings.Summary, err error) { got = err }
	f.chooser.dir = t.TempDir()
	tapButton(t, f.v.Widget(), "Save recordings…")
	prog := f.top(t)
	if !slices.Contains(texts(prog), "Finding the calls with a recording…") {
		t.Errorf("progress says %q", texts(prog))
	}
	if !findButton(t, f, "Save recordings…").Disabled() {
		t.Error("a second save can start while one runs")
	}
	tapButton(t, prog, "Cancel")
	work()
	if !errors.Is(got, context.Canceled) {
		t.Errorf("cancelled save ended with %v", got)
	}
	if left := dirEntries(t, f.chooser.dir); len(left) != 0 {
		t.Errorf("cancelled save left %v", left)
	}
	if f.w.Canvas().Overlays().Top() != nil {
		t.Errorf("dialog left after cancelling: %q", texts(f.top(t)))
	}
}

// findButton returns the view's button labelled text (disabled ones too).
func findButton(t *testing.T, f *fixture, text string) *widget.Button {
	t.Helper()
	for _, b := range []*widget.Button{f.v.recBar.play, f.v.recBar.saveOne, f.v.recBar.saveAll} {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveRecordingsOfTheCallsShown(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	recordingPBX(t, f)
	f.v.bar.search.SetText("Outbound") // the search keeps the outbound calls' recordings
	if !f.v.filtered || len(f.v.rows) == d.table.Len() {
		t.Fatalf("the search kept %d of %d rows", len(f.v.rows), d.table.Len())
	}
	var want []string
	for _, r := range f.v.rows {
		if c, ok := f.v.callAt(r); ok {
			want = append(want, recordings.FileName(c))
		}
	}
	slices.Sort(want)
	f.chooser.dir = t.TempDir()
	tapButton(t, f.v.Widget(), "Save recordings…")
	if got := dirEntries(t, f.chooser.dir); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("saved %v\nwant the %d shown: %v", got, len(want), want)
	}
}

// TestRecordingMarkIsInTheFont: the mark is drawn with the embedded font, which holds
// a subset of Noto Sans CJK (♪, for one, is not in it and would draw as a box).
func TestRecordingMarkIsInTheFont(t *testing.T) {
	for name, data := range map[string][]byte{"regular": assets.FontRegular, "bold": assets.FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range strings.TrimSpace(recordingMark) {
			if i, err := f.GlyphIndex(nil, r); err != nil || i == 0 {
				t.Errorf("%s font has no glyph for %q (%v)", name, r, err)
			}
		}
	}
}

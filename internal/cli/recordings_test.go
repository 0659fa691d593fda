package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/recordings"
)

// recordingsDay is the day whose recordings the tests save.
const recordingsDay = "2026-05-04"

// calls are the calls with a recording the PBX lists for the day, for extensions exts
// (nil: all).
func (h *harness) calls(exts []string) []recordings.Call {
	h.t.Helper()
	var c recordings.Collector
	p := cdrclient.NewRowParser(&c)
	p.Write(h.served(exts, recordingsDay+" 00:00:00", recordingsDay+" 23:59:59"))
	if err := p.Close(); err != nil {
		h.t.Fatal(err)
	}
	if len(c.Calls) < 3 {
		h.t.Fatalf("only %d calls with a recording", len(c.Calls))
	}
	return c.Calls
}

// wantRecordings checks that dir holds exactly the recordings of calls, byte for byte.
func (h *harness) wantRecordings(dir string, calls []recordings.Call) {
	h.t.Helper()
	var want []string
	for _, c := range calls {
		name := recordings.FileName(c)
		want = append(want, name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		var served bytes.Buffer
		h.sim.WriteRecording(&served, c.Recording)
		if err != nil || !bytes.Equal(got, served.Bytes()) {
			h.t.Errorf("%s: %d bytes (%v), want the %d served", name, len(got), err, served.Len())
		}
	}
	slices.Sort(want)
	if got := dirEntries(h.t, dir); !slices.Equal(got, want) {
		h.t.Errorf("the folder holds %d files %v\nwant %d: %v", len(got), got, len(want), want)
	}
}

func (h *harness) recordings(out string, extra ...string) (int, string) {
	h.t.Helper()
	args := append([]string{"recordings"}, h.conn("--from", recordingsDay, "--to", recordingsDay, "--out", out)...)
	code, _, stderr := h.run(append(args, extra...)...)
	return code, stderr
}

func TestRecordingsSavedThenResumed(t *testing.T) {
	h := newHarness(t, nil)
	calls := h.calls([]string{"1000", "1001", "1002"})
	out := filepath.Join(t.TempDir(), "recordings", "2026-05-04") // made when missing
	code, stderr := h.recordings(out, "--ext", "1000,1001,1002")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := fmt.Sprintf("saved %d recordings (0 already there) to %s", len(calls), out); lastLine(stderr) != want {
		t.Errorf("last line %q, want %q", lastLine(stderr), want)
	}
	h.wantRecordings(out, calls)
	if st := h.sim.Stats(); st.Logouts != 1 || st.Logins != 1 {
		t.Errorf("%d logins, %d logouts; want 1 each", st.Logins, st.Logouts)
	}

	// The second run finds them all; one deleted by hand is saved again.
	os.Remove(filepath.Join(out, recordings.FileName(calls[2])))
	code, stderr = h.recordings(out, "--ext", "1000,1001,1002")
	if want := fmt.Sprintf("saved 1 recordings (%d already there) to %s", len(calls)-1, out); code != ExitOK || lastLine(stderr) != want {
		t.Errorf("second run: exit %d, last line %q; want %q", code, lastLine(stderr), want)
	}
	h.wantRecordings(out, calls)
}

func TestRecordingsMissingOnThePBX(t *testing.T) {
	h := newHarness(t, nil)
	calls := h.calls(nil)
	gone := calls[1].Recording
	h.sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{gone} })
	out := t.TempDir()
	code, stderr := h.recordings(out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "warning: The PBX no longer has the recording "+gone+".") ||
		!strings.Contains(stderr, "warning: 1 recordings are missing on the PBX; the others were saved.") {
		t.Errorf("no warning about %s:\n%s", gone, stderr)
	}
	if want := fmt.Sprintf("saved %d recordings (0 already there) to %s", len(calls)-1, out); lastLine(stderr) != want {
		t.Errorf("last line %q, want %q", lastLine(stderr), want)
	}
	h.wantRecordings(out, slices.DeleteFunc(slices.Clone(calls), func(c recordings.Call) bool { return c.Recording == gone }))
}

func TestRecordingsCutOffThenResumed(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) { o.Recordings.DropAfterBytes = 20000 })
	calls := h.calls([]string{"1003", "1004", "1005"})
	out := t.TempDir()
	code, stderr := h.recordings(out, "--ext", "1003,1004,1005")
	if code != ExitConnection || !strings.Contains(stderr, "broke off during the download of the recording "+calls[0].Recording) {
		t.Fatalf("exit %d, %s; want %d and the cut explained", code, stderr, ExitConnection)
	}
	if got := dirEntries(t, out); len(got) != 0 {
		t.Fatalf("a cut download left %v", got)
	}
	h.sim.Update(func(o *pbxsim.Options) { o.Recordings.DropAfterBytes = 0 })
	if code, stderr := h.recordings(out, "--ext", "1003,1004,1005"); code != ExitOK {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	h.wantRecordings(out, calls)
}

func TestRecordingsNamesWindowsForbids(t *testing.T) {
	h := newHarness(t, nil)
	first := h.calls(nil)[0].Recording
	h.sim.Update(func(o *pbxsim.Options) {
		o.Recordings.Names = map[string]string{first: `2026/05/04\rec:1|<a>?*.wav`}
	})
	calls := h.calls(nil)
	out := t.TempDir()
	if code, stderr := h.recordings(out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	h.wantRecordings(out, calls)
	if name := recordings.FileName(calls[0]); !strings.HasSuffix(name, "_2026_05_04_rec_1__a___.wav") {
		t.Errorf("saved as %q", name)
	}
}

func TestRecordingsFailures(t *testing.T) {
	h := newHarness(t, nil)
	blocked := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(blocked, []byte("not a folder"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no --out", append([]string{"recordings"}, h.conn("--range", "yesterday")...), ExitUsage, "--out FOLDER"},
		{"no range", append([]string{"recordings"}, h.conn("--out", t.TempDir())...), ExitUsage, "--from DATE"},
		{"negative window", append([]string{"recordings"}, h.conn("--range", "yesterday", "--out", t.TempDir(), "--window", "-1h")...), ExitUsage, "--window"},
		{"folder cannot be made", append([]string{"recordings"}, h.conn("--from", recordingsDay, "--to", recordingsDay, "--out", filepath.Join(blocked, "sub"))...), ExitOutput, "could not be saved to " + filepath.Join(blocked, "sub")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := h.run(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, %q; want %d and %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
}

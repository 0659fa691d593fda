package recordings_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/recordings"
)

func TestSaveThenResumeSkipsWhatIsThere(t *testing.T) {
	p := startPBX(t, nil)
	calls := p.calls(t)
	dir := filepath.Join(t.TempDir(), "new", "folder") // made when missing
	var last recordings.Progress
	sum, err := recordings.Save(ctxT(t), p.sess, dir, calls, func(pr recordings.Progress) { last = pr })
	if err != nil {
		t.Fatal(err)
	}
	size := pbxsim.RecordingSize(pbxsim.DefaultRecordingSeconds)
	if sum.Saved != len(calls) || sum.Existing != 0 || len(sum.Missing) != 0 || sum.Bytes != int64(len(calls))*size {
		t.Errorf("summary %+v, want %d saved, %d bytes", sum, len(calls), int64(len(calls))*size)
	}
	if last.Done != len(calls) || last.Total != len(calls) || last.Bytes != sum.Bytes {
		t.Errorf("last progress %+v", last)
	}
	p.wantFiles(t, dir, calls)

	// A file of the same size is left alone, one of another size replaced.
	same, other := filepath.Join(dir, recordings.FileName(calls[0])), filepath.Join(dir, recordings.FileName(calls[1]))
	os.WriteFile(same, bytes.Repeat([]byte{'x'}, int(size)), 0o644)
	os.WriteFile(other, []byte("short"), 0o644)
	p.sim.ResetStats()
	sum, err = recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Saved != 1 || sum.Existing != len(calls)-1 {
		t.Errorf("second run: %+v, want 1 saved and %d already there", sum, len(calls)-1)
	}
	if got, _ := os.ReadFile(same); got[0] != 'x' {
		t.Error("a file of the same size was replaced")
	}
	if st := p.sim.Stats(); st.RecordingRandoms != len(calls) {
		t.Errorf("second run: %d keys, want one each (%d)", st.RecordingRandoms, len(calls))
	}
	os.Remove(same)
	recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	p.wantFiles(t, dir, calls)
}

func TestSaveResumesAfterCancel(t *testing.T) {
	// 20 s files are long enough for a progress report within a file.
	p := startPBX(t, func(o *pbxsim.Options) { o.Recordings.Seconds = 20 })
	calls := p.calls(t)[:5]
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(ctxT(t))
	// Cancelled in the middle of the third file, once bytes of it were written.
	sum, err := recordings.Save(ctx, p.sess, dir, calls, func(pr recordings.Progress) {
		if pr.Done == 2 && pr.Bytes > 2*pbxsim.RecordingSize(20) {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || sum.Saved != 2 {
		t.Fatalf("got %v with %+v, want Canceled after 2 saved", err, sum)
	}
	if got := dirNames(t, dir); !slices.Equal(got, sorted([]string{recordings.FileName(calls[0]), recordings.FileName(calls[1])})) {
		t.Fatalf("after cancel the folder holds %v, want the 2 files saved and nothing else", got)
	}
	sum, err = recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	if err != nil || sum.Saved != len(calls)-2 || sum.Existing != 2 {
		t.Fatalf("resumed: %v, %+v; want %d saved and 2 already there", err, sum, len(calls)-2)
	}
	p.wantFiles(t, dir, calls)
}

func TestSaveAfterDrop(t *testing.T) {
	// Cut off once: fetched again at once, nothing lost.
	p := startPBX(t, func(o *pbxsim.Options) {
		o.Recordings = pbxsim.RecordingOptions{DropAfterBytes: 30000, DropOnce: true}
	})
	calls := p.calls(t)
	dir := t.TempDir()
	if sum, err := recordings.Save(ctxT(t), p.sess, dir, calls, nil); err != nil || sum.Saved != len(calls) {
		t.Fatalf("%v, %+v", err, sum)
	}
	p.wantFiles(t, dir, calls)

	// Cut off every time from the second file on (close-delimited: only the WAV header
	// tells): the run stops with the cut, the first file saved and no part kept; once
	// the network is well again, a second run resumes.
	p = startPBX(t, func(o *pbxsim.Options) { o.Recordings.NoLength = true })
	dir = t.TempDir()
	var downloads atomic.Int32
	p.onRequest(func(r *http.Request) {
		if isRecordingDownload(r) && downloads.Add(1) == 2 {
			p.sim.Update(func(o *pbxsim.Options) { o.Recordings.DropAfterBytes = 30000 })
		}
	})
	sum, err := recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	var cut *cdrclient.RecordingCutError
	if !errors.As(err, &cut) || sum.Saved != 1 || cut.Name != calls[1].Recording {
		t.Fatalf("got %v with %+v, want a cut of the second file after 1 saved", err, sum)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{recordings.FileName(calls[0])}) {
		t.Fatalf("after the cut the folder holds %v", got)
	}
	p.sim.Update(func(o *pbxsim.Options) { o.Recordings.DropAfterBytes = 0 })
	sum, err = recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	if err != nil || sum.Saved != len(calls)-1 || sum.Existing != 1 {
		t.Fatalf("resumed: %v, %+v", err, sum)
	}
	p.wantFiles(t, dir, calls)
}

func TestSaveNotesMissingAndSavesTheRest(t *testing.T) {
	p := startPBX(t, nil)
	calls := p.calls(t)
	gone := []string{calls[1].Recording, calls[len(calls)-1].Recording}
	p.sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = gone })
	dir := t.TempDir()
	sum, err := recordings.Save(ctxT(t), p.sess, dir, calls, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sum.Missing, gone) || sum.Saved != len(calls)-2 {
		t.Fatalf("summary %+v, want %v missing and %d saved", sum, gone, len(calls)-2)
	}
	var kept []recordings.Call
	for _, c := range calls {
		if !slices.Contains(gone, c.Recording) {
			kept = append(kept, c)
		}
	}
	p.wantFiles(t, dir, kept)
}

func TestSaveReplacesAnExpiredKey(t *testing.T) {
	p := startPBX(t, nil)
	calls := p.calls(t)
	var downloads atomic.Int32
	p.onRequest(func(r *http.Request) {
		if isRecordingDownload(r) && downloads.Add(1)%2 == 1 {
			p.clock.Advance(31 * time.Second) // every other key expires before it is used
		}
	})
	dir := t.TempDir()
	if sum, err := recordings.Save(ctxT(t), p.sess, dir, calls, nil); err != nil || sum.Saved != len(calls) {
		t.Fatalf("%v, %+v", err, sum)
	}
	p.wantFiles(t, dir, calls)
	if st := p.sim.Stats(); st.RecordingRandoms != 2*len(calls) || st.Errnos[pbxsim.ErrnoBadRecordingRandom] != len(calls) {
		t.Errorf("%d keys, %d × 20012; want %d and %d", st.RecordingRandoms, st.Errnos[pbxsim.ErrnoBadRecordingRandom], 2*len(calls), len(calls))
	}
}

func TestSaveNamesWindowsForbids(t *testing.T) {
	p := startPBX(t, nil)
	calls := p.calls(t)
	odd := `rec:2026|05<04>a/b\c?*.wav` // the simulator writes no CSV quoting: no '"'
	p.sim.Update(func(o *pbxsim.Options) { o.Recordings.Names = map[string]string{calls[0].Recording: odd} })
	calls = p.calls(t)
	if calls[0].Recording != odd {
		t.Fatalf("the CSV names %q", calls[0].Recording)
	}
	dir := t.TempDir()
	if _, err := recordings.Save(ctxT(t), p.sess, dir, calls[:1], nil); err != nil {
		t.Fatal(err)
	}
	name := recordings.FileName(calls[0])
	if want := "20260504-" + name[9:15] + "_" + calls[0].From + "_" + calls[0].To + "_rec_2026_05_04_a_b_c__.wav"; name != want {
		t.Errorf("named %q, want %q", name, want)
	}
	p.wantFiles(t, dir, calls[:1])
}

func TestTempFilesFetchedThenRemoved(t *testing.T) {
	p := startPBX(t, nil)
	calls := p.calls(t)
	parent := t.TempDir()
	tmp := recordings.NewTempFiles(parent)
	path, err := tmp.Fetch(ctxT(t), p.sess, calls[0])
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != recordings.FileName(calls[0]) {
		t.Errorf("fetched to %s", path)
	}
	p.wantFiles(t, filepath.Dir(path), calls[:1])
	p.sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{calls[1].Recording} })
	_, err = tmp.Fetch(ctxT(t), p.sess, calls[1])
	var missing *cdrclient.RecordingMissingError
	if !errors.As(err, &missing) {
		t.Errorf("a missing recording: %v", err)
	}
	if err := tmp.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	if left := dirNames(t, parent); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

package recordings

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/atomicfile"
)

// Source opens recordings on the PBX; *cdrclient.Session is one.
type Source interface {
	OpenRecording(ctx context.Context, name string) (*cdrclient.RecordingBody, error)
}

// Progress describes a running Save.
type Progress struct {
	Done, Total int    // calls finished (saved, already there or missing) and in all
	Bytes       int64  // recording bytes written so far
	Current     string // the file being saved, "" between files
}

// Summary describes what a Save did, also when it stopped early.
type Summary struct {
	Saved    int      // files written
	Existing int      // files already there with the same size, left alone
	Missing  []string // recordings the PBX does not have (their names on the PBX)
	Bytes    int64    // bytes written
}

// progressEvery is how many bytes pass between progress reports within a file.
const progressEvery = 256 << 10

// Save saves the recordings of calls into dir (made if missing), one after another,
// each named by FileName. A file already there with the size the PBX gives is skipped
// (its download is abandoned after the answer's headers), so a cancelled or failed run
// resumes where it stopped; a file there with another size is replaced. Each file is
// written under a temporary name and renamed when whole: a cut-off or cancelled
// download never leaves a file under the final name. A download cut off is tried once
// more; a recording the PBX does not have is noted in Summary.Missing and the rest are
// saved. Any other failure stops the run with the error, the Summary telling what was
// done. progress, if not nil, is called from Save's goroutine.
func Save(ctx context.Context, src Source, dir string, calls []Call, progress func(Progress)) (Summary, error) {
	r := &run{src: src, dir: dir, progress: progress, p: Progress{Total: len(calls)}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return r.sum, &SaveError{Path: dir, Err: unwrapPath(err)}
	}
	r.report()
	for _, c := range calls {
		if err := ctx.Err(); err != nil {
			return r.sum, err
		}
		r.p.Current = FileName(c)
		r.report()
		if err := r.one(ctx, c); err != nil {
			return r.sum, err
		}
		r.p.Done++
		r.p.Current = ""
		r.report()
	}
	return r.sum, nil
}

// run is the state of one Save.
type run struct {
	src      Source
	dir      string
	progress func(Progress)
	p        Progress
	sum      Summary
	reported int64
}

func (r *run) report() {
	r.p.Bytes = r.sum.Bytes
	r.reported = r.sum.Bytes
	if r.progress != nil {
		r.progress(r.p)
	}
}

// one saves one call's recording, downloading it a second time when the first
// download is cut off.
func (r *run) one(ctx context.Context, c Call) error {
	path := filepath.Join(r.dir, FileName(c))
	for attempt := 0; ; attempt++ {
		err := r.attempt(ctx, c.Recording, path)
		var cut *cdrclient.RecordingCutError
		var missing *cdrclient.RecordingMissingError
		switch {
		case errors.As(err, &cut) && attempt == 0:
			continue
		case errors.As(err, &missing):
			r.sum.Missing = append(r.sum.Missing, c.Recording)
			return nil
		}
		return err
	}
}

// attempt downloads the recording once into path, unless a file of its size is there.
func (r *run) attempt(ctx context.Context, name, path string) error {
	body, err := r.src.OpenRecording(ctx, name)
	if err != nil {
		return err
	}
	defer body.Close()
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && body.Size >= 0 && st.Size() == body.Size {
		r.sum.Existing++
		return nil
	}
	var written int64
	err = atomicfile.Write(ctx, path, true, func(w io.Writer) error {
		cw := &countingWriter{w: w, onWrite: func(n int) {
			written += int64(n)
			r.sum.Bytes += int64(n)
			if r.sum.Bytes-r.reported >= progressEvery {
				r.report()
			}
		}}
		_, err := io.Copy(cw, body)
		return err
	})
	if err != nil {
		r.sum.Bytes -= written // a file not kept is not counted
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &SaveError{Path: path, Err: pe.Err}
		}
		return err
	}
	r.sum.Saved++
	return nil
}

// unwrapPath keeps the system's reason of a *fs.PathError (SaveError names the path).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// countingWriter passes writes on and tells how much went through.
type countingWriter struct {
	w       io.Writer
	onWrite func(n int)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.onWrite(n)
	return n, err
}

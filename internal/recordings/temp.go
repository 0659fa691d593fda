package recordings

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"cdrdesk/cdrclient"
)

// TempFiles holds the recordings fetched to be played: in one folder of their own,
// made at first use under the system's temporary folder, and removed with everything
// in it by RemoveAll when cdrdesk exits. It is safe for concurrent use.
type TempFiles struct {
	parent string // where the folder is made; "" = os.TempDir()

	mu  sync.Mutex
	dir string // "" until the first Fetch
}

// NewTempFiles returns an empty holder whose folder will be made in parent (""
// = the system's temporary folder).
func NewTempFiles(parent string) *TempFiles { return &TempFiles{parent: parent} }

// Fetch downloads the recording of c (by the rules of Save: a file fetched before is
// not fetched again) and returns the file's path. A recording the PBX does not have is
// a *cdrclient.RecordingMissingError.
func (t *TempFiles) Fetch(ctx context.Context, src Source, c Call) (string, error) {
	dir, err := t.folder()
	if err != nil {
		return "", err
	}
	sum, err := Save(ctx, src, dir, []Call{c}, nil)
	if err != nil {
		return "", err
	}
	if len(sum.Missing) > 0 {
		return "", &cdrclient.RecordingMissingError{Name: c.Recording}
	}
	return filepath.Join(dir, FileName(c)), nil
}

// folder returns the folder, making it at first use.
func (t *TempFiles) folder() (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dir == "" {
		dir, err := os.MkdirTemp(t.parent, "cdrdesk-recordings-")
		if err != nil {
			return "", &SaveError{Path: filepath.Join(t.parent, "cdrdesk-recordings-…"), Err: unwrapPath(err)}
		}
		t.dir = dir
	}
	return t.dir, nil
}

// RemoveAll removes the folder and the recordings in it; a later Fetch makes a new one.
func (t *TempFiles) RemoveAll() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dir == "" {
		return nil
	}
	err := os.RemoveAll(t.dir)
	t.dir = ""
	return err
}

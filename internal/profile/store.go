package profile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"cdrdesk/internal/atomicfile"
)

// Store holds the saved profiles and reaches their secrets. Its methods are
// safe for concurrent use.
//
// Reads (List, Get, Last) answer from memory and never wait for the file or
// the keyring, so a window can call them freely. Every change re-reads
// profiles.json first, applies itself and writes the file back atomically,
// so the window and a command-line run do not undo each other's changes.
type Store struct {
	path    string
	secrets SecretStore

	// edit serialises changes (file and keyring), which may take as long
	// as a keyring timeout; mu guards cur only briefly, so reads are never
	// stuck behind a slow keyring.
	edit sync.Mutex
	mu   sync.RWMutex
	cur  state
}

// DefaultDir returns the directory for profiles.json: cdrdesk in the user's
// configuration directory (for example ~/.config/cdrdesk on Linux).
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "cdrdesk"), nil
}

// Open reads dir/profiles.json (dir "" means DefaultDir). A missing file or
// directory is an empty store; they are created on the first change. A file
// that cannot be parsed gives a *CorruptFileError naming it.
func Open(dir string, secrets SecretStore) (*Store, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	s := &Store{path: filepath.Join(dir, fileName), secrets: secrets}
	st, err := s.load()
	if err != nil {
		return nil, err
	}
	s.cur = st
	return s, nil
}

// Path returns the profiles file, for messages and diagnostics.
func (s *Store) Path() string { return s.path }

// List returns a copy of all profiles sorted by name.
func (s *Store) List() []Profile {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur.sorted()
}

// Get returns the profile called name.
func (s *Store) Get(name string) (Profile, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.cur.profiles[name]
	return p, ok
}

// Last returns the name of the profile used last, or "".
func (s *Store) Last() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur.last
}

// load reads and parses the profiles file.
func (s *Store) load() (state, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return state{profiles: map[string]Profile{}}, nil
	}
	if err != nil {
		return state{}, err
	}
	st, err := decodeFile(data)
	if err != nil {
		return state{}, &CorruptFileError{Path: s.path, Err: err}
	}
	return st, nil
}

// change applies fn to the current content of the file and saves the result.
// The caller holds s.edit. If fn or the write fails, nothing changes.
func (s *Store) change(fn func(st *state) error) error {
	st, err := s.load()
	if err != nil {
		return err
	}
	if err := fn(&st); err != nil {
		s.publish(st) // still show what other processes saved
		return err
	}
	data, err := encodeFile(st)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	err = atomicfile.Write(context.Background(), s.path, true, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	s.publish(st)
	return nil
}

// publish makes st the state that reads see.
func (s *Store) publish(st state) {
	s.mu.Lock()
	s.cur = st
	s.mu.Unlock()
}

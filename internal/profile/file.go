package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// fileName is the name of the profiles file in the configuration directory.
const fileName = "profiles.json"

// fileVersion is the format version this package reads and writes.
const fileVersion = 1

// fileData is the content of profiles.json.
type fileData struct {
	Version  int       `json:"version"`
	Last     string    `json:"last"`
	Profiles []Profile `json:"profiles"`
}

// state is the decoded content of profiles.json.
type state struct {
	last     string
	profiles map[string]Profile
}

// CorruptFileError reports a profiles file that cannot be read. The file is
// left alone: it holds the user's connections, so it is never discarded or
// overwritten silently.
type CorruptFileError struct {
	// Path is the profiles file.
	Path string
	// Err says what is wrong with it.
	Err error
}

// Error names the file and what to do.
func (e *CorruptFileError) Error() string {
	return fmt.Sprintf("the saved connections file %s cannot be read (%v); repair it or move it away to start with no saved connections", e.Path, e.Err)
}

// Unwrap returns the underlying problem.
func (e *CorruptFileError) Unwrap() error { return e.Err }

// decodeFile parses profiles.json. Every profile must be valid and names
// unique; a "last" that names no profile is dropped, as it is harmless.
func decodeFile(data []byte) (state, error) {
	// Notepad on Windows adds a byte order mark to files it saves.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var f fileData
	if err := json.Unmarshal(data, &f); err != nil {
		return state{}, err
	}
	switch {
	case f.Version > fileVersion:
		return state{}, fmt.Errorf("it was written by a newer cdrdesk (format version %d)", f.Version)
	case f.Version != fileVersion:
		return state{}, fmt.Errorf("unknown format version %d", f.Version)
	}
	st := state{profiles: make(map[string]Profile, len(f.Profiles))}
	for _, p := range f.Profiles {
		p, err := normalize(p)
		if err != nil {
			return state{}, err
		}
		if _, dup := st.profiles[p.Name]; dup {
			return state{}, fmt.Errorf("the profile %q appears twice", p.Name)
		}
		st.profiles[p.Name] = p
	}
	if _, ok := st.profiles[f.Last]; ok {
		st.last = f.Last
	}
	return st, nil
}

// encodeFile renders st as indented JSON with profiles sorted by name, so
// the file is stable and diffable.
func encodeFile(st state) ([]byte, error) {
	f := fileData{Version: fileVersion, Last: st.last, Profiles: st.sorted()}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sorted returns the profiles ordered by name.
func (st state) sorted() []Profile {
	list := make([]Profile, 0, len(st.profiles))
	for _, p := range st.profiles {
		list = append(list, p)
	}
	slices.SortFunc(list, func(a, b Profile) int { return strings.Compare(a.Name, b.Name) })
	return list
}

package profile

import (
	"errors"
	"fmt"
)

// Save adds p, or replaces the profile with the same name. The name must pass
// ValidateName; an empty APIVersion is stored as "auto" and the fingerprint
// as lowercase hex.
//
// A new name first clears any secrets left in the keyring under that name
// (by a deletion while the keyring was unavailable), so a new profile never
// logs in with another PBX's password. That may wait for the keyring's
// timeout, so call Save off the UI goroutine.
func (s *Store) Save(p Profile) error {
	p, err := normalize(p)
	if err != nil {
		return err
	}
	s.edit.Lock()
	defer s.edit.Unlock()
	added := false
	err = s.change(func(st *state) error {
		_, exists := st.profiles[p.Name]
		added = !exists
		st.profiles[p.Name] = p
		return nil
	})
	if err == nil && added {
		s.clearSecrets(p.Name) // best effort: see above
	}
	return err
}

// Rename renames the profile from to the name to, moving its secrets too.
// It refuses a name that another profile has (ErrProfileExists).
//
// If the file is saved but the keyring cannot be updated, the rename stands
// and the error wraps ErrKeyringUnavailable: the user will be asked for the
// password again.
func (s *Store) Rename(from, to string) error {
	if err := ValidateName(to); err != nil {
		return err
	}
	s.edit.Lock()
	defer s.edit.Unlock()
	err := s.change(func(st *state) error {
		p, ok := st.profiles[from]
		switch {
		case !ok:
			return fmt.Errorf("%w: %q", ErrProfileNotFound, from)
		case from == to:
			return nil
		}
		if _, taken := st.profiles[to]; taken {
			return fmt.Errorf("%w: %q", ErrProfileExists, to)
		}
		delete(st.profiles, from)
		p.Name = to
		st.profiles[to] = p
		if st.last == from {
			st.last = to
		}
		return nil
	})
	if err != nil || from == to {
		return err
	}
	if err := s.moveSecrets(from, to); err != nil {
		return fmt.Errorf("profile %q was renamed to %q, but its saved password could not be moved: %w", from, to, err)
	}
	return nil
}

// Delete removes the profile name and its secrets.
//
// If the file is saved but the keyring cannot be updated, the deletion
// stands and the error wraps ErrKeyringUnavailable.
func (s *Store) Delete(name string) error {
	s.edit.Lock()
	defer s.edit.Unlock()
	err := s.change(func(st *state) error {
		if _, ok := st.profiles[name]; !ok {
			return fmt.Errorf("%w: %q", ErrProfileNotFound, name)
		}
		delete(st.profiles, name)
		if st.last == name {
			st.last = ""
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.clearSecrets(name); err != nil {
		return fmt.Errorf("profile %q was deleted, but its saved password could not be removed: %w", name, err)
	}
	return nil
}

// SetLast records name as the profile used last; "" clears it.
func (s *Store) SetLast(name string) error {
	s.edit.Lock()
	defer s.edit.Unlock()
	return s.change(func(st *state) error {
		if _, ok := st.profiles[name]; !ok && name != "" {
			return fmt.Errorf("%w: %q", ErrProfileNotFound, name)
		}
		st.last = name
		return nil
	})
}

// Update changes the saved profile name with fn, reading the file first, so that two
// programs counting failed logins of one profile do not lose each other's counts. It
// writes only when fn changed something, and returns the profile as saved.
func (s *Store) Update(name string, fn func(p *Profile)) (Profile, error) {
	s.edit.Lock()
	defer s.edit.Unlock()
	var out Profile
	err := s.change(func(st *state) error {
		p, ok := st.profiles[name]
		if !ok {
			return fmt.Errorf("%w: %q", ErrProfileNotFound, name)
		}
		before := p
		fn(&p)
		p.Name = name // a change of name is Rename's
		p, err := normalize(p)
		if err != nil {
			return err
		}
		out = p
		if same(p, before) {
			return errUnchanged
		}
		st.profiles[name] = p
		return nil
	})
	if errors.Is(err, errUnchanged) {
		err = nil
	}
	return out, err
}

// errUnchanged tells change that there is nothing to write.
var errUnchanged = errors.New("unchanged")

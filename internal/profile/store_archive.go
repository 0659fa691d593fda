package profile

import "errors"

// archivePasswordKey is the keyring key of the password of a PostgreSQL archive,
// by its connection string without the password. Its suffix is not a profile
// secret's, so it never collides with one whatever the profile's name.
func archivePasswordKey(location string) string { return location + "/archive-password" }

// ArchivePassword returns the saved password of the PostgreSQL archive at location
// (its connection string without the password). Errors wrap ErrNoSecret when none is
// saved and ErrKeyringUnavailable when the keyring cannot be asked.
func (s *Store) ArchivePassword(location string) (string, error) {
	return s.getSecret(archivePasswordKey(location))
}

// SetArchivePassword saves the password of the PostgreSQL archive at location, so that
// the connection string in the preferences never holds it; an empty password forgets
// it.
func (s *Store) SetArchivePassword(location, password string) error {
	s.edit.Lock()
	defer s.edit.Unlock()
	if password == "" {
		err := unavailable(s.secrets.Delete(service, archivePasswordKey(location)))
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	}
	return unavailable(s.secrets.Set(service, archivePasswordKey(location), password))
}

package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Token is a PBX session token and when it was obtained, so the caller can
// tell whether it may still be valid.
type Token struct {
	Value   string
	Saved   time.Time
	Version string // the API version path the token belongs to ("v2.0.0", ...)
}

// tokenJSON is how a Token is kept in the keyring.
type tokenJSON struct {
	Value   string    `json:"value"`
	Saved   time.Time `json:"saved"` // RFC 3339
	Version string    `json:"version,omitempty"`
}

// PasswordMD5 returns the saved MD5 of the profile's API password, as
// lowercase hex. Errors wrap ErrNoSecret when none is saved and
// ErrKeyringUnavailable when the keyring cannot be asked.
func (s *Store) PasswordMD5(name string) (string, error) {
	if err := s.mustExist(name); err != nil {
		return "", err
	}
	v, err := s.getSecret(passwordKey(name))
	if err != nil {
		return "", err
	}
	if !isHex(v, 32) {
		return "", fmt.Errorf("%w: the saved password of %q is malformed", ErrNoSecret, name)
	}
	return v, nil
}

// SetPasswordMD5 saves the MD5 of the profile's API password, given as 32
// hex digits.
func (s *Store) SetPasswordMD5(name, md5hex string) error {
	md5hex = strings.ToLower(md5hex)
	if !isHex(md5hex, 32) {
		// Never quote the value: it is a secret.
		return fmt.Errorf("%w: the password MD5 must be 32 hex digits", ErrInvalidProfile)
	}
	return s.setSecret(name, passwordKey(name), md5hex)
}

// Token returns the profile's saved session token. Errors wrap ErrNoSecret
// when none is saved (or it is unreadable: the caller logs in anew) and
// ErrKeyringUnavailable when the keyring cannot be asked.
func (s *Store) Token(name string) (Token, error) {
	if err := s.mustExist(name); err != nil {
		return Token{}, err
	}
	v, err := s.getSecret(tokenKey(name))
	if err != nil {
		return Token{}, err
	}
	var t tokenJSON
	// The decoding error is not wrapped: it might quote the token.
	if json.Unmarshal([]byte(v), &t) != nil || t.Value == "" {
		return Token{}, fmt.Errorf("%w: the saved token of %q is unreadable", ErrNoSecret, name)
	}
	return Token(t), nil
}

// SetToken saves the profile's session token.
func (s *Store) SetToken(name string, t Token) error {
	if t.Value == "" {
		return fmt.Errorf("%w: empty token", ErrInvalidProfile)
	}
	data, err := json.Marshal(tokenJSON(t))
	if err != nil {
		return fmt.Errorf("%w: the token time cannot be saved", ErrInvalidProfile)
	}
	return s.setSecret(name, tokenKey(name), string(data))
}

// ClearToken forgets the profile's session token (after a logout or when the
// PBX rejects it). Clearing an absent token is not an error.
func (s *Store) ClearToken(name string) error {
	s.edit.Lock()
	defer s.edit.Unlock()
	if err := s.mustExist(name); err != nil {
		return err
	}
	return ignoreNotFound(unavailable(s.secrets.Delete(service, tokenKey(name))))
}

// mustExist returns ErrProfileNotFound unless a profile is called name:
// secrets are only kept for saved profiles, so none are orphaned.
func (s *Store) mustExist(name string) error {
	if _, ok := s.Get(name); !ok {
		return fmt.Errorf("%w: %q", ErrProfileNotFound, name)
	}
	return nil
}

// getSecret reads a secret, mapping "not found" to ErrNoSecret.
func (s *Store) getSecret(key string) (string, error) {
	v, err := s.secrets.Get(service, key)
	if errors.Is(err, ErrNotFound) {
		return "", ErrNoSecret
	}
	return v, unavailable(err)
}

// setSecret writes a secret of the existing profile name. It holds s.edit so
// a concurrent Delete or Rename cannot leave the secret orphaned.
func (s *Store) setSecret(name, key, value string) error {
	s.edit.Lock()
	defer s.edit.Unlock()
	if err := s.mustExist(name); err != nil {
		return err
	}
	return unavailable(s.secrets.Set(service, key, value))
}

// clearSecrets deletes both secrets of name; absent secrets are fine. It
// stops at the first keyring failure, as a second call would only wait for
// the same timeout again.
func (s *Store) clearSecrets(name string) error {
	for _, key := range []string{passwordKey(name), tokenKey(name)} {
		if err := ignoreNotFound(unavailable(s.secrets.Delete(service, key))); err != nil {
			return err
		}
	}
	return nil
}

// moveSecrets moves both secrets from one profile name to another. A secret
// absent under from is also removed under to, so nothing stale survives. It
// stops at the first keyring failure.
func (s *Store) moveSecrets(from, to string) error {
	for _, key := range []func(string) string{passwordKey, tokenKey} {
		v, err := s.secrets.Get(service, key(from))
		switch {
		case errors.Is(err, ErrNotFound):
			err = ignoreNotFound(s.secrets.Delete(service, key(to)))
		case err == nil:
			if err = s.secrets.Set(service, key(to), v); err == nil {
				err = ignoreNotFound(s.secrets.Delete(service, key(from)))
			}
		}
		if err != nil {
			return unavailable(err)
		}
	}
	return nil
}

// ignoreNotFound treats an absent secret as success.
func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

package profile

import (
	"errors"
	"testing"
)

// The password of a PostgreSQL archive is kept apart from the profiles' secrets,
// under its connection string without the password.
func TestArchivePassword(t *testing.T) {
	mem := NewMemorySecrets()
	s, err := Open(t.TempDir(), mem)
	if err != nil {
		t.Fatal(err)
	}
	const loc = "postgres://cdr@db.example/cdr"
	if _, err := s.ArchivePassword(loc); !errors.Is(err, ErrNoSecret) {
		t.Fatalf("nothing saved: %v, want ErrNoSecret", err)
	}
	if err := s.SetArchivePassword(loc, "s3cret"); err != nil {
		t.Fatal(err)
	}
	if pw, err := s.ArchivePassword(loc); pw != "s3cret" || err != nil {
		t.Fatalf("ArchivePassword = %q, %v", pw, err)
	}
	if pw, _ := s.ArchivePassword("postgres://cdr@other/cdr"); pw != "" {
		t.Fatalf("another database got %q", pw)
	}
	if err := s.SetArchivePassword(loc, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchivePassword(loc, ""); err != nil {
		t.Fatalf("forgetting twice: %v", err)
	}
	if _, err := s.ArchivePassword(loc); !errors.Is(err, ErrNoSecret) {
		t.Fatalf("after forgetting: %v", err)
	}
	mem.SetUnavailable(true)
	if err := s.SetArchivePassword(loc, "x"); !errors.Is(err, ErrKeyringUnavailable) {
		t.Fatalf("no keyring: %v", err)
	}
}

package profile

import (
	"errors"
	"slices"
	"testing"
)

// TestUpdateKeepsTheOtherProgramsChanges: two programs (the window and a command-line
// run) counting failed logins of one profile both count; a missing profile is an error.
func TestUpdateKeepsTheOtherProgramsChanges(t *testing.T) {
	dir := t.TempDir()
	window, err := Open(dir, NewMemorySecrets())
	if err != nil {
		t.Fatal(err)
	}
	if err := window.Save(Profile{Name: "总部", URL: "https://pbx", User: "api"}); err != nil {
		t.Fatal(err)
	}
	cli, err := Open(dir, NewMemorySecrets())
	if err != nil {
		t.Fatal(err)
	}
	add := func(p *Profile) { p.FailedLogins++ }
	for _, s := range []*Store{window, cli, window} {
		if _, err := s.Update("总部", add); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := cli.Get("总部"); p.FailedLogins != 2 {
		t.Errorf("the command line's copy reads %d before re-reading", p.FailedLogins)
	}
	p, err := cli.Update("总部", func(p *Profile) {})
	if err != nil || p.FailedLogins != 3 {
		t.Errorf("after three counts by two programs: %d, %v; want 3", p.FailedLogins, err)
	}
	if _, err := window.Update("nowhere", add); !errors.Is(err, ErrProfileNotFound) {
		t.Errorf("a missing profile: %v", err)
	}
	if _, err := window.Update("总部", func(p *Profile) { p.FailedLogins = -1 }); !errors.Is(err, ErrInvalidProfile) {
		t.Errorf("a negative count: %v", err)
	}
}

// TestExtensionsKeptWithTheConnection: the extensions the last connection listed are
// kept in the file, so another run (the window offline) reads them back.
func TestExtensionsKeptWithTheConnection(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, NewMemorySecrets())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(Profile{Name: "总部", URL: "https://pbx", User: "api"}); err != nil {
		t.Fatal(err)
	}
	exts := []Extension{{Number: "1000", Name: "前台"}, {Number: "1001"}}
	if _, err := s.Update("总部", func(p *Profile) { p.Extensions = exts }); err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir, NewMemorySecrets())
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := again.Get("总部"); !slices.Equal(p.Extensions, exts) {
		t.Errorf("read back %+v, want %+v", p.Extensions, exts)
	}
}

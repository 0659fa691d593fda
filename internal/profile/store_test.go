package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// newStore opens a store in a fresh directory with in-memory secrets.
func newStore(t *testing.T) (*Store, *MemorySecrets) {
	t.Helper()
	secrets := NewMemorySecrets()
	s, err := Open(t.TempDir(), secrets)
	if err != nil {
		t.Fatal(err)
	}
	return s, secrets
}

// mustSave saves profiles named names, failing the test on error.
func mustSave(t *testing.T, s *Store, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := s.Save(Profile{Name: n, URL: "https://pbx-" + n, User: "api"}); err != nil {
			t.Fatalf("Save(%q): %v", n, err)
		}
	}
}

func names(list []Profile) []string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name)
	}
	return out
}

func TestOpenMissingDirIsEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet")
	s, err := Open(dir, NewMemorySecrets())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if len(s.List()) != 0 || s.Last() != "" {
		t.Errorf("new store not empty: %v, last %q", s.List(), s.Last())
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open created the directory (stat: %v); it should wait for the first change", err)
	}
	mustSave(t, s, "a") // creates the directory
	if _, err := os.Stat(filepath.Join(dir, "profiles.json")); err != nil {
		t.Errorf("profiles.json not written: %v", err)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/xdg")
	t.Setenv("HOME", "/home/u")
	t.Setenv("AppData", `C:\Users\u\AppData\Roaming`)
	dir, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "cdrdesk" {
		t.Errorf("DefaultDir = %q, want a cdrdesk directory", dir)
	}
}

func TestSaveListGet(t *testing.T) {
	s, _ := newStore(t)
	mustSave(t, s, "总部", "Branch", "branch 2")
	if got, want := names(s.List()), []string{"Branch", "branch 2", "总部"}; !slices.Equal(got, want) {
		t.Errorf("List = %q, want %q", got, want)
	}

	updated := Profile{Name: "总部", URL: "https://10.0.0.1:8088", User: "cdr", APIVersion: "v2.0.0", FailedLogins: 3}
	if err := s.Save(updated); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get("总部"); !same(got, updated) {
		t.Errorf("Get after replace = %+v, want %+v", got, updated)
	}
	if len(s.List()) != 3 {
		t.Errorf("replacing added a profile: %q", names(s.List()))
	}
	if _, ok := s.Get("missing"); ok {
		t.Error("Get found a profile that was never saved")
	}

	list := s.List()
	list[0].URL = "changed by caller"
	if p, _ := s.Get(list[0].Name); p.URL == "changed by caller" {
		t.Error("List returned the store's own memory")
	}
}

func TestSaveRejectsInvalid(t *testing.T) {
	tests := []struct {
		p   Profile
		err error
	}{
		{Profile{Name: ""}, ErrInvalidName},
		{Profile{Name: "a\nb"}, ErrInvalidName},
		{Profile{Name: "a", Fingerprint: "not hex"}, ErrInvalidProfile},
	}
	for _, tt := range tests {
		s, _ := newStore(t)
		if err := s.Save(tt.p); !errors.Is(err, tt.err) {
			t.Errorf("Save(%+v) = %v, want %v", tt.p, err, tt.err)
		}
		if len(s.List()) != 0 {
			t.Errorf("invalid profile %+v was kept", tt.p)
		}
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	secrets := NewMemorySecrets()
	s, err := Open(dir, secrets)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, "Branch", "总部")
	if err := s.SetLast("总部"); err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir, secrets)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.List(), s.List()) || again.Last() != "总部" {
		t.Errorf("reopened store = %+v (last %q), want %+v (last 总部)", again.List(), again.Last(), s.List())
	}
}

func TestRename(t *testing.T) {
	tests := []struct {
		name      string
		from, to  string
		err       error
		wantNames []string
	}{
		{name: "to a new name", from: "a", to: "新名", wantNames: []string{"b", "新名"}},
		{name: "to itself", from: "a", to: "a", wantNames: []string{"a", "b"}},
		{name: "onto another profile", from: "a", to: "b", err: ErrProfileExists, wantNames: []string{"a", "b"}},
		{name: "missing profile", from: "x", to: "y", err: ErrProfileNotFound, wantNames: []string{"a", "b"}},
		{name: "invalid new name", from: "a", to: " ", err: ErrInvalidName, wantNames: []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newStore(t)
			mustSave(t, s, "a", "b")
			s.SetLast("a")
			if err := s.Rename(tt.from, tt.to); !errors.Is(err, tt.err) {
				t.Fatalf("Rename = %v, want %v", err, tt.err)
			}
			if got := names(s.List()); !slices.Equal(got, tt.wantNames) {
				t.Errorf("names = %q, want %q", got, tt.wantNames)
			}
			wantLast := "a"
			if tt.err == nil {
				wantLast = tt.to
			}
			if s.Last() != wantLast {
				t.Errorf("Last = %q, want %q", s.Last(), wantLast)
			}
		})
	}
}

func TestRenameMovesSecrets(t *testing.T) {
	s, secrets := newStore(t)
	mustSave(t, s, "old", "new")
	s.SetPasswordMD5("old", md5Hex)
	s.SetToken("old", Token{Value: "tok"})
	s.SetToken("new", Token{Value: "stale token of a deleted profile"})
	s.Delete("new")
	secrets.Set(service, tokenKey("new"), "stale") // as if left by a keyring outage

	if err := s.Rename("old", "new"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PasswordMD5("new"); err != nil || got != md5Hex {
		t.Errorf("PasswordMD5 after rename = %q, %v", got, err)
	}
	if got, err := s.Token("new"); err != nil || got.Value != "tok" {
		t.Errorf("Token after rename = %+v, %v", got, err)
	}
	want := []string{"new/password-md5", "new/token"}
	if got := secrets.Keys(service); !slices.Equal(got, want) {
		t.Errorf("keyring holds %q, want %q", got, want)
	}
}

func TestRenameClearsStaleSecretsOfNewName(t *testing.T) {
	s, secrets := newStore(t)
	mustSave(t, s, "old")
	secrets.Set(service, passwordKey("new"), md5Hex) // left by a keyring outage
	if err := s.Rename("old", "new"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PasswordMD5("new"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("renamed profile inherited a stale password (err %v)", err)
	}
}

func TestDelete(t *testing.T) {
	s, secrets := newStore(t)
	mustSave(t, s, "a", "b")
	s.SetLast("a")
	s.SetPasswordMD5("a", md5Hex)
	s.SetToken("a", Token{Value: "tok"})
	s.SetPasswordMD5("b", md5Hex)

	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("a"); ok {
		t.Error("deleted profile still there")
	}
	if s.Last() != "" {
		t.Errorf("Last = %q after deleting it", s.Last())
	}
	if got, want := secrets.Keys(service), []string{"b/password-md5"}; !slices.Equal(got, want) {
		t.Errorf("keyring holds %q, want %q", got, want)
	}
	if err := s.Delete("a"); !errors.Is(err, ErrProfileNotFound) {
		t.Errorf("second Delete = %v, want ErrProfileNotFound", err)
	}
}

func TestSaveNewClearsStaleSecrets(t *testing.T) {
	s, secrets := newStore(t)
	secrets.Set(service, passwordKey("a"), md5Hex)
	secrets.Set(service, tokenKey("a"), `{"value":"old"}`)
	mustSave(t, s, "a")
	if got := secrets.Keys(service); len(got) != 0 {
		t.Errorf("a new profile kept stale secrets %q", got)
	}
	s.SetPasswordMD5("a", md5Hex)
	mustSave(t, s, "a") // replacing keeps the secrets
	if _, err := s.PasswordMD5("a"); err != nil {
		t.Errorf("replacing a profile lost its password: %v", err)
	}
}

func TestSetLast(t *testing.T) {
	s, _ := newStore(t)
	mustSave(t, s, "a")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a", nil, "a"},
		{"missing", ErrProfileNotFound, "a"},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if err := s.SetLast(tt.name); !errors.Is(err, tt.err) {
			t.Errorf("SetLast(%q) = %v, want %v", tt.name, err, tt.err)
		}
		if s.Last() != tt.want {
			t.Errorf("after SetLast(%q): Last = %q, want %q", tt.name, s.Last(), tt.want)
		}
	}
}

func TestCorruptFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.json")
	corrupt := []byte(`{"version": 1, "profiles": [{"name": "总部", "url": `)
	if err := os.WriteFile(path, corrupt, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, NewMemorySecrets())
	var ce *CorruptFileError
	if !errors.As(err, &ce) || ce.Path != path {
		t.Fatalf("Open = %v, want a *CorruptFileError naming %s", err, path)
	}
}

func TestCorruptFileIsNeverOverwritten(t *testing.T) {
	s, _ := newStore(t)
	mustSave(t, s, "a")
	corrupt := []byte("{ not json")
	if err := os.WriteFile(s.Path(), corrupt, 0o644); err != nil {
		t.Fatal(err)
	}
	changes := map[string]func() error{
		"Save":    func() error { return s.Save(Profile{Name: "b"}) },
		"Rename":  func() error { return s.Rename("a", "c") },
		"Delete":  func() error { return s.Delete("a") },
		"SetLast": func() error { return s.SetLast("a") },
	}
	for name, change := range changes {
		var ce *CorruptFileError
		if err := change(); !errors.As(err, &ce) {
			t.Errorf("%s on a corrupt file = %v, want *CorruptFileError", name, err)
		}
	}
	if got, _ := os.ReadFile(s.Path()); string(got) != string(corrupt) {
		t.Errorf("the corrupt file was replaced by %q", got)
	}
}

// TestTwoStoresShareTheFile models the window and a command-line run using
// the same profiles at once: neither undoes the other's change.
func TestTwoStoresShareTheFile(t *testing.T) {
	dir := t.TempDir()
	secrets := NewMemorySecrets()
	window, _ := Open(dir, secrets)
	cli, _ := Open(dir, secrets)
	mustSave(t, window, "a")
	mustSave(t, cli, "b")
	mustSave(t, window, "c")
	if got, want := names(window.List()), []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("window sees %q, want %q", got, want)
	}
}

func TestConcurrentUse(t *testing.T) {
	s, _ := newStore(t)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("p%d", i)
			if err := s.Save(Profile{Name: name}); err != nil {
				t.Error(err)
			}
			s.SetPasswordMD5(name, md5Hex)
			s.List()
			s.PasswordMD5(name)
			s.SetLast(name)
			s.Last()
		}()
	}
	wg.Wait()
	if len(s.List()) != n {
		t.Errorf("%d profiles after %d concurrent saves", len(s.List()), n)
	}
	again, err := Open(filepath.Dir(s.Path()), NewMemorySecrets())
	if err != nil || len(again.List()) != n {
		t.Errorf("file holds %d profiles (err %v), want %d", len(again.List()), err, n)
	}
}

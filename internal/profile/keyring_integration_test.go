//go:build keyring_integration

package profile

import (
	"errors"
	"testing"
	"time"
)

// These tests use the real OS keyring. On Linux (Debian packages
// gnome-keyring, dbus) run them in a private D-Bus session with a fresh,
// unlocked login keyring; gnome-keyring creates $HOME/.local/share/keyrings
// itself. Keep Go's caches, which default to paths under $HOME:
//
//	export GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE) GOPATH=$(go env GOPATH)
//	export HOME=$(mktemp -d)
//	dbus-run-session -- sh -c 'printf "test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; go test -race -tags keyring_integration -run Keyring -count=1 ./internal/profile/'
//	rm -rf "$HOME"
//
// Without the --unlock step every call fails at once with
// ErrKeyringUnavailable ("failed to unlock correct collection").

func TestKeyringRoundTrip(t *testing.T) {
	k := NewKeyring(3 * time.Second)
	const key = "integration-测试/token"
	t.Cleanup(func() { k.Delete(service, key) })

	if _, err := k.Get(service, key); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get before Set = %v, want ErrNotFound", err)
	}
	for _, value := range []string{"first", "second, replacing"} {
		if err := k.Set(service, key, value); err != nil {
			t.Fatalf("Set: %v", err)
		}
		if got, err := k.Get(service, key); err != nil || got != value {
			t.Fatalf("Get = %q, %v; want %q", got, err, value)
		}
	}
	if err := k.Delete(service, key); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := k.Get(service, key); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete = %v, want ErrNotFound", err)
	}
	if err := k.Delete(service, key); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
}

func TestKeyringStoreRoundTrip(t *testing.T) {
	k := NewKeyring(3 * time.Second)
	dir := t.TempDir()
	s, err := Open(dir, k)
	if err != nil {
		t.Fatal(err)
	}
	const name, renamed = "总部 PBX", "分部 二楼"
	t.Cleanup(func() {
		for _, n := range []string{name, renamed} {
			k.Delete(service, passwordKey(n))
			k.Delete(service, tokenKey(n))
		}
	})
	saved := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

	if err := s.Save(Profile{Name: name, URL: "https://192.168.1.150:8088", User: "api"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPasswordMD5(name, md5Hex); err != nil {
		t.Fatalf("SetPasswordMD5: %v", err)
	}
	if err := s.SetToken(name, Token{Value: "tok-1", Saved: saved}); err != nil {
		t.Fatalf("SetToken: %v", err)
	}

	// A second store (another process, in effect) sees the same secrets.
	again, err := Open(dir, NewKeyring(3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := again.PasswordMD5(name); err != nil || got != md5Hex {
		t.Errorf("PasswordMD5 = %q, %v", got, err)
	}
	if got, err := again.Token(name); err != nil || got.Value != "tok-1" || !got.Saved.Equal(saved) {
		t.Errorf("Token = %+v, %v", got, err)
	}

	if err := again.Rename(name, renamed); err != nil {
		t.Fatalf("Rename: %v", err)
	}
	if got, err := again.PasswordMD5(renamed); err != nil || got != md5Hex {
		t.Errorf("PasswordMD5 after rename = %q, %v", got, err)
	}
	if _, err := k.Get(service, passwordKey(name)); !errors.Is(err, ErrNotFound) {
		t.Errorf("old name's password still in the keyring (err %v)", err)
	}

	if err := again.Delete(renamed); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	for _, key := range []string{passwordKey(renamed), tokenKey(renamed)} {
		if _, err := k.Get(service, key); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s still in the keyring after Delete (err %v)", key, err)
		}
	}
}

package profile

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// fakeBackend answers every call with value and err, first blocking until
// release is closed when release is set.
type fakeBackend struct {
	value   string
	err     error
	release chan struct{}
}

func (f *fakeBackend) wait() {
	if f.release != nil {
		<-f.release
	}
}
func (f *fakeBackend) Get(string, string) (string, error) { f.wait(); return f.value, f.err }
func (f *fakeBackend) Set(string, string, string) error   { f.wait(); return f.err }
func (f *fakeBackend) Delete(string, string) error        { f.wait(); return f.err }

func TestTimedKeyringMapsErrors(t *testing.T) {
	hung := make(chan struct{})
	t.Cleanup(func() { close(hung) })
	tests := []struct {
		name    string
		backend *fakeBackend
		want    error // nil: success
		timeout bool
	}{
		{name: "success", backend: &fakeBackend{value: "v"}},
		{name: "not found", backend: &fakeBackend{err: keyring.ErrNotFound}, want: ErrNotFound},
		{name: "other failure", backend: &fakeBackend{err: errors.New("dbus: locked")}, want: ErrKeyringUnavailable},
		{name: "hangs", backend: &fakeBackend{release: hung}, want: ErrKeyringUnavailable, timeout: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Backends that answer get a timeout they cannot reach.
			k := &timedKeyring{backend: tt.backend, timeout: time.Minute}
			if tt.timeout {
				k.timeout = 10 * time.Millisecond
			}
			v, getErr := k.Get(service, "a/token")
			results := map[string]error{
				"Get":    getErr,
				"Set":    k.Set(service, "a/token", "v"),
				"Delete": k.Delete(service, "a/token"),
			}
			for call, err := range results {
				if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
					t.Errorf("%s = %v, want %v", call, err, tt.want)
				}
				if errors.Is(err, errTimeout) != tt.timeout {
					t.Errorf("%s = %v: timeout reported %v, want %v", call, err, !tt.timeout, tt.timeout)
				}
			}
			if tt.want == nil && v != "v" {
				t.Errorf("Get = %q, want v", v)
			}
			if tt.want != nil && v != "" {
				t.Errorf("Get returned %q with an error", v)
			}
		})
	}
}

// childEnv marks the re-executed test binary of TestKeyringUnavailableWithoutDBus.
const childEnv = "CDRDESK_TEST_KEYRING_CHILD"

// TestKeyringUnavailableWithoutDBus checks that with no session bus the real
// keyring fails by itself with ErrKeyringUnavailable, not by timing out.
// It runs in a child process because godbus keeps one session-bus
// connection per process: another test may already have connected.
func TestKeyringUnavailableWithoutDBus(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the keyring does not use D-Bus on " + runtime.GOOS)
	}
	if os.Getenv(childEnv) == "1" {
		_, err := NewKeyring(time.Minute).Get(service, "probe/token")
		if !errors.Is(err, ErrKeyringUnavailable) || errors.Is(err, errTimeout) {
			t.Fatalf("Get with no D-Bus = %v, want ErrKeyringUnavailable without a timeout", err)
		}
		t.Logf("error: %v", err)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKeyringUnavailableWithoutDBus$", "-test.count=1", "-test.v")
	// A bogus address stops godbus from autolaunching a bus.
	cmd.Env = append(os.Environ(), childEnv+"=1", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
}

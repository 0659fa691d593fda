package login

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

var t0 = time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)

func newStore(t *testing.T) (*profile.Store, *profile.MemorySecrets) {
	t.Helper()
	secrets := profile.NewMemorySecrets()
	s, err := profile.Open(t.TempDir(), secrets)
	if err != nil {
		t.Fatal(err)
	}
	return s, secrets
}

// TestConfig: the secrets a session to a saved connection starts with, the same for
// the window and the command line.
func TestConfig(t *testing.T) {
	saved := profile.Profile{Name: "总部", URL: "https://192.168.1.150:8088", User: "api", APIVersion: "auto"}
	md5 := cdrclient.HashPassword("secret")
	for _, tc := range []struct {
		name      string
		target    func(p profile.Profile) Target
		tokenAge  time.Duration // -1 = no token saved
		tokenVer  string
		keyring   bool // the keyring holds the password
		wantErr   error
		wantToken bool
		counted   bool
	}{
		{"saved password, fresh token", func(p profile.Profile) Target { return Target{Profile: p} }, 10 * time.Minute, cdrclient.VersionV2, true, nil, true, true},
		{"token too old", func(p profile.Profile) Target { return Target{Profile: p} }, TokenReuse, cdrclient.VersionV2, true, nil, false, true},
		{"token from the future", func(p profile.Profile) Target { return Target{Profile: p} }, -time.Minute, cdrclient.VersionV2, true, nil, false, true},
		{"token of another API version", func(p profile.Profile) Target { p.APIVersion = cdrclient.VersionV1; return Target{Profile: p} }, time.Minute, cdrclient.VersionV2, true, nil, false, true},
		{"password given: no token", func(p profile.Profile) Target { return Target{Profile: p, PasswordMD5: md5} }, time.Minute, cdrclient.VersionV2, false, nil, false, true},
		{"same address spelled otherwise", func(p profile.Profile) Target { p.URL = "https://192.168.1.150"; return Target{Profile: p} }, time.Minute, cdrclient.VersionV2, true, nil, true, true},
		{"another PBX: no token, not counted", func(p profile.Profile) Target { p.URL = "https://10.0.0.1"; return Target{Profile: p} }, time.Minute, cdrclient.VersionV2, true, nil, false, false},
		{"another user: no token, not counted", func(p profile.Profile) Target { p.User = "admin"; return Target{Profile: p} }, time.Minute, cdrclient.VersionV2, true, nil, false, false},
		{"no password saved", func(p profile.Profile) Target { return Target{Profile: p} }, -1, "", false, ErrNoPassword, false, false},
		{"not saved at all", func(p profile.Profile) Target { p.Name = "new"; return Target{Profile: p} }, -1, "", true, ErrNoPassword, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, _ := newStore(t)
			if err := store.Save(saved); err != nil {
				t.Fatal(err)
			}
			if tc.keyring {
				store.SetPasswordMD5(saved.Name, md5)
			}
			if tc.tokenAge != -1 {
				store.SetToken(saved.Name, profile.Token{Value: "tok", Saved: t0.Add(-tc.tokenAge), Version: tc.tokenVer})
			}
			l := Logins{Store: store, Now: func() time.Time { return t0 }}
			cfg, counter, err := l.Config(tc.target(saved))
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if cfg.PasswordMD5 != md5 || (cfg.Token == "tok") != tc.wantToken || (counter != nil) != tc.counted || (cfg.OnLogin != nil) != tc.counted {
				t.Errorf("md5 %v, token %q, counted %v", cfg.PasswordMD5 == md5, cfg.Token, counter != nil)
			}
		})
	}
}

func TestConfigKeyringUnavailable(t *testing.T) {
	store, secrets := newStore(t)
	store.Save(profile.Profile{Name: "总部", URL: "https://pbx", User: "api"})
	secrets.SetUnavailable(true)
	if _, _, err := (Logins{Store: store}).Config(Target{Profile: profile.Profile{Name: "总部", URL: "https://pbx", User: "api"}}); !errors.Is(err, profile.ErrKeyringUnavailable) {
		t.Errorf("error %v", err)
	}
}

// TestCounter: a refusal adds one, a success resets, anything else leaves the count.
func TestCounter(t *testing.T) {
	store, _ := newStore(t)
	store.Save(profile.Profile{Name: "总部", URL: "https://pbx", User: "api"})
	c := NewCounter(store, "总部")
	auth := &cdrclient.AuthError{User: "api"}
	for i, step := range []struct {
		err  error
		want int
	}{
		{auth, 1}, {&cdrclient.ConnectionError{}, 1}, {&cdrclient.LockedOutError{}, 1}, {auth, 2}, {nil, 0}, {auth, 1},
	} {
		c.Observe(step.err)
		if got := c.Failed(); got != step.want {
			t.Fatalf("step %d (%v): %d failed, want %d", i, step.err, got, step.want)
		}
	}
	if err := store.Rename("总部", "上海"); err != nil {
		t.Fatal(err)
	}
	c.Rename("上海")
	c.Observe(auth)
	if p, _ := store.Get("上海"); p.FailedLogins != 2 {
		t.Errorf("after a rename: %d", p.FailedLogins)
	}
}

func TestPin(t *testing.T) {
	fpA, fpB := strings.Repeat("ab", 32), strings.Repeat("cd", 32)
	for _, tc := range []struct {
		name, trusted, given string
		pin                  string
		save                 bool
		conflict             bool
	}{
		{"none given", fpA, "", fpA, false, false},
		{"same, other spelling", fpA, "AB:AB:" + fpA[4:], fpA, false, false},
		{"none trusted yet", "", fpB, fpB, true, false},
		{"different", fpA, fpB, "", false, true},
		{"malformed is passed on for the session to refuse", fpA, "xyz", "xyz", false, false},
	} {
		pin, save, err := Pin(profile.Profile{Name: "总部", Fingerprint: tc.trusted}, tc.given)
		var c *FingerprintConflictError
		if pin != tc.pin || save != tc.save || errors.As(err, &c) != tc.conflict {
			t.Errorf("%s: %q, save %v, %v", tc.name, pin, save, err)
		}
	}
}

func TestUnattended(t *testing.T) {
	var r *RefusedBeforeError
	if err := Unattended(profile.Profile{Name: "a", FailedLogins: 1}); !errors.As(err, &r) || r.Failed != 1 {
		t.Errorf("after a refusal: %v", err)
	}
	if err := Unattended(profile.Profile{Name: "a"}); err != nil {
		t.Errorf("without: %v", err)
	}
}

package profile

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

const md5Hex = "e10adc3949ba59abbe56e057f20f883e"

func TestPasswordMD5(t *testing.T) {
	tests := []struct {
		name    string
		profile string
		set     string
		setErr  error
		want    string
		getErr  error
	}{
		{name: "saved", profile: "a", set: md5Hex, want: md5Hex},
		{name: "uppercase stored lowercase", profile: "a", set: strings.ToUpper(md5Hex), want: md5Hex},
		{name: "none saved", profile: "a", getErr: ErrNoSecret},
		{name: "not an md5", profile: "a", set: "secret", setErr: ErrInvalidProfile, getErr: ErrNoSecret},
		{name: "unknown profile", profile: "x", set: md5Hex, setErr: ErrProfileNotFound, getErr: ErrProfileNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newStore(t)
			mustSave(t, s, "a")
			if tt.set != "" {
				err := s.SetPasswordMD5(tt.profile, tt.set)
				if !errors.Is(err, tt.setErr) {
					t.Fatalf("SetPasswordMD5 = %v, want %v", err, tt.setErr)
				}
				if err != nil && strings.Contains(err.Error(), tt.set) {
					t.Errorf("error %q quotes the secret", err)
				}
			}
			got, err := s.PasswordMD5(tt.profile)
			if !errors.Is(err, tt.getErr) || got != tt.want {
				t.Errorf("PasswordMD5 = %q, %v; want %q, %v", got, err, tt.want, tt.getErr)
			}
		})
	}
}

func TestToken(t *testing.T) {
	saved := time.Date(2025, 3, 1, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	s, secrets := newStore(t)
	mustSave(t, s, "a")

	if _, err := s.Token("a"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("Token before SetToken = %v, want ErrNoSecret", err)
	}
	if err := s.SetToken("a", Token{Value: "0f6b6d9e", Saved: saved}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Token("a")
	if err != nil || got.Value != "0f6b6d9e" || !got.Saved.Equal(saved) {
		t.Errorf("Token = %+v, %v; want value 0f6b6d9e saved %v", got, err, saved)
	}
	raw, _ := secrets.Get(service, "a/token")
	if want := `{"value":"0f6b6d9e","saved":"2025-03-01T09:30:00+08:00"}`; raw != want {
		t.Errorf("keyring holds %s, want %s", raw, want)
	}

	if err := s.ClearToken("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Token("a"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("Token after ClearToken = %v, want ErrNoSecret", err)
	}
	if err := s.ClearToken("a"); err != nil {
		t.Errorf("clearing an absent token = %v, want nil", err)
	}
	if err := s.SetToken("a", Token{}); !errors.Is(err, ErrInvalidProfile) {
		t.Errorf("SetToken with empty value = %v, want ErrInvalidProfile", err)
	}
}

func TestUnreadableSecretsAreAbsent(t *testing.T) {
	tests := []struct {
		key, value string
		read       func(*Store) error
	}{
		{"a/token", "not json", func(s *Store) error { _, err := s.Token("a"); return err }},
		{"a/token", `{"value":""}`, func(s *Store) error { _, err := s.Token("a"); return err }},
		{"a/password-md5", "short", func(s *Store) error { _, err := s.PasswordMD5("a"); return err }},
	}
	for _, tt := range tests {
		s, secrets := newStore(t)
		mustSave(t, s, "a")
		secrets.Set(service, tt.key, tt.value)
		if err := tt.read(s); !errors.Is(err, ErrNoSecret) || strings.Contains(err.Error(), tt.value) {
			t.Errorf("%s = %q: error %v, want ErrNoSecret without the value", tt.key, tt.value, err)
		}
	}
}

// TestNoSecretInFile is the promise of §4: secrets go to the keyring only.
func TestNoSecretInFile(t *testing.T) {
	s, secrets := newStore(t)
	const token = "4d5f0c2e9a7b4e1f"
	mustSave(t, s, "总部")
	if err := s.SetPasswordMD5("总部", md5Hex); err != nil {
		t.Fatal(err)
	}
	if err := s.SetToken("总部", Token{Value: token, Saved: time.Now()}); err != nil {
		t.Fatal(err)
	}
	// Rewrite the file after the secrets exist.
	mustSave(t, s, "总部", "other")
	s.SetLast("总部")
	s.Rename("other", "其他")

	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{md5Hex, strings.ToUpper(md5Hex), token} {
		if strings.Contains(string(data), secret) {
			t.Errorf("profiles.json contains the secret %q:\n%s", secret, data)
		}
	}
	if len(secrets.Keys(service)) != 2 {
		t.Errorf("keyring holds %q, want the password and the token", secrets.Keys(service))
	}
}

func TestKeyringUnavailable(t *testing.T) {
	s, secrets := newStore(t)
	mustSave(t, s, "a", "b")
	s.SetPasswordMD5("a", md5Hex)
	secrets.SetUnavailable(true)

	secretCalls := map[string]func() error{
		"PasswordMD5":    func() error { _, err := s.PasswordMD5("a"); return err },
		"SetPasswordMD5": func() error { return s.SetPasswordMD5("a", md5Hex) },
		"Token":          func() error { _, err := s.Token("a"); return err },
		"SetToken":       func() error { return s.SetToken("a", Token{Value: "t"}) },
		"ClearToken":     func() error { return s.ClearToken("a") },
	}
	for name, call := range secretCalls {
		if err := call(); !errors.Is(err, ErrKeyringUnavailable) {
			t.Errorf("%s = %v, want ErrKeyringUnavailable", name, err)
		}
	}

	// Profile changes still work; the error says the secrets were not moved.
	if err := s.Save(Profile{Name: "c"}); err != nil {
		t.Errorf("Save with no keyring = %v, want nil", err)
	}
	if err := s.Rename("a", "a2"); !errors.Is(err, ErrKeyringUnavailable) {
		t.Errorf("Rename = %v, want ErrKeyringUnavailable", err)
	}
	if err := s.Delete("b"); !errors.Is(err, ErrKeyringUnavailable) {
		t.Errorf("Delete = %v, want ErrKeyringUnavailable", err)
	}
	if got, want := names(s.List()), []string{"a2", "c"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("profiles = %q, want %q", got, want)
	}
}

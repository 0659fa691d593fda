package cli

import (
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/profile"
)

// saveProfile saves a profile for h's simulator trusting fingerprint, with the right
// password in the keyring and failed logins already counted.
func (h *harness) saveProfile(fingerprint string, failed int) profile.Profile {
	h.t.Helper()
	p := profile.Profile{Name: "总部", URL: h.url, User: pbxsim.DefaultUser, APIVersion: "auto", Fingerprint: fingerprint, FailedLogins: failed}
	if err := h.store.Save(p); err != nil {
		h.t.Fatal(err)
	}
	if err := h.store.SetPasswordMD5(p.Name, cdrclient.HashPassword(pbxsim.DefaultPassword)); err != nil {
		h.t.Fatal(err)
	}
	h.env = map[string]string{}
	return p
}

// TestProfileWithFingerprint: --fingerprint with --profile never overrides a trusted
// certificate silently: a different one stops before anything is sent (exit 4); when
// the profile trusts none yet, the one given is saved once it worked.
func TestProfileWithFingerprint(t *testing.T) {
	t.Run("differs from the trusted one", func(t *testing.T) {
		h := newHarness(t, nil)
		h.saveProfile(h.fp, 0)
		other := strings.Repeat("0f", 32)
		code, _, stderr := h.run("extensions", "--profile", "总部", "--fingerprint", other)
		if code != ExitConnection || !strings.Contains(stderr, "differs from the one trusted for 总部") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if n := h.sim.Stats().Requests; n != 0 {
			t.Errorf("%d requests sent", n)
		}
		if p, _ := h.store.Get("总部"); p.Fingerprint != h.fp {
			t.Errorf("trusted certificate changed to %s", p.Fingerprint)
		}
	})
	t.Run("the same, spelt otherwise", func(t *testing.T) {
		h := newHarness(t, nil)
		h.saveProfile(h.fp, 0)
		if code, _, stderr := h.run("extensions", "--profile", "总部", "--fingerprint", strings.ToUpper(h.fp)); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	})
	t.Run("none trusted yet", func(t *testing.T) {
		h := newHarness(t, nil)
		h.saveProfile("", 0)
		code, _, stderr := h.run("extensions", "--profile", "总部", "--fingerprint", h.fp)
		if code != ExitOK || !strings.Contains(stderr, "trusted the PBX certificate, SHA-256 fingerprint "+h.fp) {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if p, _ := h.store.Get("总部"); p.Fingerprint != h.fp {
			t.Errorf("fingerprint not saved: %q", p.Fingerprint)
		}
		// Saved: the next run needs no flag.
		if code, _, stderr := h.run("extensions", "--profile", "总部"); code != ExitOK {
			t.Fatalf("next run: exit %d: %s", code, stderr)
		}
	})
}

// TestProfileCountsLoginsSent: the command line counts through the same counter as the
// window, so the count follows the logins actually sent: a refused re-login in the
// middle of a run counts, a reused token (no login) resets nothing, and logins to
// another PBX (--pbx over the profile) are not this profile's.
func TestProfileCountsLoginsSent(t *testing.T) {
	h := newHarness(t, nil)
	h.saveProfile(h.fp, 2)
	if err := h.store.SetToken("总部", profile.Token{Value: h.login(t), Saved: now, Version: cdrclient.VersionV2}); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := h.run("extensions", "--profile", "总部")
	if code != ExitOK || h.sim.Stats().Logins != 1 {
		t.Fatalf("with a fresh token: exit %d, %d logins: %s", code, h.sim.Stats().Logins, stderr)
	}
	if p, _ := h.store.Get("总部"); p.FailedLogins != 2 {
		t.Errorf("no login was sent, yet the count became %d", p.FailedLogins)
	}

	// The PBX restarts with a new password: the saved token is refused, the re-login too.
	h.sim.Update(func(o *pbxsim.Options) { o.Password = "changed" })
	h.sim.EndSessions()
	code, _, stderr = h.run("extensions", "--profile", "总部")
	if code != ExitAuth || !strings.Contains(stderr, "failed login 3 of 5") {
		t.Fatalf("refused re-login: exit %d: %s", code, stderr)
	}
	if p, _ := h.store.Get("总部"); p.FailedLogins != 3 || h.sim.Stats().FailedLogins != 1 {
		t.Errorf("count %d after %d refused logins", p.FailedLogins, h.sim.Stats().FailedLogins)
	}

	// Another PBX, reached with the profile and --pbx, refuses: not this profile's count.
	other := newHarness(t, func(o *pbxsim.Options) { o.Password = "another" })
	h.env = map[string]string{"CDRDESK_PASSWORD": pbxsim.DefaultPassword}
	code, _, stderr = h.run("extensions", "--profile", "总部", "--pbx", other.url, "--fingerprint", other.fp)
	if code != ExitAuth {
		t.Fatalf("other PBX: exit %d: %s", code, stderr)
	}
	if p, _ := h.store.Get("总部"); p.FailedLogins != 3 {
		t.Errorf("a refusal by another PBX counted: %d", p.FailedLogins)
	}
}

// login logs in to h's simulator as the window would have, and returns the token.
func (h *harness) login(t *testing.T) string {
	s, err := cdrclient.NewSession(cdrclient.Config{BaseURL: h.url, User: pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: h.fp, APIVersion: cdrclient.VersionV2, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Login(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s.Token()
}

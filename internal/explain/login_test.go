package explain

import (
	"fmt"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/login"
)

// TestLoginPolicyErrors: what the login policy decided reads as such, not as the PBX's
// refusal it may wrap (whose wording would say the password was just rejected).
func TestLoginPolicyErrors(t *testing.T) {
	auth := &cdrclient.AuthError{User: "api"}
	for _, tc := range []struct {
		name      string
		err       error
		kind      Kind
		what, act string
	}{
		{"refused before", &login.RefusedBeforeError{Profile: "总部", Failed: 2}, Auth, "last login to 总部 was refused", "Enter the current API password"},
		{"disconnected", login.Ended("总部", fmt.Errorf("fetch: %w", auth)), Auth, "Disconnected from 总部: the PBX refused the password", "connection dialog"},
		{"disconnected, stopped", login.Ended("总部", &cdrclient.LoginStoppedError{Cause: auth}), Auth, "Disconnected from 总部: the PBX refused", "does not log in again"},
		{"disconnected, locked", login.Ended("总部", &cdrclient.LockedOutError{}), Auth, "Disconnected from 总部: the PBX has locked", "Blocked IP Address"},
		{"stopped", &cdrclient.LoginStoppedError{Cause: auth}, Auth, "Disconnected: the PBX refused", "Connect again"},
		{"fingerprint conflict", &login.FingerprintConflictError{Profile: "总部", Given: "aa", Trusted: "bb"}, Connection, "differs from the one trusted for 总部", "--fingerprint"},
	} {
		m := Error(tc.err, English)
		if m.Kind != tc.kind || !strings.Contains(m.What, tc.what) || !strings.Contains(m.Action, tc.act) || m.Detail != tc.err.Error() {
			t.Errorf("%s: got %+v; want kind %d, what ~%q, action ~%q", tc.name, m, tc.kind, tc.what, tc.act)
		}
	}
	if login.Ended("总部", fmt.Errorf("x: %w", &cdrclient.ConnectionError{})) != nil {
		t.Error("a network failure ended the session")
	}
}

package explain

import (
	"errors"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/login"
)

// explainLogin explains what the login policy (internal/login) decided, before the
// PBX's own refusals that its errors may wrap.
func explainLogin(err error) (explained, bool) {
	var (
		before   *login.RefusedBeforeError
		ended    *login.DisconnectedError
		stopped  *cdrclient.LoginStoppedError
		conflict *login.FingerprintConflictError
	)
	switch {
	case errors.As(err, &ended) && ended.Locked():
		return explained{kind: Auth, data: map[string]any{"Name": ended.Profile},
			what:   "Disconnected from {{.Name}}: the PBX has locked this computer out after 5 failed logins.",
			action: "Wait 10 minutes, or ask the PBX administrator to remove this computer's IP address under Security → IP Auto Defense → Blocked IP Address; then connect again."}, true
	case errors.As(err, &ended):
		return explained{kind: Auth, data: map[string]any{"Name": ended.Profile},
			what:   "Disconnected from {{.Name}}: the PBX refused the password.",
			action: "cdrdesk does not log in again by itself. Open the connection dialog and enter the current API password."}, true
	case errors.As(err, &stopped):
		return explained{kind: Auth,
			what:   "Disconnected: the PBX refused this connection's password.",
			action: "cdrdesk does not log in again by itself. Connect again with the current API password."}, true
	case errors.As(err, &before):
		return explained{kind: Auth, data: map[string]any{"Name": before.Profile},
			what:   "The last login to {{.Name}} was refused, so cdrdesk did not try the saved password again.",
			action: "Enter the current API password and press Connect. After 5 failed logins in a row the PBX locks this computer out for 10 minutes."}, true
	case errors.As(err, &conflict):
		return explained{kind: Connection, data: map[string]any{"Name": conflict.Profile},
			what:   "The certificate fingerprint given differs from the one trusted for {{.Name}}.",
			action: "If the PBX's certificate was replaced on purpose, trust the new one in the window's connection dialog; otherwise leave out --fingerprint."}, true
	}
	return explained{}, false
}

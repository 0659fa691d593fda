// Package connect is the PBX connection dialog of the cdrdesk window, shown on first run
// and from the main window's "Connection…" button, and the silent reconnection used at
// start-up.
//
// The dialog edits saved connections (profiles: address, API user, API version, trusted
// certificate), tests them, trusts a PBX's certificate on first use or, deliberately, a
// changed one, and offers the built-in demo PBX. Passwords go to the system keyring as
// the MD5 the PBX's login needs, never to the profiles file; failed logins are counted
// (by internal/login, for every login the session sends) and never retried, so nobody
// walks into the PBX's 5-attempt lockout unawares.
//
// The work that talks to the PBX or the keyring (dial) holds no widgets and runs off
// the UI goroutine; its outcome returns through Deps.OnUI (fyne.Do).
package connect

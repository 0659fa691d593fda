// Package login is cdrdesk's login policy for saved connections, in one place for the
// window and the command line: which password and saved token a session starts with,
// how every login's outcome is counted in the profile (from the connection dialog, a
// download, a keep-alive or the command line alike), when to warn before the PBX's
// lockout, and when a saved password is not tried without a person.
//
// It holds no widgets; the errors it returns are explained by internal/explain.
package login

// Package profile keeps the PBX connections saved in the window and their
// secrets.
//
// Settings that are not secret (address, user, API version, trusted
// certificate) live in profiles.json in the user's configuration directory.
// Secrets (the MD5 of the API password and the current session token) live
// only in the OS keyring, reached through the SecretStore interface, and never
// in the file.
package profile

// Package pgtest starts a throw-away PostgreSQL server for tests: one per test binary,
// a cluster made by initdb in a temporary folder and listening only on a Unix socket in
// that folder, so tests of the PostgreSQL archive run against a real server without
// touching any other (issue 9 §4). It is imported by tests only.
//
// The server is started by the first Start and stopped by Stop (call it from
// TestMain after m.Run) or, whatever happens to the test binary (a panic, a timeout,
// SIGKILL), by a watchdog that stops it and removes its folder when the binary's end
// of a pipe closes.
package pgtest

// Command cdrdesk downloads call records from a Yeastar S-Series PBX: a window for office
// staff, and a command line for scripts (see the README).
package main

import (
	"context"
	"os"
	"os/signal"
	"time"

	"cdrdesk/internal/cli"
	_ "cdrdesk/internal/localeenv" // before Fyne reads the locale: see the package
	"cdrdesk/internal/profile"
)

// Set at build time by the Makefile (-ldflags -X) from FyneApp.toml and git.
var (
	version = "dev"
	commit  = ""
)

// keyringTimeout bounds every keyring call: an unlock prompt nobody answers must not
// hang the program.
const keyringTimeout = 3 * time.Second

func main() {
	args := os.Args[1:]
	if len(args) == 0 || len(args) == 1 && args[0] == "--demo" {
		os.Exit(runWindow(len(args) == 1))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	std, closeStd := cliStreams(args)
	env := cli.Env{
		Stdin: std.in, Stdout: std.out, Stderr: std.err,
		Getenv:   os.Getenv,
		Now:      time.Now,
		Profiles: openProfiles,
		Version:  versionLine(),
	}
	code := cli.Run(ctx, args, env)
	closeStd(code)
	stop()
	os.Exit(code)
}

func openProfiles() (*profile.Store, error) {
	return profile.Open("", profile.NewKeyring(keyringTimeout))
}

// versionLine is what `cdrdesk version` prints: "cdrdesk 0.1.0 (e13dfc4)".
func versionLine() string { return "cdrdesk " + versionText() }

// versionText is the version as stamped by the Makefile ("0.1.0 (e13dfc4)"), or "dev"
// for a plain go build; the About dialog shows it too.
func versionText() string {
	if commit != "" {
		return version + " (" + commit + ")"
	}
	return version
}

// Package cli is cdrdesk's command line: download call records and save reports without
// a window (from the PBX, or --offline from the archive), keep the archive up to date
// and import saved files into it, save calls' recordings into a folder, list
// extensions, hand out a one-time download link, run the demo PBX.
package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"cdrdesk/internal/profile"
)

// Exit statuses, as documented in the README.
const (
	ExitOK         = 0
	ExitOther      = 1
	ExitUsage      = 2 // bad arguments or input
	ExitAuth       = 3 // wrong user or password, locked out
	ExitConnection = 4 // connection, TLS or certificate
	ExitRefused    = 5 // the PBX refused the request
	ExitOutput     = 6 // the output could not be written
)

// Env is what a command may touch; tests pass their own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// Profiles opens the saved connections (the window's profile store).
	Profiles func() (*profile.Store, error)
	// Version is the program's version line.
	Version string
}

// Usage is the command line summary.
const Usage = `cdrdesk downloads call records (CDR) from a Yeastar S-Series PBX.

Usage:
  cdrdesk                      open the window
  cdrdesk --demo               open the window connected to the built-in demo PBX
  cdrdesk export [flags]       download call records and save a report
  cdrdesk report [flags]       save a report workbook (call reports, charts, every record)
  cdrdesk sync [flags]         bring the archive's copy of this PBX's records up to date
  cdrdesk import FILE...       add saved PBX CSV files to the archive
  cdrdesk recordings [flags]   save the recordings of the chosen calls into a folder
  cdrdesk extensions [flags]   list the PBX's extensions
  cdrdesk link [flags] --allowed-ip IP
                               print a one-time download link (30 s) for the computer at IP
  cdrdesk demo-pbx [--listen ADDR]
                               run the demo PBX alone
  cdrdesk version              print the version

Run "cdrdesk COMMAND -h" for a command's flags.
`

// Run runs one subcommand (args without the program name) and returns the exit status.
func Run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, Usage)
		return ExitUsage
	}
	switch args[0] {
	case "export":
		return runExport(ctx, args[1:], env)
	case "report":
		return runReport(ctx, args[1:], env)
	case "sync":
		return runSync(ctx, args[1:], env)
	case "import":
		return runImport(ctx, args[1:], env)
	case "recordings":
		return runRecordings(ctx, args[1:], env)
	case "extensions":
		return runExtensions(ctx, args[1:], env)
	case "link":
		return runLink(ctx, args[1:], env)
	case "demo-pbx":
		return runDemoPBX(ctx, args[1:], env)
	case "version", "--version", "-version":
		fmt.Fprintln(env.Stdout, env.Version)
		return ExitOK
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, Usage)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "cdrdesk: unknown command %q\n\n%s", args[0], Usage)
	return ExitUsage
}

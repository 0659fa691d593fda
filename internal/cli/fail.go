package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/explain"
)

// usageError is a mistake in the arguments: exit status 2 and one sentence.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{msg: fmt.Sprintf(format, a...)} }

// exitCodes maps what the person must do to the documented exit status.
var exitCodes = map[explain.Kind]int{
	explain.Other:      ExitOther,
	explain.Input:      ExitUsage,
	explain.Auth:       ExitAuth,
	explain.Connection: ExitConnection,
	explain.Refused:    ExitRefused,
	explain.Output:     ExitOutput,
	explain.Canceled:   ExitOther,
	explain.Archive:    ExitArchive,
}

// ExitArchive is the exit status when the archive could not be opened or is damaged
// (design §2).
const ExitArchive = 7

// fail prints err for a person, one sentence a line, and returns the exit status.
func fail(w io.Writer, err error) int {
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintln(w, "cdrdesk: "+u.msg)
		return ExitUsage
	}
	if errors.Is(err, flag.ErrHelp) {
		return ExitUsage
	}
	m := explain.Error(err, explain.English)
	fmt.Fprintln(w, "cdrdesk: "+m.What)
	if m.Action != "" {
		fmt.Fprintln(w, m.Action)
	}
	var cert *cdrclient.CertificateError
	if errors.As(err, &cert) {
		fmt.Fprintf(w, "To trust it, run again with --fingerprint %s (or save it in the window).\n", cert.Fingerprint)
	}
	if m.Kind == explain.Refused || m.Kind == explain.Other || m.Kind == explain.Connection || m.Kind == explain.Archive {
		fmt.Fprintln(w, "Details: "+m.Detail)
	}
	return exitCodes[m.Kind]
}

// Package explain is the one place that turns an error into what a person can read: what
// happened, what to do, and the technical detail for IT. The window and the command line
// both use it, each with its own translator, so a message is written once. It also words
// the one warning a finished download can carry (OtherPeriod).
package explain

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/profile"
	"cdrdesk/internal/report"
)

// Kind groups errors by what the person must do; the command line's exit status follows it.
type Kind int

const (
	Other      Kind = iota // anything else
	Input                  // the person's input is wrong
	Auth                   // user name, password or lockout
	Connection             // network, TLS or certificate
	Refused                // the PBX refused the request
	Output                 // the report could not be written
	Canceled               // the person cancelled
	Archive                // the archive could not be opened or is damaged
)

// Message is an error explained.
type Message struct {
	Kind   Kind
	What   string // what happened, one sentence
	Action string // what to do, one or two sentences ("" when obvious)
	Detail string // technical detail (error numbers, URL without secrets); not translated
}

// Translate looks up the translation of an English sentence and fills in its
// {{.Name}} placeholders from data; a translator without a translation returns the
// sentence itself, filled in.
type Translate func(key string, data map[string]any) string

// Error explains err in the language of tr. Everything in the message that came from
// the error (the values filled in, what was typed, the detail) passes through
// cdrclient.Redact first, so no URL in it shows a session token or download key,
// whatever error carried it.
func Error(err error, tr Translate) Message {
	m := explain(err)
	data := redacted(m.data)
	out := Message{Kind: m.kind, What: upperFirst(tr(m.what, data)), Detail: cdrclient.Redact(err.Error())}
	if m.value != "" {
		out.What += ": " + cdrclient.Redact(m.value)
	}
	if m.action != "" {
		out.Action = tr(m.action, data)
	}
	return out
}

// redacted returns data with each value as text without secrets. Redacting the values
// rather than the finished sentence keeps the sentence's own punctuation after a URL.
func redacted(data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		out[k] = cdrclient.Redact(fmt.Sprint(v))
	}
	return out
}

// explained is a message before translation.
type explained struct {
	kind         Kind
	what, action string
	data         map[string]any
	value        string // what the person typed, shown after the translated sentence
}

func explain(err error) explained {
	var (
		input  *cdrclient.InputError
		auth   *cdrclient.AuthError
		locked *cdrclient.LockedOutError
		cert   *cdrclient.CertificateError
		ver    *cdrclient.VersionError
		api    *cdrclient.APIError
		h      *cdrclient.HTTPError
		conn   *cdrclient.ConnectionError
		csvErr *cdrclient.CSVError
		answer *cdrclient.UnreadableAnswerError
		cell   *report.CellTooLongError
		cut    *cdrclient.TruncatedError
		exists *atomicfile.ExistsError
		path   *fs.PathError
		damage *profile.CorruptFileError
	)
	if m, ok := explainLogin(err); ok {
		return m
	}
	if m, ok := explainArchive(err); ok {
		return m
	}
	if m, ok := explainRecording(err); ok {
		return m
	}
	switch {
	case errors.Is(err, context.Canceled):
		return explained{kind: Canceled, what: "Cancelled. Nothing was saved."}
	case errors.As(err, &input):
		return explainInput(input)
	case errors.As(err, &auth):
		return explained{kind: Auth,
			what:   "The PBX rejected the API user name or password.",
			action: "Check the API user and password (on the PBX: Settings → PBX → General → API). After 5 failed logins the PBX locks this computer out for 10 minutes."}
	case errors.As(err, &locked):
		return explained{kind: Auth,
			what:   "The PBX has locked this computer out after 5 failed logins.",
			action: "Wait 10 minutes, or ask the PBX administrator to remove this computer's IP address under Security → IP Auto Defense → Blocked IP Address."}
	case errors.As(err, &cert) && cert.Changed():
		return explained{kind: Connection, data: map[string]any{"Fingerprint": cert.Fingerprint},
			what:   "The PBX's security certificate has changed since you trusted it.",
			action: "Someone may be intercepting the connection. Trust the new certificate only if the PBX's certificate was replaced on purpose; its fingerprint is {{.Fingerprint}}."}
	case errors.As(err, &cert):
		return explained{kind: Connection, data: map[string]any{"Fingerprint": cert.Fingerprint},
			what:   "This PBX's security certificate is not trusted yet.",
			action: "Compare its fingerprint with the one shown in the PBX's web interface, then trust it: {{.Fingerprint}}."}
	case errors.As(err, &ver):
		return explained{kind: Refused,
			what:   "The PBX did not answer as a Yeastar API.",
			action: "Enable the API on the PBX (Settings → PBX → General → API), check the address and port, or choose the API version by hand."}
	case errors.As(err, &api):
		return explainErrno(api)
	case errors.As(err, &h):
		return explainHTTP(h)
	case errors.As(err, &conn) && conn.Timeout:
		return explained{kind: Connection,
			what:   "The PBX did not answer in time.",
			action: "Check that the PBX is switched on and reachable, then try again, perhaps with a shorter date range."}
	case errors.As(err, &conn):
		return explained{kind: Connection,
			what:   "Cannot reach the PBX.",
			action: "Check the address and port, whether the PBX uses HTTPS, and that this computer is on the office network."}
	case errors.As(err, &answer):
		return explained{kind: Connection,
			what:   "The PBX's answer could not be read.",
			action: "Try again in a minute; if it keeps happening, something between this computer and the PBX (a proxy or a poor connection) may be changing its answers: give the details to your IT contact."}
	case errors.As(err, &cell):
		return explainCell(cell)
	case errors.As(err, &cut):
		return explained{kind: Connection,
			what:   "The connection to the PBX broke off in the middle of the download, also when it was tried again. No records were kept.",
			action: "Check the network between this computer and the PBX, then try again; a shorter date range is less likely to be cut off."}
	case errors.As(err, &csvErr):
		return explained{kind: Other,
			what:   "The PBX sent a call record file that cannot be read.",
			action: "Try again; if it keeps happening, give the details to your IT contact."}
	case errors.As(err, &damage):
		return explained{kind: Other, data: map[string]any{"Path": damage.Path},
			what:   "The file of saved connections is damaged: {{.Path}}.",
			action: "Restore it from a backup, or rename it to start afresh; cdrdesk never overwrites it."}
	case errors.Is(err, profile.ErrKeyringUnavailable):
		return explained{kind: Other,
			what:   "The system keyring is not available.",
			action: "cdrdesk will ask for the password each time instead of saving it."}
	case errors.As(err, &exists):
		return explained{kind: Output, data: map[string]any{"Path": exists.Path},
			what:   "A file named {{.Path}} already exists.",
			action: "Choose another name, or allow replacing the file."}
	case errors.As(err, &path):
		return explained{kind: Output, data: map[string]any{"Path": path.Path},
			what:   "The report could not be saved to {{.Path}}.",
			action: "Check that the folder exists, that you may write there and that the disk is not full."}
	}
	return explained{kind: Other,
		what:   "Something went wrong.",
		action: "Try again; if it keeps happening, give the details to your IT contact."}
}

func explainCell(e *report.CellTooLongError) explained {
	data := map[string]any{"Row": e.Row, "Column": e.Column, "Length": e.Length, "Limit": report.ExcelMaxCellChars}
	what := "Record {{.Row}} cannot be saved in an Excel workbook: its {{.Column}} holds {{.Length}} characters, and an Excel cell holds at most {{.Limit}}."
	if e.Row == 0 {
		what = "The header cannot be saved in an Excel workbook: its {{.Column}} holds {{.Length}} characters, and an Excel cell holds at most {{.Limit}}."
	}
	// Trying again gives the same record: say what does work instead.
	return explained{kind: Output, data: data, what: what,
		action: "Save the records as CSV (csv or excel-csv) instead, which has no such limit; nothing of the record is cut short."}
}

func explainInput(e *cdrclient.InputError) explained {
	return explained{kind: Input, what: e.Msg, value: e.Value}
}

func explainErrno(e *cdrclient.APIError) explained {
	data := map[string]any{"Errno": e.Errno}
	switch e.Errno {
	case cdrclient.ErrnoServiceStopped:
		return explained{kind: Refused, data: data,
			what:   "The PBX's API service is not running.",
			action: "Enable the API on the PBX (Settings → PBX → General → API) or restart the PBX."}
	case cdrclient.ErrnoNoExtension:
		return explained{kind: Refused, data: data,
			what:   "An extension you chose does not exist on the PBX.",
			action: "Reload the extension list and choose again."}
	case cdrclient.ErrnoBadAllowedIP:
		return explained{kind: Input, data: data,
			what: "The allowed computer must be one IPv4 address like 192.168.1.20."}
	case cdrclient.ErrnoUnsupported:
		return explained{kind: Refused, data: data,
			what:   "The PBX does not support this request in the chosen API version.",
			action: "Set the API version to automatic, or update the PBX firmware (CDR download needs 30.10.0.59 or later)."}
	}
	return explained{kind: Refused, data: data,
		what:   "The PBX refused the request (error {{.Errno}}).",
		action: "Try again; if it keeps happening, give the details to your IT contact."}
}

func explainHTTP(e *cdrclient.HTTPError) explained {
	data := map[string]any{"Status": strconv.Itoa(e.Status), "Location": e.Location}
	switch {
	case e.Location != "":
		return explained{kind: Connection, data: data,
			what:   "The PBX sends this address elsewhere: {{.Location}}.",
			action: "Use the PBX's HTTPS address and port (usually https://PBX-address:8088)."}
	case e.Status == http.StatusNotFound:
		return explained{kind: Refused, data: data,
			what:   "The PBX did not answer as a Yeastar API.",
			action: "Enable the API on the PBX (Settings → PBX → General → API), check the address and port, or choose the API version by hand."}
	case e.Status >= 500:
		return explained{kind: Connection, data: data,
			what:   "The PBX had an internal problem (HTTP {{.Status}}).",
			action: "Try again in a minute, or with a shorter date range."}
	}
	return explained{kind: Connection, data: data,
		what:   "The PBX answered with HTTP status {{.Status}}.",
		action: "Check the address and port; if it keeps happening, give the details to your IT contact."}
}

// English is the Translate of the untranslated sentences: it only fills in placeholders.
func English(key string, data map[string]any) string { return Fill(key, data) }

// Fill replaces each {{.Name}} in s with data["Name"], the only template form the
// messages use (the same form Fyne's lang package understands).
func Fill(s string, data map[string]any) string {
	for k, v := range data {
		s = strings.ReplaceAll(s, "{{."+k+"}}", fmt.Sprint(v))
	}
	return s
}

// upperFirst capitalises a sentence that came from a lower-case fixed message.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

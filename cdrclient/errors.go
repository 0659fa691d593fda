package cdrclient

import (
	"errors"
	"fmt"
)

// Error numbers of the PBX that the client acts on. The PBX sends them as strings.
const (
	ErrnoUnsupported    = "10003" // unknown endpoint: wrong API version
	ErrnoBlankParam     = "10004" // a required parameter is blank
	ErrnoNoExtension    = "10006" // extension does not exist
	ErrnoLockedOut      = "20002" // this IP is locked out after 5 failed logins
	ErrnoBadLogin       = "20003" // wrong user name or password
	ErrnoNoToken        = "20004" // no such token
	ErrnoBlankToken     = "20005" // token is blank
	ErrnoTokenTimeout   = "20006" // token timed out
	ErrnoBadAllowedIP   = "20015" // allowedip invalid
	ErrnoBadTimeFormat  = "20019" // CDR time format wrong
	ErrnoBadRandom      = "20020" // CDR random invalid, expired or used
	ErrnoNoCDR          = "20021" // CDR does not exist
	ErrnoServiceStopped = "30003" // the PBX's API service is not running
)

// errnoText describes the PBX's error numbers (from Yeastar's error table) for
// technical details; user-facing wording lives with the user interface.
var errnoText = map[string]string{
	"10001": "the PBX is busy",
	"10002": "the request is missing parameters",
	"10003": "unsupported API request (wrong API version?)",
	"10004": "a required parameter is blank",
	"10005": "a parameter has a wrong value",
	"10006": "the extension does not exist",
	"20000": "the PBX accepts only JSON",
	"20001": "the PBX accepts only POST",
	"20002": "this computer's IP address is locked out after failed logins",
	"20003": "wrong user name or password",
	"20004": "the session token is unknown",
	"20005": "the session token is blank",
	"20006": "the session token timed out",
	"20008": "wrong report port in the login request",
	"20012": "recording download key invalid",
	"20014": "recording file does not exist",
	"20015": "the allowed IP address is invalid",
	"20019": "the CDR time format is wrong",
	"20020": "the CDR download key is invalid, expired or already used",
	"20021": "no call records exist for the request",
	"30003": "the PBX's API service is not running",
}

// Every Error method below passes its text through Redact: the fields may hold what a
// person typed or what the network sent, and a URL among them must not show its token.

// ErrnoText returns a short English description of a PBX error number, or "" if unknown.
func ErrnoText(errno string) string { return errnoText[errno] }

// APIError is a request the PBX refused with an error number.
type APIError struct {
	Endpoint string // e.g. "cdr/get_random"
	Errno    string // e.g. "20019"
}

func (e *APIError) Error() string {
	if t := ErrnoText(e.Errno); t != "" {
		return Redact(fmt.Sprintf("the PBX refused %s: errno %s (%s)", e.Endpoint, e.Errno, t))
	}
	return Redact(fmt.Sprintf("the PBX refused %s: errno %s", e.Endpoint, e.Errno))
}

// UnreadableAnswerError means an answer of the PBX's API was not the JSON it should
// be: cut short or garbled on the way (a network glitch), or sent by something that is
// not the PBX. Authenticated requests are repeated once when it happens; a login never
// is, as a login that did reach the PBX may have counted as a failed one.
type UnreadableAnswerError struct {
	Endpoint string // e.g. "cdr/get_random"
	Err      error  // what the JSON decoder reported
}

func (e *UnreadableAnswerError) Error() string {
	return Redact(fmt.Sprintf("the PBX's answer to %s cannot be read: %v", e.Endpoint, e.Err))
}

func (e *UnreadableAnswerError) Unwrap() error { return e.Err }

// AuthError means the PBX rejected the user name or password (errno 20003). The client
// never retries it by itself: each failed login brings the PBX's lockout closer.
type AuthError struct{ User string }

func (e *AuthError) Error() string {
	return Redact(fmt.Sprintf("the PBX rejected the API user %q or its password (errno 20003)", e.User))
}

// LockedOutError means the PBX has locked this computer's IP address out after five
// failed logins (errno 20002). It lasts 10 minutes, or until an administrator removes the
// address under Security → IP Auto Defense → Blocked IP Address in the PBX web interface.
type LockedOutError struct{}

func (e *LockedOutError) Error() string {
	return "the PBX has locked this computer out after 5 failed logins (errno 20002): wait 10 minutes or unblock its IP in the PBX web interface"
}

// CertificateError means the PBX presented a certificate that is not trusted: either it
// is unknown (Pinned is empty) or it differs from the pinned one (Pinned is set).
type CertificateError struct {
	Host        string // host:port of the PBX
	Fingerprint string // SHA-256 of the presented certificate, lowercase hex
	Pinned      string // the fingerprint that was expected, "" if none
}

// Changed reports whether a previously trusted certificate was replaced.
func (e *CertificateError) Changed() bool { return e.Pinned != "" }

func (e *CertificateError) Error() string {
	if e.Changed() {
		return Redact(fmt.Sprintf("the certificate of %s has CHANGED: expected SHA-256 %s, got %s", e.Host, e.Pinned, e.Fingerprint))
	}
	return Redact(fmt.Sprintf("the certificate of %s is not trusted yet (SHA-256 %s)", e.Host, e.Fingerprint))
}

// VersionError means no API version path answered: the API is probably not enabled on
// the PBX (Settings → PBX → General → API), or the firmware is too old.
type VersionError struct{ Tried []string }

func (e *VersionError) Error() string {
	return Redact(fmt.Sprintf("the PBX did not answer API versions %v: is the API enabled?", e.Tried))
}

// HTTPError is an unexpected HTTP status, usually from a proxy or older firmware.
type HTTPError struct {
	Status   int
	URL      string // without token or random (see Redact)
	Location string // where a redirect pointed (for example from HTTP to HTTPS), if any; redacted
}

func (e *HTTPError) Error() string {
	if e.Location != "" {
		return Redact(fmt.Sprintf("HTTP status %d from %s (redirects to %s)", e.Status, e.URL, e.Location))
	}
	return Redact(fmt.Sprintf("HTTP status %d from %s", e.Status, e.URL))
}

// ConnectionError means the PBX could not be reached or stopped answering.
type ConnectionError struct {
	URL     string // without token or random (see Redact)
	Timeout bool   // the PBX did not answer in time
	Err     error
}

func (e *ConnectionError) Error() string {
	if e.Timeout {
		return Redact(fmt.Sprintf("the PBX at %s did not answer in time: %v", e.URL, e.Err))
	}
	return Redact(fmt.Sprintf("cannot reach the PBX at %s: %v", e.URL, e.Err))
}

func (e *ConnectionError) Unwrap() error { return e.Err }

// InputError is a query or setting the client refuses before asking the PBX. Msg is a
// fixed sentence (a user interface may translate it); Value is what was given, if any,
// shown with its secrets redacted.
type InputError struct {
	Field string // e.g. "allowedip", "address"
	Msg   string
	Value string
}

func (e *InputError) Error() string {
	if e.Value != "" {
		return Redact(e.Field + ": " + e.Msg + ": " + e.Value)
	}
	return Redact(e.Field + ": " + e.Msg)
}

// errnoOf returns the PBX error number carried by err, or "".
func errnoOf(err error) string {
	var api *APIError
	if errors.As(err, &api) {
		return api.Errno
	}
	return ""
}

// isTokenErrno reports whether errno means the session token is no longer valid.
func isTokenErrno(errno string) bool {
	return errno == ErrnoNoToken || errno == ErrnoBlankToken || errno == ErrnoTokenTimeout
}

// RecordingMissingError means the PBX does not have the recording the call records
// name (errno 20014): it was deleted, or the storage it was on is gone.
type RecordingMissingError struct {
	Name string // the recording's file name
}

func (e *RecordingMissingError) Error() string {
	return Redact(fmt.Sprintf("the PBX does not have the recording %s (errno 20014)", e.Name))
}

// RecordingCutError means a recording's download ended before the whole file came:
// Got of Size bytes (Size -1: unknown), the connection broken or closed early. What
// was received is not the file; fetch it again.
type RecordingCutError struct {
	Name      string // the recording's file name
	Got, Size int64
	Err       error // the network's error, nil when the body just ended early
}

func (e *RecordingCutError) Error() string {
	msg := fmt.Sprintf("the download of recording %s was cut off after %d of %d bytes", e.Name, e.Got, e.Size)
	if e.Size < 0 {
		msg = fmt.Sprintf("the download of recording %s was cut off after %d bytes", e.Name, e.Got)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return Redact(msg)
}

func (e *RecordingCutError) Unwrap() error { return e.Err }

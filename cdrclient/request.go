package cdrclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
)

// maxEnvelope bounds how much of a JSON answer is read: API answers are small, and a
// broken proxy must not make the client swallow megabytes.
const maxEnvelope = 4 << 20

// envelope is the status part every API answer carries. errno is a string in every
// answer documented; a number is taken as well, so that a PBX writing 20003 without
// quotes is still understood as refusing the password rather than as garbled.
type envelope struct {
	Status string          `json:"status"`
	Errno  json.RawMessage `json:"errno"`
}

// errno returns the error number as text, "unknown" when there is none usable.
func (e envelope) errno() string {
	var s string
	if json.Unmarshal(e.Errno, &s) == nil && s != "" {
		return s
	}
	var n json.Number
	if json.Unmarshal(e.Errno, &n) == nil && n != "" {
		return n.String()
	}
	return "unknown"
}

// decodeEnvelope parses an API answer into out (which may be nil). It returns an
// *APIError when the PBX reports a failure (any status but "Success"), and an
// *UnreadableAnswerError when the answer is not the JSON object it should be.
func decodeEnvelope(endpoint string, body []byte, out any) error {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return &UnreadableAnswerError{Endpoint: endpoint, Err: err}
	}
	if env.Status != "Success" {
		return &APIError{Endpoint: endpoint, Errno: env.errno()}
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return &UnreadableAnswerError{Endpoint: endpoint, Err: err}
		}
	}
	return nil
}

// endpointURL builds {base}/api/{version}/{endpoint}[?token=...].
func (s *Session) endpointURL(version, endpoint, token string) string {
	u := s.baseURL + "/api/" + version + "/" + endpoint
	if token != "" {
		u += "?token=" + url.QueryEscape(token)
	}
	return u
}

// post sends one API request: POST, a JSON body of strings, and decodes the envelope.
// A 404 means the version path does not exist (the caller may probe the next one).
func (s *Session) post(ctx context.Context, version, endpoint, token string, body map[string]string, out any) error {
	if body == nil {
		body = map[string]string{}
	}
	payload, _ := json.Marshal(body) // a map of strings always marshals
	rawURL := s.endpointURL(version, endpoint, token)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, bytes.NewReader(payload))
	if err != nil {
		return &InputError{Field: "address", Msg: "this is not a PBX address", Value: Redact(err.Error())}
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req = req.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: s.noteLocalAddr}))
	resp, err := s.client.Do(req)
	if err != nil {
		return s.transportError(ctx, rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &HTTPError{Status: resp.StatusCode, URL: Redact(rawURL), Location: Redact(resp.Header.Get("Location"))}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxEnvelope))
	if err != nil {
		return s.transportError(ctx, rawURL, err)
	}
	return decodeEnvelope(endpoint, data, out)
}

// noteLocalAddr remembers the address this computer used, for the heartbeat's ipaddr.
func (s *Session) noteLocalAddr(info httptrace.GotConnInfo) {
	if a, ok := info.Conn.LocalAddr().(*net.TCPAddr); ok {
		s.mu.Lock()
		s.localIP = a.IP.String()
		s.mu.Unlock()
	}
}

// transportError classifies a failed round trip: the caller's cancellation stays
// context.Canceled, certificate problems stay *CertificateError, the rest is a
// *ConnectionError (with Timeout set when the PBX was too slow).
func (s *Session) transportError(ctx context.Context, rawURL string, err error) error {
	if cause := context.Cause(ctx); cause != nil {
		if errors.Is(cause, errIdle) {
			return &ConnectionError{URL: Redact(rawURL), Timeout: true, Err: errIdle}
		}
		return ctx.Err()
	}
	var cert *CertificateError
	if errors.As(err, &cert) {
		return cert
	}
	var ne net.Error
	timeout := errors.As(err, &ne) && ne.Timeout()
	return &ConnectionError{URL: Redact(rawURL), Timeout: timeout, Err: unwrapURLError(err)}
}

// unwrapURLError drops net/http's "Post \"https://…?token=…\":" prefix, which would put
// the token into messages and logs.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

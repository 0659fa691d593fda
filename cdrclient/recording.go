package cdrclient

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net/http"
	"sync"
)

// Error numbers of the recording endpoints.
const (
	ErrnoBadRecordingRandom = "20012" // recording download key invalid, expired or used
	ErrnoNoRecording        = "20014" // the recording file does not exist on the PBX
)

// RecordingBody is one recording coming in from the PBX: read it to the end, then
// Close it. Reading passes the bytes on as they arrive; nothing is held.
//
// A body that ends short of Size, or whose connection breaks, fails with a
// *RecordingCutError: what was read is not the whole file, and the caller fetches it
// again (OpenRecording again, with a fresh key). A body that stops flowing for
// Timeouts.Idle fails with a *ConnectionError whose Timeout is set.
type RecordingBody struct {
	// Name is the recording's file name, as the CSV's recording column gives it.
	Name string
	// Size is the whole file's size in bytes: the answer's Content-Length, else what
	// the WAV header says, else -1 (unknown).
	Size int64

	s      *Session
	url    string // for errors, redacted when shown
	ctx    context.Context
	cancel context.CancelCauseFunc
	resp   *http.Response
	idle   *idleReader
	br     *bufio.Reader
	got    int64
	once   sync.Once
}

// Read reads the recording's bytes, detecting a cut (see RecordingBody).
func (b *RecordingBody) Read(p []byte) (int, error) {
	if err := b.ctx.Err(); err != nil && !errors.Is(context.Cause(b.ctx), errIdle) {
		return 0, err // cancelled or closed: the bytes still buffered are not passed on
	}
	n, err := b.br.Read(p)
	b.got += int64(n)
	switch {
	case err == nil:
		return n, nil
	case err == io.EOF && context.Cause(b.ctx) == nil:
		if b.Size >= 0 && b.got < b.Size {
			return n, &RecordingCutError{Name: b.Name, Got: b.got, Size: b.Size}
		}
		b.s.touch(nil)
		return n, io.EOF
	}
	if cause := context.Cause(b.ctx); cause != nil && !errors.Is(cause, errIdle) {
		return n, b.ctx.Err() // cancelled by the caller
	}
	if err := b.s.transportError(b.ctx, b.url, err); isTimeout(err) {
		return n, err
	}
	// Content-Length short (io.ErrUnexpectedEOF), a broken chunk, a reset: a cut.
	return n, &RecordingCutError{Name: b.Name, Got: b.got, Size: b.Size, Err: unwrapURLError(err)}
}

// Close ends the download; a body not read to its end is abandoned.
func (b *RecordingBody) Close() error {
	b.once.Do(func() {
		b.idle.stop()
		b.resp.Body.Close()
		b.cancel(nil)
	})
	return nil
}

func isTimeout(err error) bool {
	var c *ConnectionError
	return errors.As(err, &c) && c.Timeout
}

// Recording downloads the recording called name (a file name from the CSV's recording
// column) into w as it arrives, and returns how many bytes it wrote. The rules are
// OpenRecording's; a cut body is a *RecordingCutError after part of the file reached w,
// so give it a destination that can be discarded (a temporary file).
func (s *Session) Recording(ctx context.Context, name string, w io.Writer) (int64, error) {
	body, err := s.OpenRecording(ctx, name)
	if err != nil {
		return 0, err
	}
	defer body.Close()
	n, err := io.Copy(w, body)
	return n, err
}

// OpenRecording starts the download of the recording called name: a key from
// recording/get_random, then recording/download with it, once, within its 30 seconds.
// As for call records, a refused or expired key (20012) is replaced once, a forgotten
// token triggers one re-login, and an HTTP 5xx is asked once more with a fresh key. A
// recording the PBX does not have is a *RecordingMissingError. On success the caller
// reads the body and closes it.
func (s *Session) OpenRecording(ctx context.Context, name string) (*RecordingBody, error) {
	if name == "" {
		return nil, &InputError{Field: "recording", Msg: "no recording file name"}
	}
	retried := map[string]bool{}
	for {
		body, token, err := s.recordingAttempt(ctx, name)
		if err == nil {
			return body, nil
		}
		errno := errnoOf(err)
		var h *HTTPError
		switch {
		case errno == ErrnoNoRecording:
			return nil, &RecordingMissingError{Name: name}
		case errno == ErrnoBadRecordingRandom && !retried["random"]:
			retried["random"] = true
		case isTokenErrno(errno) && !retried["token"]:
			retried["token"] = true
			if _, err := s.relogin(ctx, token); err != nil {
				return nil, err
			}
		case errors.As(err, &h) && h.Status >= 500 && !retried["server"]:
			retried["server"] = true
		default:
			return nil, err
		}
	}
}

// recordingKeyAnswer is recording/get_random's answer.
type recordingKeyAnswer struct {
	Random string `json:"random"`
}

// recordingAttempt asks for one key and starts one download with it; token is the
// session token the download used. A JSON answer instead of the file is returned as
// its *APIError.
func (s *Session) recordingAttempt(ctx context.Context, name string) (body *RecordingBody, token string, err error) {
	var ans recordingKeyAnswer
	if err := s.call(ctx, "recording/get_random", map[string]string{"recording": name}, &ans); err != nil {
		return nil, "", err
	}
	if ans.Random == "" {
		return nil, "", &APIError{Endpoint: "recording/get_random", Errno: "no random in answer"}
	}
	token = s.Token()
	link := s.baseURL + "/api/" + s.Version() + "/recording/download?recording=" + escapeQueryValue(name) +
		"&random=" + escapeQueryValue(ans.Random) + "&token=" + escapeQueryValue(token)
	body, err = s.startRecording(ctx, name, link)
	return body, token, err
}

// startRecording sends the download request and checks the start of its answer.
func (s *Session) startRecording(ctx context.Context, name, link string) (*RecordingBody, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		cancel(nil)
		return nil, &InputError{Field: "address", Msg: "this is not a PBX address", Value: Redact(err.Error())}
	}
	resp, err := s.client.Do(req)
	if err != nil {
		cancel(nil)
		return nil, s.transportError(ctx, link, err)
	}
	b := &RecordingBody{Name: name, Size: resp.ContentLength, s: s, url: link, ctx: ctx, cancel: cancel, resp: resp}
	b.idle = newIdleReader(resp.Body, s.timeouts.Idle, func() { cancel(errIdle) })
	b.br = bufio.NewReaderSize(b.idle, 32<<10)
	if resp.StatusCode != http.StatusOK {
		b.Close()
		return nil, &HTTPError{Status: resp.StatusCode, URL: Redact(link)}
	}
	if err := b.sniff(); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// sniff tells the PBX's JSON error (sent with HTTP 200) from the file, and takes the
// size from the WAV header when the answer had no Content-Length.
func (b *RecordingBody) sniff() error {
	isJSON, err := looksLikeJSON(b.br)
	if err != nil {
		return b.s.transportError(b.ctx, b.url, err)
	}
	if isJSON {
		data, err := io.ReadAll(io.LimitReader(b.br, maxEnvelope))
		if err != nil {
			return b.s.transportError(b.ctx, b.url, err)
		}
		if err := decodeEnvelope("recording/download", data, nil); err != nil {
			return err
		}
		return &APIError{Endpoint: "recording/download", Errno: "JSON answer instead of a file"}
	}
	if b.Size < 0 {
		if head, _ := b.br.Peek(12); len(head) == 12 && string(head[0:4]) == "RIFF" && string(head[8:12]) == "WAVE" {
			b.Size = 8 + int64(binary.LittleEndian.Uint32(head[4:8]))
		}
	}
	return nil
}

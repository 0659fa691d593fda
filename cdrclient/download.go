package cdrclient

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// download fetches one link into the joiner and ends the joiner's body. started reports
// whether any CSV bytes were passed on, after which only a cut-off body can be retried
// (see Joiner.RepeatWindow).
func (f *fetchRun) download(ctx context.Context, link *DownloadLink) (started bool, err error) {
	s := f.s
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.URL, nil)
	if err != nil {
		return false, &InputError{Field: "address", Msg: "this is not a PBX address", Value: Redact(err.Error())}
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return false, s.transportError(ctx, link.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, &HTTPError{Status: resp.StatusCode, URL: link.String()}
	}
	body := newIdleReader(resp.Body, s.timeouts.Idle, func() { cancel(errIdle) })
	defer body.stop()
	br := bufio.NewReaderSize(body, 64<<10)
	isJSON, err := looksLikeJSON(br)
	if err != nil {
		return false, s.transportError(ctx, link.URL, err)
	}
	if isJSON {
		data, err := io.ReadAll(io.LimitReader(br, maxEnvelope))
		if err != nil {
			return false, s.transportError(ctx, link.URL, err)
		}
		if err := decodeEnvelope("cdr/download", data, nil); err != nil {
			return false, err
		}
		return false, &APIError{Endpoint: "cdr/download", Errno: "JSON answer instead of CSV"}
	}
	cw := &countingWriter{w: f.j, onWrite: f.maybeReport}
	_, err = br.WriteTo(cw)
	if err == nil && context.Cause(ctx) != nil {
		// A cancelled request's body may end with a clean EOF on its next read; the
		// bytes before it are not the whole file.
		err = context.Cause(ctx)
	}
	if err != nil {
		var werr writeError
		if errors.As(err, &werr) {
			return true, werr.err
		}
		return cw.n > 0, s.transportError(ctx, link.URL, err)
	}
	s.touch(nil)
	return true, f.j.EndWindow()
}

func (f *fetchRun) maybeReport() {
	if f.j.Bytes()-f.reported >= progressEvery {
		f.report()
	}
}

// looksLikeJSON sniffs the start of a download: the PBX answers errors with HTTP 200 and
// a JSON envelope instead of the CSV. An optional BOM and white space are skipped.
// A read error is returned rather than dropped: Peek hands it over only once.
func looksLikeJSON(br *bufio.Reader) (bool, error) {
	head, err := br.Peek(512)
	if err != nil && err != io.EOF { // a short body is no error here
		return false, err
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '{', nil
}

// tokenOf returns the token a download link was made with.
func tokenOf(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return u.Query().Get("token")
}

// countingWriter passes writes on, counting them, and marks the destination's own
// failures so they are not mistaken for network errors.
type countingWriter struct {
	w       io.Writer
	n       int64
	onWrite func()
}

type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil {
		return n, writeError{err}
	}
	c.onWrite()
	return n, nil
}

// idleReader cancels a download whose body stops flowing for longer than idle; the
// transport's own timeouts cover only connecting and the response headers.
type idleReader struct {
	r     io.Reader
	idle  time.Duration
	mu    sync.Mutex
	timer *time.Timer
}

func newIdleReader(r io.Reader, idle time.Duration, fire func()) *idleReader {
	return &idleReader{r: r, idle: idle, timer: time.AfterFunc(idle, fire)}
}

func (r *idleReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.mu.Lock()
	r.timer.Reset(r.idle)
	r.mu.Unlock()
	return n, err
}

func (r *idleReader) stop() {
	r.mu.Lock()
	r.timer.Stop()
	r.mu.Unlock()
}

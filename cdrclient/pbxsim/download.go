package pbxsim

import (
	"context"
	"net/http"
	"time"
)

// download answers cdr/download: token, then the one-time random (which it
// uses up), then the faults, then the CSV. The query is the raw query
// string decoded by parseRawQuery, so the '+' quirk applies.
func (s *Server) download(q *apiRequest) {
	token := q.query["token"]
	sess, errno := s.useToken(token, q.now)
	if errno != "" {
		s.downloadFail(q, errno)
		return
	}
	exts, start, end := q.query[q.extKey()], q.query["starttime"], q.query["endtime"]
	g := s.takeRandom(q.query["random"])
	if g == nil || !g.permits(token, exts, start, end, q.ip, sess.ip, q.now) {
		s.downloadFail(q, ErrnoBadRandom)
		return
	}
	// The grant matched, so the values passed validation at get_random.
	startWall, _ := parseWallTime(start)
	endWall, _ := parseWallTime(end)
	sel, _ := newSelection(exts, startWall-wallTime(q.o.RowsEarlierStart/time.Second), endWall)
	if !sleepContext(q.r.Context(), s.downloadDelay(&q.o)) {
		// The client left. Returning would make net/http send an empty "200 OK",
		// which a client whose cancellation raced with it takes for an empty CSV;
		// a PBX that is still thinking sends nothing, so close without an answer.
		panic(http.ErrAbortHandler)
	}
	switch {
	case s.takeFail500():
		s.writeStatus(q.w, http.StatusInternalServerError)
	case q.o.TimeoutOverDays > 0 && int64(endWall-startWall) > int64(q.o.TimeoutOverDays)*secondsPerDay:
		s.writeStatus(q.w, http.StatusGatewayTimeout)
	case q.o.EmptyAs20021 && sel.empty(&q.o):
		s.downloadFail(q, ErrnoNoCDR)
	default:
		s.streamCSV(q, &sel, start, end)
	}
}

// downloadFail answers a JSON error to a download; with
// DownloadErrorsAsFile it wears the headers of a CSV file.
func (s *Server) downloadFail(q *apiRequest, errno string) {
	if q.o.DownloadErrorsAsFile {
		setFileHeaders(q.w.Header(), "cdr.csv")
	}
	s.fail(q, errno)
}

// takeFail500 consumes the Fail500Once fault.
func (s *Server) takeFail500() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	fire := s.opts.Fail500Once
	s.opts.Fail500Once = false
	return fire
}

// streamCSV sends the CSV, flushing chunk by chunk; it never holds the
// whole file. A DropAfterBytes or Cut fault aborts the connection mid-body.
func (s *Server) streamCSV(q *apiRequest, sel *selection, start, end string) {
	h := q.w.Header()
	setFileHeaders(h, csvFileName(start, end))
	if q.o.CloseDelimited {
		// net/http then neither chunks nor keeps the connection: the body
		// ends when the connection closes.
		h.Set("Transfer-Encoding", "identity")
	}
	q.w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(q.w)
	_ = rc.Flush()
	s.record(func(st *Stats) { st.CSVDownloads++ })
	body := &bodyWriter{w: q.w, rc: rc, ctx: q.r.Context(), slow: q.o.SlowBody, dropAfter: q.o.DropAfterBytes}
	bufSize := 32 << 10
	if q.o.SlowBody > 0 {
		bufSize = 4 << 10 // more, smaller chunks so the slowness shows
	}
	rows, err := writeCSV(body, &q.o, sel, bufSize, s.takeCut())
	s.record(func(st *Stats) { st.RowsServed += rows; st.BytesServed += body.written })
	if err != nil {
		// A cut (DropAfterBytes) or a client that left mid-body: close the connection
		// without ending the body, so the part sent never looks like a whole file.
		panic(http.ErrAbortHandler)
	}
}

// setFileHeaders marks an answer as a file download.
func setFileHeaders(h http.Header, name string) {
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", "attachment; filename="+name)
}

// csvFileName names the file after the range: cdr_20200518000000-20200520235959.csv.
func csvFileName(start, end string) string {
	s, _ := parseWallTime(start)
	e, _ := parseWallTime(end)
	b := append([]byte("cdr_"), appendWall(nil, s, true)...)
	b = append(append(b, '-'), appendWall(nil, e, true)...)
	return string(append(b, ".csv"...))
}

// sleepContext sleeps d (real time) unless ctx ends first; it reports
// whether the full time passed.
// downloadDelay is how long the download being answered waits (see
// Options.DelayAfterDownloads).
func (s *Server) downloadDelay(o *Options) time.Duration {
	if o.DelayAfterDownloads <= 0 {
		return o.DownloadDelay
	}
	s.mu.Lock()
	n := s.stats.Downloads
	s.mu.Unlock()
	if n <= o.DelayAfterDownloads {
		return 0
	}
	return o.DownloadDelay
}

func sleepContext(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

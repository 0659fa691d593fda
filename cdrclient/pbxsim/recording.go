package pbxsim

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Error numbers of the recording endpoints.
const (
	ErrnoBadRecordingRandom = "20012" // recording random invalid, used, expired or not matching
	ErrnoNoRecording        = "20014" // recording file does not exist
)

// recordingGrant is a recording random: one download of one file, valid
// RandomLifetime, for the token that asked and from the computer that logged in.
type recordingGrant struct {
	token, name string
	issued      time.Time
}

// getRecordingRandom answers recording/get_random: the file must exist (20014), then
// it stores a grant and echoes the name with the random.
func (s *Server) getRecordingRandom(q *apiRequest) {
	params, ok := s.body(q)
	if !ok {
		return
	}
	if _, errno := s.useToken(q.query["token"], q.now); errno != "" {
		s.fail(q, errno)
		return
	}
	name := params["recording"]
	if name == "" {
		s.fail(q, ErrnoParamBlank)
		return
	}
	if !q.o.hasRecording(name) {
		s.fail(q, ErrnoNoRecording)
		return
	}
	random := newHex()
	s.mu.Lock()
	for r, g := range s.recRandoms {
		if q.now.Sub(g.issued) >= RandomLifetime {
			delete(s.recRandoms, r)
		}
	}
	s.recRandoms[random] = &recordingGrant{token: q.query["token"], name: name, issued: q.now}
	s.mu.Unlock()
	writeObject(q.w, success(field{"recording", name}, field{"random", random}))
}

// downloadRecording answers recording/download: token, then the one-time random
// (used up whatever follows), then the file (20014 if it went meanwhile), then the
// faults, then the WAV.
func (s *Server) downloadRecording(q *apiRequest) {
	token := q.query["token"]
	sess, errno := s.useToken(token, q.now)
	if errno != "" {
		s.fail(q, errno)
		return
	}
	name := q.query["recording"]
	s.mu.Lock()
	g := s.recRandoms[q.query["random"]]
	delete(s.recRandoms, q.query["random"])
	s.mu.Unlock()
	if g == nil || g.token != token || g.name != name || q.now.Sub(g.issued) >= RandomLifetime || q.ip != sess.ip {
		s.fail(q, ErrnoBadRecordingRandom)
		return
	}
	if !q.o.hasRecording(name) {
		s.fail(q, ErrnoNoRecording)
		return
	}
	if s.takeRecordingFail500() {
		s.writeStatus(q.w, http.StatusInternalServerError)
		return
	}
	s.streamRecording(q, name)
}

// streamRecording sends the WAV as a file download, flushed chunk by chunk, with the
// slow-body and drop faults.
func (s *Server) streamRecording(q *apiRequest, name string) {
	ro := q.o.Recordings
	seconds := q.o.recordingSeconds()
	h := q.w.Header()
	h.Set("Content-Type", "audio/x-wav")
	h.Set("Content-Disposition", "attachment; filename="+name)
	if ro.NoLength {
		h.Set("Transfer-Encoding", "identity")
	} else {
		h.Set("Content-Length", strconv.FormatInt(RecordingSize(seconds), 10))
	}
	q.w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(q.w)
	_ = rc.Flush()
	s.record(func(st *Stats) { st.WAVDownloads++ })
	body := &bodyWriter{w: q.w, rc: rc, ctx: q.r.Context(), slow: ro.SlowBody, dropAfter: s.takeRecordingDrop()}
	err := writeWAV(body, name, seconds)
	s.record(func(st *Stats) { st.RecordingBytesServed += body.written })
	if err != nil {
		// Close without ending the body, so the part sent never looks whole.
		panic(http.ErrAbortHandler)
	}
}

// hasRecording reports whether the PBX holds a recording of that name: one that a
// row of the history names (after Recordings.Names) and that is not Missing.
func (o *Options) hasRecording(name string) bool {
	if slices.Contains(o.Recordings.Missing, name) {
		return false
	}
	generated := name
	for from, to := range o.Recordings.Names {
		switch name {
		case to:
			generated = from
		case from:
			return false // renamed: the old name is gone
		}
	}
	start, ok := recordingStart(generated)
	if !ok {
		return false
	}
	g := newGenerator(o)
	written := o.writtenBy()
	var b []byte
	for _, r := range g.day(start.day()) {
		if r.start != start || !r.recording || !written(&r) {
			continue
		}
		if b = appendRecording(b[:0], &r); string(b) == generated {
			return true
		}
	}
	return false
}

// recordingStart reads the call's start from a recording's name, which begins with it
// as yyyymmddhhmmss (see appendRecording).
func recordingStart(name string) (wallTime, bool) {
	if len(name) < 14 {
		return 0, false
	}
	d := name[:14]
	return parseWallTime(d[0:4] + "-" + d[4:6] + "-" + d[6:8] + " " + d[8:10] + ":" + d[10:12] + ":" + d[12:14])
}

// takeRecordingFail500 consumes the Recordings.Fail500Once fault.
func (s *Server) takeRecordingFail500() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	fire := s.opts.Recordings.Fail500Once
	s.opts.Recordings.Fail500Once = false
	return fire
}

// takeRecordingDrop returns the drop fault for one body, consuming it when DropOnce
// says so.
func (s *Server) takeRecordingDrop() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.opts.Recordings.DropAfterBytes
	if s.opts.Recordings.DropOnce {
		s.opts.Recordings.DropAfterBytes = 0
	}
	return n
}

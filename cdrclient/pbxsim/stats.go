package pbxsim

import "maps"

// Stats counts what the simulator was asked and answered, so tests can
// assert for example "exactly one login request".
type Stats struct {
	Requests       int   // every HTTP request, including 404s
	Logins         int   // login requests
	FailedLogins   int   // login requests answered with an errno
	Heartbeats     int   // heartbeat requests
	Logouts        int   // logout requests
	ExtensionLists int   // extension list requests (either dialect)
	Randoms        int   // cdr/get_random requests
	Downloads      int   // cdr/download requests
	CSVDownloads   int   // downloads that started sending a CSV
	RowsServed     int64 // CSV data rows generated for downloads
	BytesServed    int64 // CSV body bytes sent (after encoding)
	// RecordingRandoms and RecordingDownloads count recording/get_random and
	// recording/download requests; WAVDownloads those that started sending a file,
	// RecordingBytesServed the WAV bytes sent.
	RecordingRandoms, RecordingDownloads, WAVDownloads int
	RecordingBytesServed                               int64
	Errnos                                             map[string]int // answers per errno
	HTTPStatus                                         map[int]int    // answers per HTTP status other than 200
}

func newStats() Stats {
	return Stats{Errnos: map[string]int{}, HTTPStatus: map[int]int{}}
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Errnos = maps.Clone(st.Errnos)
	st.HTTPStatus = maps.Clone(st.HTTPStatus)
	return st
}

// ResetStats sets every counter to zero.
func (s *Server) ResetStats() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats = newStats()
}

// record changes the counters under the lock.
func (s *Server) record(change func(*Stats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	change(&s.stats)
}

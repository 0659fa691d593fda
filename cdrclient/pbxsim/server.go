package pbxsim

import (
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Server simulates the HTTP API of one Yeastar S-Series PBX. It is an
// http.Handler; StartTLS and StartHTTP run it on a listener. All methods
// are safe for concurrent use.
type Server struct {
	mu       sync.Mutex // guards everything below
	opts     Options
	sessions map[string]*session      // live tokens
	expired  map[string]bool          // tokens that timed out (20006, not 20004)
	failures map[netip.Addr]*failures // failed logins per client IP
	randoms  map[string]*grant        // unused CDR randoms
	// recRandoms are the unused recording randoms.
	recRandoms map[string]*recordingGrant
	stats      Stats
}

// New returns a simulator with the options o (zero fields take defaults).
func New(o Options) *Server {
	return &Server{
		opts:       o.withDefaults(),
		sessions:   map[string]*session{},
		expired:    map[string]bool{},
		failures:   map[netip.Addr]*failures{},
		randoms:    map[string]*grant{},
		recRandoms: map[string]*recordingGrant{},
		stats:      newStats(),
	}
}

// Update changes the options while the server runs, e.g. to switch a fault
// on between two download windows. Requests already running keep the
// options they started with.
func (s *Server) Update(change func(*Options)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	change(&s.opts)
	s.opts = s.opts.withDefaults()
}

// options returns a snapshot of the current options.
func (s *Server) options() Options {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts
}

// apiRequest is one API call being answered.
type apiRequest struct {
	w     http.ResponseWriter
	r     *http.Request
	o     Options // snapshot taken when the request arrived
	v2    bool    // v2 dialect ("number", extension/list)
	now   time.Time
	ip    netip.Addr
	query map[string]string
}

// extKey is the dialect's name of the extension parameter.
func (q *apiRequest) extKey() string {
	if q.v2 {
		return "number"
	}
	return "extid"
}

// endpoint is one API endpoint of a dialect.
type endpoint struct {
	allowGET bool // the download is a plain link
	count    func(*Stats)
	serve    func(*Server, *apiRequest)
}

// endpointFor looks up an endpoint; each dialect has its own extension
// list path, and the other dialect's path is unknown (10003).
func endpointFor(v2 bool, name string) (endpoint, bool) {
	switch name {
	case "login":
		return endpoint{false, func(st *Stats) { st.Logins++ }, (*Server).login}, true
	case "heartbeat":
		return endpoint{false, func(st *Stats) { st.Heartbeats++ }, (*Server).heartbeat}, true
	case "logout":
		return endpoint{false, func(st *Stats) { st.Logouts++ }, (*Server).logout}, true
	case "cdr/get_random":
		return endpoint{false, func(st *Stats) { st.Randoms++ }, (*Server).getRandom}, true
	case "cdr/download":
		return endpoint{true, func(st *Stats) { st.Downloads++ }, (*Server).download}, true
	case "recording/get_random":
		return endpoint{false, func(st *Stats) { st.RecordingRandoms++ }, (*Server).getRecordingRandom}, true
	case "recording/download":
		return endpoint{true, func(st *Stats) { st.RecordingDownloads++ }, (*Server).downloadRecording}, true
	}
	if v2 && name == "extension/list" || !v2 && name == "extensionlist/query" {
		return endpoint{false, func(st *Stats) { st.ExtensionLists++ }, (*Server).extensionList}, true
	}
	return endpoint{}, false
}

// ServeHTTP answers /api/{version}/{endpoint} like the PBX: 404 for a
// version it does not serve, otherwise HTTP 200 with the JSON envelope.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o := s.options()
	s.record(func(st *Stats) { st.Requests++ })
	setBoaHeaders(w.Header())
	version, name, ok := splitAPIPath(r.URL.Path)
	if !ok || !o.serves(version) {
		s.writeStatus(w, http.StatusNotFound)
		return
	}
	q := &apiRequest{w: w, r: r, o: o, v2: version == V2, now: o.Now(), ip: remoteIP(r),
		query: parseRawQuery(r.URL.RawQuery, o.PlusIsLiteral)}
	if o.APIServiceDown {
		s.fail(q, ErrnoServiceNotRunning)
		return
	}
	ep, ok := endpointFor(q.v2, name)
	if !ok {
		s.fail(q, ErrnoUnsupported)
		return
	}
	s.record(ep.count)
	if mangle := s.takeMangle(name); mangle != nil {
		q.w = &mangledAnswer{ResponseWriter: w, mangle: mangle}
	}
	if r.Method != http.MethodPost && !(ep.allowGET && r.Method == http.MethodGet) {
		s.fail(q, ErrnoOnlyPOST)
		return
	}
	ep.serve(s, q)
}

// splitAPIPath splits "/api/{version}/{endpoint}".
func splitAPIPath(path string) (version, endpoint string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/api/")
	if !ok {
		return "", "", false
	}
	version, endpoint, ok = strings.Cut(rest, "/")
	return version, endpoint, ok
}

// fail answers the PBX's error envelope and counts the errno.
func (s *Server) fail(q *apiRequest, errno string) {
	s.record(func(st *Stats) { st.Errnos[errno]++ })
	writeObject(q.w, failure(errno))
}

// writeStatus answers a bare HTTP status (404, 500, 504) and counts it.
func (s *Server) writeStatus(w http.ResponseWriter, code int) {
	s.record(func(st *Stats) { st.HTTPStatus[code]++ })
	writePlain(w, code)
}

// body reads the JSON body; on failure it answers 20000 and returns false.
func (s *Server) body(q *apiRequest) (map[string]string, bool) {
	params, ok := readBody(q.r.Body)
	if !ok {
		s.fail(q, ErrnoOnlyJSON)
	}
	return params, ok
}

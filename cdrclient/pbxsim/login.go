package pbxsim

import (
	"crypto/md5"
	"encoding/hex"
	"strconv"
)

// login checks the lockout, then the parameters, then the credentials.
// The password is the lowercase hex MD5 of the API password; v1 requires
// the report port, v2 only checks it when given.
func (s *Server) login(q *apiRequest) {
	params, ok := s.body(q)
	if !ok {
		s.record(func(st *Stats) { st.FailedLogins++ })
		return
	}
	token, errno := s.checkLogin(q, params)
	if errno != "" {
		s.record(func(st *Stats) { st.FailedLogins++ })
		s.fail(q, errno)
		return
	}
	answer := success(field{"token", token})
	if q.v2 {
		answer = append(answer, field{"transport", "TCP"})
	}
	writeObject(q.w, answer)
}

// checkLogin returns a new token or the errno to answer.
func (s *Server) checkLogin(q *apiRequest, params map[string]string) (string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lockedOut(q.ip, q.now) {
		return "", ErrnoLockedOut
	}
	user, password, port := params["username"], params["password"], params["port"]
	if user == "" || password == "" || port == "" && !q.v2 {
		return "", ErrnoParamBlank
	}
	if port != "" && !validPort(port) {
		return "", ErrnoBadPort
	}
	sum := md5.Sum([]byte(q.o.Password))
	if user != q.o.User || password != hex.EncodeToString(sum[:]) {
		s.loginFailed(q.ip, q.now)
		return "", ErrnoBadLogin
	}
	return s.openSession(user, q.ip, q.now, q.o.SingleSession), ""
}

// validPort accepts decimal digits only, 1..65535.
func validPort(p string) bool {
	if len(p) > 5 {
		return false
	}
	for i := range len(p) {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
}

// heartbeat renews the token. Its ipaddr/port body is not checked: the
// vendor calls them required but its own example sends neither.
func (s *Server) heartbeat(q *apiRequest) {
	if _, ok := s.body(q); !ok {
		return
	}
	if _, errno := s.useToken(q.query["token"], q.now); errno != "" {
		s.fail(q, errno)
		return
	}
	writeObject(q.w, success())
}

// logout ends the token; using it afterwards answers 20004.
func (s *Server) logout(q *apiRequest) {
	if _, ok := s.body(q); !ok {
		return
	}
	token := q.query["token"]
	if _, errno := s.useToken(token, q.now); errno != "" {
		s.fail(q, errno)
		return
	}
	s.mu.Lock()
	delete(s.sessions, token)
	s.mu.Unlock()
	writeObject(q.w, success())
}

// extensionList answers extensionlist/query (v1) or extension/list (v2).
func (s *Server) extensionList(q *apiRequest) {
	if _, ok := s.body(q); !ok {
		return
	}
	if _, errno := s.useToken(q.query["token"], q.now); errno != "" {
		s.fail(q, errno)
		return
	}
	writeObject(q.w, success(field{"extlist", extlist(q.v2)}))
}

package pbxsim

// EndSessions forgets every token, as a restart of the PBX does: a client's next request
// is answered errno 20004 and it must log in again. Tests pair it with a changed
// Options.Password to show a session whose password stopped working.
func (s *Server) EndSessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.sessions)
}

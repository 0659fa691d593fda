package pbxsim

import "net/http"

// mangledAnswer is the wire end of an answer spoilt by CutAnswerOnce or
// GarbleAnswerOnce. writeObject sends a JSON answer in one Write, so the
// whole answer passes through mangle.
type mangledAnswer struct {
	http.ResponseWriter
	mangle func([]byte) []byte
}

func (m *mangledAnswer) Write(p []byte) (int, error) {
	if _, err := m.ResponseWriter.Write(m.mangle(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// cutAnswer keeps the first half of an answer: net/http then sends a
// Content-Length that matches, so only the JSON shows the cut.
func cutAnswer(p []byte) []byte { return p[:len(p)/2] }

// garbleAnswer overwrites the second half of an answer, its closing brace
// included, with bytes that are not JSON.
func garbleAnswer(p []byte) []byte {
	out := append([]byte(nil), p...)
	for i := len(out) / 2; i < len(out); i++ {
		out[i] = 0xff
	}
	return out
}

// takeMangle consumes a CutAnswerOnce or GarbleAnswerOnce fault set for
// endpoint, the cut first.
func (s *Server) takeMangle(endpoint string) func([]byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch endpoint {
	case "":
		return nil
	case s.opts.CutAnswerOnce:
		s.opts.CutAnswerOnce = ""
		return cutAnswer
	case s.opts.GarbleAnswerOnce:
		s.opts.GarbleAnswerOnce = ""
		return garbleAnswer
	}
	return nil
}

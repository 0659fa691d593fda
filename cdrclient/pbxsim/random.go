package pbxsim

import (
	"net/netip"
	"time"
)

// grant is a CDR random: a one-time permission, valid RandomLifetime, for
// the token that asked and exactly the query it echoed.
type grant struct {
	token      string
	exts       string // the extid/number value as sent
	start, end string // the times as sent
	allowedIP  netip.Addr
	issued     time.Time
}

// permits reports whether a download may use the grant.
func (g *grant) permits(token, exts, start, end string, ip netip.Addr, loginIP netip.Addr, now time.Time) bool {
	return g.token == token &&
		now.Sub(g.issued) < RandomLifetime &&
		g.exts == exts && g.start == start && g.end == end &&
		(ip == loginIP || g.allowedIP.IsValid() && ip == g.allowedIP)
}

// getRandom answers cdr/get_random: it validates the query, stores a grant
// and echoes the query with the random.
func (s *Server) getRandom(q *apiRequest) {
	params, ok := s.body(q)
	if !ok {
		return
	}
	if _, errno := s.useToken(q.query["token"], q.now); errno != "" {
		s.fail(q, errno)
		return
	}
	g := &grant{token: q.query["token"], exts: params[q.extKey()],
		start: params["starttime"], end: params["endtime"], issued: q.now}
	if errno := validateQuery(g, params["allowedip"]); errno != "" {
		s.fail(q, errno)
		return
	}
	if d := q.o.EchoEarlierStart; d > 0 {
		start, _ := parseWallTime(g.start)
		g.start = string(appendWall(nil, start-wallTime(d/time.Second), false))
	}
	random := newHex()
	s.mu.Lock()
	s.sweepRandoms(q.now)
	s.randoms[random] = g
	s.mu.Unlock()
	writeObject(q.w, success(field{q.extKey(), g.exts}, field{"starttime", g.start},
		field{"endtime", g.end}, field{"random", random}))
}

// validateQuery checks a get_random query in the PBX's order: blanks
// (10004), times (20019), allowedip (20015), extensions (10006). It sets
// g.allowedIP.
func validateQuery(g *grant, allowedIP string) string {
	if g.exts == "" || g.start == "" || g.end == "" {
		return ErrnoParamBlank
	}
	start, okStart := parseWallTime(g.start)
	end, okEnd := parseWallTime(g.end)
	if !okStart || !okEnd || end < start {
		return ErrnoBadTime
	}
	if allowedIP != "" {
		ip, err := netip.ParseAddr(allowedIP)
		if err != nil || !ip.Is4() {
			return ErrnoBadAllowedIP
		}
		g.allowedIP = ip
	}
	if _, ok := newSelection(g.exts, start, end); !ok {
		return ErrnoNoExtension
	}
	return ""
}

// sweepRandoms forgets expired randoms (called with s.mu held).
func (s *Server) sweepRandoms(now time.Time) {
	for r, g := range s.randoms {
		if now.Sub(g.issued) >= RandomLifetime {
			delete(s.randoms, r)
		}
	}
}

// takeRandom removes and returns a grant: a random is used up by the first
// download that presents it, whatever the outcome.
func (s *Server) takeRandom(random string) *grant {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.randoms[random]
	delete(s.randoms, random)
	return g
}

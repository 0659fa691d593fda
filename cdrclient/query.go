package cdrclient

import (
	"net/netip"
	"strings"
	"time"
)

// TimeLayout is how the PBX writes and expects times: its local wall clock, 24 h, no zone.
const TimeLayout = "2006-01-02 15:04:05"

// DefaultWindow is how much of a range the first download asks for: a week keeps the
// request small enough for older firmware, which answered 504 on large downloads.
const DefaultWindow = 7 * 24 * time.Hour

// MinWindow is the smallest window a timed-out download is split into.
const MinWindow = time.Hour

// Query selects call records.
type Query struct {
	// Extensions are extension numbers; empty means all extensions.
	Extensions []string
	// Start and End are PBX wall-clock times, both included. Only their date and clock
	// fields are used (the PBX has no notion of zones), to the second.
	Start, End time.Time
	// AllowedIP optionally lets one other computer (one IPv4 address) use a download link.
	AllowedIP string
	// Window is the length of the first download (DefaultWindow when zero); later ones
	// grow while the PBX answers quickly and small (see Fetch). Negative asks for the
	// whole range at once.
	Window time.Duration
}

// ParseExtensions reads "all", "1000" or "1000,1001" (spaces allowed) into a list; "all"
// or an empty string give nil (all extensions).
func ParseExtensions(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "all") {
		return nil, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !isDigits(p) {
			return nil, &InputError{Field: "extensions", Msg: "an extension is a number like 1000", Value: p}
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// extParam is the value of the extension parameter: "all" or numbers joined by commas.
func (q Query) extParam() string {
	if len(q.Extensions) == 0 {
		return "all"
	}
	return strings.Join(q.Extensions, ",")
}

// validate checks what the PBX would otherwise refuse with a less helpful errno.
func (q Query) validate() error {
	if q.Start.IsZero() || q.End.IsZero() {
		return &InputError{Field: "range", Msg: "choose a start and an end time"}
	}
	if wall(q.End).Before(wall(q.Start)) {
		return &InputError{Field: "range", Msg: "the end is before the start"}
	}
	for _, e := range q.Extensions {
		if !isDigits(e) {
			return &InputError{Field: "extensions", Msg: "an extension is a number like 1000", Value: e}
		}
	}
	if q.AllowedIP != "" {
		a, err := netip.ParseAddr(q.AllowedIP)
		if err != nil || !a.Is4() {
			return &InputError{Field: "allowedip", Msg: "the allowed computer must be one IPv4 address like 192.168.1.20", Value: q.AllowedIP}
		}
	}
	return nil
}

// wall drops the zone of a PBX time, keeping its date and clock fields, so that times
// compare and step as the PBX's wall clock does, whatever zone the caller used.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// span is a window of PBX wall-clock time, both ends included.
type span struct{ from, to time.Time }

func (w span) length() time.Duration { return w.to.Sub(w.from) + time.Second }

// halves splits a window in two at a whole second.
func (w span) halves() (span, span) {
	mid := w.from.Add((w.length() / 2).Truncate(time.Second))
	return span{w.from, mid.Add(-time.Second)}, span{mid, w.to}
}

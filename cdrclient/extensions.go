package cdrclient

import (
	"context"
	"sort"
	"strings"
)

// Extension is one extension of the PBX, as listed for the extension picker.
type Extension struct {
	Number string // "1000"
	Name   string // display name; may equal Number
	Status string // Registered, Unavailable, Idle, Ringing, Busy, Hold, ... as the PBX says
	Type   string // SIP, FXS, IAX
	Port   string // FXS port, if any
}

// Online reports whether the extension's phone is reachable right now.
func (e Extension) Online() bool {
	switch strings.ToLower(e.Status) {
	case "registered", "idle", "ringing", "busy", "hold":
		return true
	}
	return false
}

// extensionList is the answer of both dialects: v1 calls the number "extnumber", v2 "number".
type extensionList struct {
	Extlist []struct {
		Number    string `json:"number"`
		ExtNumber string `json:"extnumber"`
		Username  string `json:"username"`
		Status    string `json:"status"`
		Type      string `json:"type"`
		Port      string `json:"port"`
	} `json:"extlist"`
}

// Extensions lists the PBX's extensions, sorted by number.
func (s *Session) Extensions(ctx context.Context) ([]Extension, error) {
	if _, _, err := s.ensureLogin(ctx); err != nil {
		return nil, err
	}
	endpoint := "extensionlist/query"
	if s.isV2() {
		endpoint = "extension/list"
	}
	var ans extensionList
	if err := s.call(ctx, endpoint, nil, &ans); err != nil {
		return nil, err
	}
	out := make([]Extension, 0, len(ans.Extlist))
	for _, e := range ans.Extlist {
		n := e.Number
		if n == "" {
			n = e.ExtNumber
		}
		out = append(out, Extension{Number: n, Name: e.Username, Status: e.Status, Type: e.Type, Port: e.Port})
	}
	sort.Slice(out, func(i, j int) bool { return lessNumber(out[i].Number, out[j].Number) })
	return out, nil
}

// lessNumber orders extension numbers numerically when they are digits ("999" < "1000").
func lessNumber(a, b string) bool {
	if len(a) != len(b) && isDigits(a) && isDigits(b) {
		return len(a) < len(b)
	}
	return a < b
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

package pbxsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// maxBody bounds a request body; real requests are a few hundred bytes.
const maxBody = 1 << 20

// readBody reads an API request body: a JSON object whose values are all
// strings. An empty body counts as an empty object (endpoints like
// extensionlist/query take none). ok is false for anything else, which the
// PBX answers with 20000.
func readBody(r io.Reader) (params map[string]string, ok bool) {
	raw, err := io.ReadAll(io.LimitReader(r, maxBody))
	if err != nil {
		return nil, false
	}
	return parseBody(raw)
}

// parseBody is the parsing half of readBody.
func parseBody(raw []byte) (map[string]string, bool) {
	params := map[string]string{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return params, true
	}
	var values map[string]any
	if err := json.Unmarshal(raw, &values); err != nil || values == nil {
		return nil, false
	}
	for k, v := range values {
		s, isString := v.(string)
		if !isString {
			return nil, false
		}
		params[k] = s
	}
	return params, true
}

// parseRawQuery decodes a query string the way the PBX does: pairs split on
// '&', the first '=' separates key and value, %XX is a byte (a malformed
// escape stays literal), and '+' is a space unless plusIsLiteral. The first
// occurrence of a key wins.
func parseRawQuery(raw string, plusIsLiteral bool) map[string]string {
	out := map[string]string{}
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k = unescapeQuery(k, plusIsLiteral)
		if _, seen := out[k]; !seen {
			out[k] = unescapeQuery(v, plusIsLiteral)
		}
	}
	return out
}

// unescapeQuery decodes %XX escapes and, unless plusIsLiteral, '+'.
func unescapeQuery(s string, plusIsLiteral bool) string {
	if !strings.ContainsAny(s, "%+") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		case c == '+' && !plusIsLiteral:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}

// remoteIP is the client's address from r.RemoteAddr; IPv4-mapped IPv6
// addresses are unmapped so that they compare equal to allowedip values.
func remoteIP(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return ip.Unmap().WithZone("")
}

package cdrclient

import (
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Default ports of the PBX web service, where its API lives too.
const (
	DefaultHTTPSPort = 8088
	DefaultHTTPPort  = 80
)

// ParseAddress turns what a user typed ("192.168.1.150", "pbx.example.com:9000",
// "http://10.0.0.5") into a base URL with scheme, host and port and nothing else:
// the scheme defaults to https, the port to 8088 for https and 80 for http.
func ParseAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", &InputError{Field: "address", Msg: "enter the PBX address"}
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", &InputError{Field: "address", Msg: "this is not a PBX address", Value: s}
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "https" && scheme != "http" {
		return "", &InputError{Field: "address", Msg: "the address must start with https:// or http://"}
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", &InputError{Field: "address", Msg: "give only the PBX address and port, like https://192.168.1.150:8088"}
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		return "", &InputError{Field: "address", Msg: "the PBX address has no host name"}
	}
	if port == "" {
		port = strconv.Itoa(DefaultHTTPSPort)
		if scheme == "http" {
			port = strconv.Itoa(DefaultHTTPPort)
		}
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", &InputError{Field: "address", Msg: "the port must be a number from 1 to 65535"}
	}
	return scheme + "://" + net.JoinHostPort(host, port), nil
}

// escapeQueryValue escapes a query value the way the PBX's own download links are
// written: a space becomes %20 (never "+", which the PBX may take literally), while the
// commas of an extension list and the colons of a time stay as they are.
func escapeQueryValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == ',', c == ':':
			b.WriteByte(c)
		default:
			const hex = "0123456789ABCDEF"
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

package connect

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"cdrdesk/cdrclient"
)

// address is a PBX address as the form's fields hold it.
type address struct {
	host   string // host name or IP, without brackets
	scheme string // "https" or "http"; "" when not given
	port   string // "" when not given
}

// splitAddress reads what was typed or pasted into the address field: a host name or
// IP, "host:port", "[IPv6]:port", or a whole URL copied from the browser such as
// "https://192.168.1.150:8088/#/login" (its path is dropped). split is false when s
// holds no more than a host, so there is nothing to spread over the other fields.
func splitAddress(s string) (a address, split bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || u.Hostname() == "" {
			return address{host: s}, false
		}
		scheme := strings.ToLower(u.Scheme)
		if scheme != "https" && scheme != "http" {
			scheme = ""
		}
		return address{host: u.Hostname(), scheme: scheme, port: u.Port()}, true
	}
	if net.ParseIP(s) != nil {
		return address{host: s}, false // a bare IPv6 address has colons but no port
	}
	if host, port, err := net.SplitHostPort(s); err == nil && host != "" && validPort(port) {
		return address{host: host, port: port}, true
	}
	if inner, ok := strings.CutPrefix(s, "["); ok && strings.HasSuffix(inner, "]") {
		return address{host: strings.TrimSuffix(inner, "]")}, true
	}
	return address{host: s}, false
}

// baseURL checks the form's address fields and joins them into the client's base URL.
// A full address left in the host field (typed rather than pasted) still counts.
func baseURL(host string, https bool, port string) (string, error) {
	a, _ := splitAddress(host)
	if a.host == "" {
		return cdrclient.ParseAddress("") // its "enter the PBX address"
	}
	scheme := "http"
	if https {
		scheme = "https"
	}
	if a.scheme != "" {
		scheme = a.scheme
	}
	if a.port == "" {
		a.port = strings.TrimSpace(port)
	}
	if a.port == "" {
		a.port = defaultPort(scheme == "https")
	}
	if !validPort(a.port) {
		return "", inputError("port", msgBadPort)
	}
	return cdrclient.ParseAddress(scheme + "://" + net.JoinHostPort(a.host, a.port))
}

// splitURL spreads a saved base URL over the form's fields.
func splitURL(base string) address {
	a, _ := splitAddress(base)
	if a.scheme == "" {
		a.scheme = "https"
	}
	if a.port == "" {
		a.port = defaultPort(a.scheme == "https")
	}
	return a
}

// defaultPort is the PBX web service's port: 8088 for HTTPS, 80 for HTTP.
func defaultPort(https bool) string {
	if https {
		return strconv.Itoa(cdrclient.DefaultHTTPSPort)
	}
	return strconv.Itoa(cdrclient.DefaultHTTPPort)
}

// validPort reports whether s is a port number, 1 to 65535, in plain digits.
func validPort(s string) bool {
	if s == "" || len(s) > 5 || strings.TrimLeft(s, "0123456789") != "" {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 65535
}

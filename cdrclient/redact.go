package cdrclient

// secretParams are the query parameters never shown: the session token, which lets
// anyone act as this user for 30 minutes, and the one-time download key.
var secretParams = []string{"token", "random"}

// Redact returns text with the value of every token and random query parameter
// replaced by "***". It is the one redaction that URLs pass through before anything
// shows or logs them. text may be a URL, one that does not parse, or any message with
// URLs in it (a parse error quotes the whole URL; a redirect names one). A parameter is
// recognised after any character that cannot end a longer name ('?', '&', ';', a quote,
// a space, the start) and also percent-encoded (%3Ftoken%3D…), as in a URL carried
// inside another URL's query.
func Redact(text string) string {
	var out []byte // nil until a secret is found
	last := 0      // text[last:] is not yet in out
	for i := 0; i < len(text); i++ {
		name, ok := secretAt(text, i)
		if !ok {
			continue
		}
		valueStart := i + len(name)
		valueEnd := endOfValue(text, valueStart)
		if valueEnd == valueStart {
			continue
		}
		out = append(append(out, text[last:valueStart]...), "***"...)
		last, i = valueEnd, valueEnd-1
	}
	if out == nil {
		return text
	}
	return string(append(out, text[last:]...))
}

// secretAt reports whether a secret parameter's "name=" (or "name%3D") starts at i,
// returning it as written.
func secretAt(text string, i int) (string, bool) {
	if !startsParam(text, i) {
		return "", false
	}
	for _, p := range secretParams {
		if !hasPrefixFold(text[i:], p) {
			continue
		}
		rest := text[i+len(p):]
		switch {
		case len(rest) > 0 && rest[0] == '=':
			return text[i : i+len(p)+1], true
		case hasPrefixFold(rest, "%3d"):
			return text[i : i+len(p)+3], true
		}
	}
	return "", false
}

// startsParam reports whether a parameter name can start at i: at the start of text,
// after a character that is not part of a name, or after an encoded '?' or '&'.
func startsParam(text string, i int) bool {
	if i == 0 {
		return true
	}
	if i >= 3 && (hasPrefixFold(text[i-3:], "%3f") || hasPrefixFold(text[i-3:], "%26")) {
		return true
	}
	c := text[i-1]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '%')
}

// endOfValue returns where a query value starting at i ends: at a separator, a
// fragment, white space, a quote or bracket that closes a quoted URL, or an encoded '&'.
func endOfValue(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '&', ';', '#', ' ', '\t', '\r', '\n', '"', '\'', '`', '<', '>', '(', ')', '[', ']', '{', '}', '\\':
			return j
		case '%':
			if hasPrefixFold(text[j:], "%26") || hasPrefixFold(text[j:], "%23") {
				return j
			}
		}
	}
	return len(text)
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

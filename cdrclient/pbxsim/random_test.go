package pbxsim

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const (
	dayStart = "2024-03-14 00:00:00"
	dayEnd   = "2024-03-14 23:59:59"
)

func TestGetRandomValidation(t *testing.T) {
	ok := func(change func(map[string]string)) map[string]string {
		q := map[string]string{"ext": "1000", "starttime": dayStart, "endtime": dayEnd}
		change(q)
		return q
	}
	tests := []struct {
		name  string
		query map[string]string // "ext" is renamed to the dialect's key
		errno string
	}{
		{"one extension", ok(func(map[string]string) {}), ""},
		{"all", ok(func(q map[string]string) { q["ext"] = "all" }), ""},
		{"several", ok(func(q map[string]string) { q["ext"] = "1000,1001,1023" }), ""},
		{"same second", ok(func(q map[string]string) { q["endtime"] = dayStart }), ""},
		{"allowedip", ok(func(q map[string]string) { q["allowedip"] = "192.168.5.20" }), ""},
		{"empty allowedip", ok(func(q map[string]string) { q["allowedip"] = "" }), ""},
		{"blank extension", ok(func(q map[string]string) { q["ext"] = "" }), ErrnoParamBlank},
		{"other dialect's key", ok(func(q map[string]string) { delete(q, "ext"); q["otherkey"] = "1000" }), ErrnoParamBlank},
		{"blank start", ok(func(q map[string]string) { delete(q, "starttime") }), ErrnoParamBlank},
		{"blank end", ok(func(q map[string]string) { q["endtime"] = "" }), ErrnoParamBlank},
		{"single-digit month", ok(func(q map[string]string) { q["starttime"] = "2024-3-14 00:00:00" }), ErrnoBadTime},
		{"single-digit hour", ok(func(q map[string]string) { q["starttime"] = "2024-03-14 0:00:00" }), ErrnoBadTime},
		{"ISO T", ok(func(q map[string]string) { q["starttime"] = "2024-03-14T00:00:00" }), ErrnoBadTime},
		{"date only", ok(func(q map[string]string) { q["endtime"] = "2024-03-14" }), ErrnoBadTime},
		{"hour 24", ok(func(q map[string]string) { q["endtime"] = "2024-03-14 24:00:00" }), ErrnoBadTime},
		{"February 30", ok(func(q map[string]string) { q["endtime"] = "2024-02-30 00:00:00" }), ErrnoBadTime},
		{"slashes", ok(func(q map[string]string) { q["endtime"] = "2024/03/14 23:59:59" }), ErrnoBadTime},
		{"end before start", ok(func(q map[string]string) { q["endtime"] = "2024-03-13 23:59:59" }), ErrnoBadTime},
		{"IPv6 allowedip", ok(func(q map[string]string) { q["allowedip"] = "::1" }), ErrnoBadAllowedIP},
		{"two allowedips", ok(func(q map[string]string) { q["allowedip"] = "10.0.0.1,10.0.0.2" }), ErrnoBadAllowedIP},
		{"short allowedip", ok(func(q map[string]string) { q["allowedip"] = "10.0.1" }), ErrnoBadAllowedIP},
		{"host name allowedip", ok(func(q map[string]string) { q["allowedip"] = "pc-17" }), ErrnoBadAllowedIP},
		{"unknown extension", ok(func(q map[string]string) { q["ext"] = "9999" }), ErrnoNoExtension},
		{"one unknown of two", ok(func(q map[string]string) { q["ext"] = "1000,9999" }), ErrnoNoExtension},
		{"space after comma", ok(func(q map[string]string) { q["ext"] = "1000, 1001" }), ErrnoNoExtension},
		{"ALL", ok(func(q map[string]string) { q["ext"] = "ALL" }), ErrnoNoExtension},
	}
	for _, version := range []string{V2, V1} {
		p := startPBX(t, version, nil)
		token := p.login()
		for _, tt := range tests {
			t.Run(version+" "+tt.name, func(t *testing.T) {
				body := map[string]string{}
				for k, v := range tt.query {
					switch k {
					case "ext":
						k = p.extKey()
					case "otherkey":
						k = map[string]string{V2: "extid", V1: "number"}[version]
					}
					body[k] = v
				}
				m := p.api("cdr/get_random", token, body)
				wantErrno(t, m, tt.errno)
				if tt.errno != "" {
					return
				}
				for _, k := range []string{p.extKey(), "starttime", "endtime"} {
					if m[k] != body[k] {
						t.Errorf("%s echoed %v, want %q", k, m[k], body[k])
					}
				}
				if r, _ := m["random"].(string); !isHex32(r) {
					t.Errorf("random %q", r)
				}
			})
		}
	}
}

// downloadWith fetches with a given random and query.
func (p *testPBX) downloadWith(token, random, exts, start, end string) map[string]any {
	p.t.Helper()
	resp, body := p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, random, exts, start, end)), "")
	return decodeAnswer(p.t, resp, body)
}

func TestRandomIsOneTimeAndShortLived(t *testing.T) {
	p := startPBX(t, V1, nil)
	token := p.login()
	other := p.login()
	tests := []struct {
		name  string
		use   func(r string) map[string]any
		errno string
	}{
		{"used twice", func(r string) map[string]any {
			resp, body := p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, r, "all", dayStart, dayEnd)), "")
			p.wantCSV(resp, body, nil, dayStart, dayEnd)
			return p.downloadWith(token, r, "all", dayStart, dayEnd)
		}, ErrnoBadRandom},
		{"expired", func(r string) map[string]any {
			p.clock.Advance(RandomLifetime)
			return p.downloadWith(token, r, "all", dayStart, dayEnd)
		}, ErrnoBadRandom},
		{"other extension", func(r string) map[string]any { return p.downloadWith(token, r, "1000", dayStart, dayEnd) }, ErrnoBadRandom},
		{"other start", func(r string) map[string]any {
			return p.downloadWith(token, r, "all", "2024-03-14 00:00:01", dayEnd)
		}, ErrnoBadRandom},
		{"other end", func(r string) map[string]any {
			return p.downloadWith(token, r, "all", dayStart, "2024-03-14 23:59:58")
		}, ErrnoBadRandom},
		{"other token", func(r string) map[string]any { return p.downloadWith(other, r, "all", dayStart, dayEnd) }, ErrnoBadRandom},
		{"unknown random", func(string) map[string]any {
			return p.downloadWith(token, "0123456789abcdef0123456789abcdef", "all", dayStart, dayEnd)
		}, ErrnoBadRandom},
		{"no random", func(string) map[string]any { return p.downloadWith(token, "", "all", dayStart, dayEnd) }, ErrnoBadRandom},
		{"blank token", func(r string) map[string]any { return p.downloadWith("", r, "all", dayStart, dayEnd) }, ErrnoBlankToken},
		{"unknown token", func(r string) map[string]any { return p.downloadWith(upper(token), r, "all", dayStart, dayEnd) }, ErrnoNoToken},
		{"failed try uses it up", func(r string) map[string]any {
			wantErrno(t, p.downloadWith(token, r, "1000", dayStart, dayEnd), ErrnoBadRandom)
			return p.downloadWith(token, r, "all", dayStart, dayEnd)
		}, ErrnoBadRandom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := p.random(token, "all", dayStart, dayEnd)
			p.clock.Advance(RandomLifetime - time.Second)
			wantErrno(t, tt.use(r), tt.errno)
		})
	}
}

func TestDownloadTokenTimeout(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	r := p.random(token, "all", dayStart, dayEnd)
	p.clock.Advance(TokenLifetime)
	wantErrno(t, p.downloadWith(token, r, "all", dayStart, dayEnd), ErrnoTokenTimeout)
}

func TestPlusInDownloadQuery(t *testing.T) {
	tests := []struct {
		plusIsLiteral bool
		errno         string
	}{
		{false, ""},
		{true, ErrnoBadRandom},
	}
	for _, tt := range tests {
		p := startPBX(t, V1, func(o *Options) { o.PlusIsLiteral = tt.plusIsLiteral })
		token := p.login()
		r := p.random(token, "1000,1001", dayStart, dayEnd)
		query := "extid=1000%2C1001&starttime=" + strings.ReplaceAll(dayStart, " ", "+") +
			"&endtime=" + strings.ReplaceAll(dayEnd, " ", "+") + "&token=" + token + "&random=" + r
		resp, body := p.do(p.client, http.MethodGet, p.url("cdr/download", query), "")
		if tt.errno == "" {
			p.wantCSV(resp, body, []string{"1000", "1001"}, dayStart, dayEnd)
			continue
		}
		wantErrno(t, decodeAnswer(t, resp, body), tt.errno)
	}
}

func TestAllowedIP(t *testing.T) {
	p := startPBX(t, V2, nil)
	other := p.clientFrom("127.0.0.2")
	token := p.login()
	tests := []struct {
		name      string
		allowedIP string
		client    *http.Client
		errno     string
	}{
		{"login host without allowedip", "", p.client, ""},
		{"login host with allowedip", "127.0.0.2", p.client, ""},
		{"allowed host", "127.0.0.2", other, ""},
		{"other host without allowedip", "", other, ErrnoBadRandom},
		{"other host, another allowed", "127.0.0.3", other, ErrnoBadRandom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := map[string]string{"number": "all", "starttime": dayStart, "endtime": dayEnd}
			if tt.allowedIP != "" {
				body["allowedip"] = tt.allowedIP
			}
			m := p.api("cdr/get_random", token, body)
			wantErrno(t, m, "")
			u := p.url("cdr/download", p.downloadQuery(token, m["random"].(string), "all", dayStart, dayEnd))
			resp, data := p.do(tt.client, http.MethodGet, u, "")
			if tt.errno == "" {
				p.wantCSV(resp, data, nil, dayStart, dayEnd)
				return
			}
			wantErrno(t, decodeAnswer(t, resp, data), tt.errno)
		})
	}
}

package pbxsim

import (
	"net/http"
	"testing"
	"time"
)

// EchoEarlierStart: get_random echoes an earlier start, and the key is good for the
// echoed period (a download of it gets its rows), not for the period asked.
// RowsEarlierStart: the download of the period asked sends rows from earlier on.
func TestAnotherPeriodAnswered(t *testing.T) {
	const start, end, earlier = "2024-03-13 00:00:00", "2024-03-13 23:59:59", "2024-03-12 00:00:00"
	t.Run("echo", func(t *testing.T) {
		p := startPBX(t, V2, func(o *Options) { o.EchoEarlierStart = 24 * time.Hour })
		token := p.login()
		m := p.api("cdr/get_random", token, map[string]string{p.extKey(): "all", "starttime": start, "endtime": end})
		wantErrno(t, m, "")
		if m["starttime"] != earlier || m["endtime"] != end {
			t.Fatalf("echoed %v – %v, want %s – %s", m["starttime"], m["endtime"], earlier, end)
		}
		random := m["random"].(string)
		resp, body := p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, random, "all", earlier, end)), "")
		p.wantCSV(resp, body, nil, earlier, end)
		// The same key for the period asked is refused: it was granted for the echo.
		m = p.api("cdr/get_random", token, map[string]string{p.extKey(): "all", "starttime": start, "endtime": end})
		resp, body = p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, m["random"].(string), "all", start, end)), "")
		wantErrno(t, decodeAnswer(t, resp, body), ErrnoBadRandom)
	})
	t.Run("rows", func(t *testing.T) {
		p := startPBX(t, V1, func(o *Options) { o.RowsEarlierStart = 24 * time.Hour })
		resp, body := p.download(p.login(), "all", start, end)
		p.wantCSV(resp, body, nil, earlier, end)
	})
}

package pbxsim

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFail500Once(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	p.srv.Update(func(o *Options) { o.Fail500Once = true })
	r := p.random(token, "all", dayStart, dayEnd)
	u := p.url("cdr/download", p.downloadQuery(token, r, "all", dayStart, dayEnd))
	resp, _ := p.do(p.client, http.MethodGet, u, "")
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("HTTP %d, want 500", resp.StatusCode)
	}
	// The random is gone; a fresh one works.
	resp, body := p.do(p.client, http.MethodGet, u, "")
	wantErrno(t, decodeAnswer(t, resp, body), ErrnoBadRandom)
	resp, body = p.download(token, "all", dayStart, dayEnd)
	p.wantCSV(resp, body, nil, dayStart, dayEnd)
	if st := p.srv.Stats(); st.HTTPStatus[500] != 1 {
		t.Errorf("HTTP 500 counted %d times", st.HTTPStatus[500])
	}
}

func TestTimeoutOverDays(t *testing.T) {
	p := startPBX(t, V1, func(o *Options) { o.TimeoutOverDays = 2 })
	token := p.login()
	tests := []struct {
		start, end string
		status     int
	}{
		{"2024-03-12 00:00:00", "2024-03-13 23:59:59", http.StatusOK},
		{"2024-03-12 00:00:00", "2024-03-14 00:00:00", http.StatusOK},
		{"2024-03-12 00:00:00", "2024-03-14 00:00:01", http.StatusGatewayTimeout},
		{"2024-03-01 00:00:00", "2024-03-14 23:59:59", http.StatusGatewayTimeout},
	}
	for _, tt := range tests {
		resp, body := p.download(token, "all", tt.start, tt.end)
		if resp.StatusCode != tt.status {
			t.Errorf("%s..%s: HTTP %d, want %d", tt.start, tt.end, resp.StatusCode, tt.status)
		}
		if tt.status == http.StatusOK {
			p.wantCSV(resp, body, nil, tt.start, tt.end)
		}
	}
}

// getStream starts a download and returns the response with its body unread.
func (p *testPBX) getStream(token, exts, start, end string) *http.Response {
	p.t.Helper()
	r := p.random(token, exts, start, end)
	resp, err := p.client.Get(p.url("cdr/download", p.downloadQuery(token, r, exts, start, end)))
	if err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestDropAfterBytes(t *testing.T) {
	const start, end = "2024-03-01 00:00:00", "2024-03-14 23:59:59"
	tests := []struct {
		name           string
		closeDelimited bool
		wantErr        error // what reading the cut body reports
	}{
		{"chunked", false, io.ErrUnexpectedEOF},
		{"close-delimited", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const cut = 40000
			p := startPBX(t, V2, func(o *Options) { o.DropAfterBytes = cut; o.CloseDelimited = tt.closeDelimited })
			token := p.login()
			resp := p.getStream(token, "all", start, end)
			if chunked := len(resp.TransferEncoding) > 0; chunked == tt.closeDelimited {
				t.Errorf("TransferEncoding %v", resp.TransferEncoding)
			}
			got, err := io.ReadAll(resp.Body)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("read error %v, want %v", err, tt.wantErr)
			}
			want := expectedCSV(t, p.srv, nil, start, end)
			if len(got) != cut || string(got) != want[:cut] {
				t.Errorf("got %d bytes, want the first %d of the CSV", len(got), cut)
			}
			// Switched off while running, the same window comes whole.
			p.srv.Update(func(o *Options) { o.DropAfterBytes = 0 })
			resp2, body := p.download(token, "all", start, end)
			p.wantCSV(resp2, body, nil, start, end)
		})
	}
}

func TestDropAfterBytesBeyondBody(t *testing.T) {
	p := startPBX(t, V1, func(o *Options) { o.DropAfterBytes = 10 << 20 })
	token := p.login()
	resp, body := p.download(token, "1000", dayStart, dayEnd)
	p.wantCSV(resp, body, []string{"1000"}, dayStart, dayEnd)
}

func TestSlowBody(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.SlowBody = 2 * time.Millisecond })
	token := p.login()
	resp, body := p.download(token, "all", "2024-03-13 00:00:00", dayEnd)
	p.wantCSV(resp, body, nil, "2024-03-13 00:00:00", dayEnd)
}

func TestDownloadDelayEndsWithTheClient(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.DownloadDelay = time.Minute })
	token := p.login()
	r := p.random(token, "all", dayStart, dayEnd)
	impatient := pinnedClient(p.run.Cert, nil)
	impatient.Timeout = 100 * time.Millisecond
	if resp, err := impatient.Get(p.url("cdr/download", p.downloadQuery(token, r, "all", dayStart, dayEnd))); err == nil {
		resp.Body.Close()
		t.Fatal("a minute's delay did not time the client out")
	}
	p.srv.Update(func(o *Options) { o.DownloadDelay = time.Millisecond })
	resp, body := p.download(token, "all", dayStart, dayEnd)
	p.wantCSV(resp, body, nil, dayStart, dayEnd)
}

// TestDownloadDelayAnswersNothingToAClientThatLeft pins the cause of a flake of the test
// above: a handler that returned when the client went away made net/http send an empty
// "200 OK", which a client whose cancellation raced with it (as http.Client's Timeout
// can) took for an empty CSV. The simulator must abort the connection instead. The
// client here leaves by sending TLS close_notify and then reads what comes back.
func TestDownloadDelayAnswersNothingToAClientThatLeft(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.DownloadDelay = time.Minute })
	token := p.login()
	r := p.random(token, "all", dayStart, dayEnd)
	roots := pinnedClient(p.run.Cert, nil).Transport.(*http.Transport).TLSClientConfig.RootCAs
	conn, err := tls.Dial("tcp", strings.TrimPrefix(p.run.URL, "https://"), &tls.Config{RootCAs: roots})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	target := strings.TrimPrefix(p.url("cdr/download", p.downloadQuery(token, r, "all", dayStart, dayEnd)), p.run.URL)
	if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: pbx\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := conn.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(conn) // ends when the simulator closes the connection
	if len(got) != 0 {
		t.Errorf("the simulator answered a client that had left: %.80q", got)
	}
}

func TestCutAndGarbleAnswerOnce(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.CutAnswerOnce, o.GarbleAnswerOnce = "cdr/get_random", "cdr/get_random" })
	token := p.login() // another endpoint's answer is left alone
	raw, _ := json.Marshal(map[string]string{"number": "all", "starttime": dayStart, "endtime": dayEnd})
	ask := func() []byte {
		resp, body := p.do(p.client, http.MethodPost, p.url("cdr/get_random", "token="+token), string(raw))
		if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(body)) {
			t.Fatalf("HTTP %d, Content-Length %d for %d bytes", resp.StatusCode, resp.ContentLength, len(body))
		}
		return body
	}
	cut, garbled := ask(), ask()
	for _, body := range [][]byte{cut, garbled} {
		if json.Valid(body) {
			t.Errorf("spoilt answer is valid JSON: %q", body)
		}
	}
	if !strings.HasPrefix(string(cut), `{"status":"Success"`) || garbled[len(garbled)-1] != 0xff {
		t.Errorf("cut %q, garbled %q", cut, garbled)
	}
	p.random(token, "all", dayStart, dayEnd) // the faults fired once each
	if st := p.srv.Stats(); st.Randoms != 3 {
		t.Errorf("%d get_random requests, want 3", st.Randoms)
	}
}

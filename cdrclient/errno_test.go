package cdrclient_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"cdrdesk/cdrclient"
)

// TestErrnoPaths provokes the error numbers of the reference that a correct client
// never causes itself, by changing one request on its way to the simulator, and checks
// what the client makes of each.
func TestErrnoPaths(t *testing.T) {
	tests := []struct {
		errno    string
		endpoint string                // the request to change, once
		change   func(r *http.Request) // how
		recovers bool                  // the client gets over it by itself
	}{
		{"10004", "cdr/get_random", setBody(`{"starttime":"2026-05-01 00:00:00","endtime":"2026-05-01 23:59:59"}`), false},
		{"20005", "cdr/get_random", func(r *http.Request) { r.URL.RawQuery = "" }, true},
		{"20008", "login", setBody(`{"username":"api","password":"x","port":"not a port"}`), false},
		{"20015", "cdr/get_random", setBody(`{"number":"all","starttime":"2026-05-01 00:00:00","endtime":"2026-05-01 23:59:59","allowedip":"10.0.0.1,10.0.0.2"}`), false},
		{"20019", "cdr/get_random", setBody(`{"number":"all","starttime":"2026/05/01","endtime":"2026-05-01 23:59:59"}`), false},
	}
	for _, tt := range tests {
		t.Run(tt.errno, func(t *testing.T) {
			p := startPBX(t, nil)
			var changed atomic.Bool
			p.onRequest(func(r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/"+tt.endpoint) && !changed.Swap(true) {
					tt.change(r)
				}
			})
			q := days("2026-05-01", 1)
			var got bytes.Buffer
			_, err := p.session(t, func(c *cdrclient.Config) { c.APIVersion = cdrclient.VersionV2 }).Fetch(ctxT(t), q, &got, nil)
			if st := p.sim.Stats(); st.Errnos[tt.errno] != 1 {
				t.Fatalf("the simulator answered %v, not errno %s once", st.Errnos, tt.errno)
			}
			if tt.recovers {
				if err != nil || !bytes.Equal(got.Bytes(), p.served(t, q)) {
					t.Fatalf("did not recover: %v", err)
				}
				return
			}
			var api *cdrclient.APIError
			if !errors.As(err, &api) || api.Errno != tt.errno || !strings.Contains(err.Error(), cdrclient.ErrnoText(tt.errno)) {
				t.Fatalf("got %v, want an APIError %s with its meaning", err, tt.errno)
			}
		})
	}
}

// setBody replaces a request's JSON body.
func setBody(body string) func(r *http.Request) {
	return func(r *http.Request) {
		r.Body = io.NopCloser(strings.NewReader(body))
		r.ContentLength = int64(len(body))
	}
}

package cdrclient_test

import (
	"bytes"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// Windows grow while the PBX answers quickly and small: 120 days take 7, 14, 28 and 56
// days and then the remaining 15, instead of 18 weekly windows. A PBX that takes an
// eighth of the header limit (by the session's clock, moved by the test) keeps them
// weekly.
func TestFetchGrowsWindowsWhileQuick(t *testing.T) {
	tests := []struct {
		name      string
		perWindow time.Duration // the PBX's time per download, by the shared clock
		windows   int
	}{
		{"quick", 0, 5},
		{"slow", 5 * time.Second / 8, 18}, // the tests' header limit is 5 s
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPBX(t, nil)
			p.onRequest(func(r *http.Request) {
				if isDownload(r) {
					p.clock.Advance(tt.perWindow)
				}
			})
			q := days("2026-01-01", 120)
			var got bytes.Buffer
			var last cdrclient.Progress
			sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, func(pr cdrclient.Progress) { last = pr })
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), p.served(t, q)) {
				t.Fatal("windows joined differ from the whole range")
			}
			st := p.sim.Stats()
			if st.Randoms != tt.windows || sum.Windows != tt.windows || last.WindowsDone != tt.windows || last.WindowsTotal != tt.windows {
				t.Errorf("%d keys, summary %d windows, progress %+v; want %d windows", st.Randoms, sum.Windows, last, tt.windows)
			}
		})
	}
}

// A window grown past what the PBX manages is halved once and the rest of the range
// keeps to the half: 60 days with a PBX that times out over 10 days are 7 days, 14
// (504) split into 7 + 7, then 7-day windows, with a single 504.
func TestFetchGrownWindowHalvesOn504AndStaysSmall(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.TimeoutOverDays = 10 })
	var lengths []time.Duration // of each window asked for, in order
	var current [2]time.Time    // the window progress reports now
	var downloads atomic.Int32
	p.onRequest(func(r *http.Request) {
		if isDownload(r) {
			downloads.Add(1)
		}
	})
	q := days("2026-03-01", 60)
	var got bytes.Buffer
	_, err := p.session(t, nil).Fetch(ctxT(t), q, &got, func(pr cdrclient.Progress) {
		if w := [2]time.Time{pr.From, pr.To}; w != current {
			lengths = append(lengths, pr.To.Sub(pr.From)+time.Second)
			current = w
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("result after splitting differs from the whole range")
	}
	st := p.sim.Stats()
	if st.HTTPStatus[http.StatusGatewayTimeout] != 1 || downloads.Load() != 10 {
		t.Errorf("%d × 504 in %d downloads (windows %v); want 1 in 10", st.HTTPStatus[http.StatusGatewayTimeout], downloads.Load(), lengths)
	}
	week := 7 * 24 * time.Hour
	for i, l := range lengths {
		if i != 1 && l > week {
			t.Errorf("window %d is %v after a 14-day window timed out; want at most a week (%v)", i+1, l, lengths)
		}
	}
}

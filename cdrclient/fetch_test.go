package cdrclient_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

func TestFetchIsByteExact(t *testing.T) {
	quirks := map[string]func(*pbxsim.Options){
		"default":             nil,
		"BOM":                 func(o *pbxsim.Options) { o.BOM = true },
		"LF":                  func(o *pbxsim.Options) { o.LF = true },
		"GBK":                 func(o *pbxsim.Options) { o.GBK = true },
		"GBK+BOM+LF":          func(o *pbxsim.Options) { o.GBK, o.BOM, o.LF = true, true, true },
		"dstrunkname":         func(o *pbxsim.Options) { o.HeaderSpelling = "dstrunkname" },
		"close-delimited":     func(o *pbxsim.Options) { o.CloseDelimited = true },
		"plus is literal":     func(o *pbxsim.Options) { o.PlusIsLiteral = true },
		"v1 dialect":          func(o *pbxsim.Options) { o.Versions = []string{pbxsim.V1} },
		"errors sent as file": func(o *pbxsim.Options) { o.DownloadErrorsAsFile = true },
	}
	for name, mod := range quirks {
		t.Run(name, func(t *testing.T) {
			p := startPBX(t, mod)
			for _, q := range []cdrclient.Query{
				days("2026-05-01", 3),                  // one window
				days("2026-04-01", 20, "1000", "1003"), // three windows, two extensions
			} {
				var got bytes.Buffer
				sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil)
				if err != nil {
					t.Fatal(err)
				}
				want := p.served(t, q)
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("%v: fetched %d bytes, the PBX serves %d for the range; first difference at %d",
						q.Start, got.Len(), len(want), firstDiff(got.Bytes(), want))
				}
				table := cdrclient.NewTable()
				table.Write(want)
				table.Close()
				if sum.Records != int64(table.Len()) || sum.Bytes != int64(len(want)) || table.Len() == 0 {
					t.Errorf("summary %+v, want %d records, %d bytes", sum, table.Len(), len(want))
				}
			}
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func TestFetchWindowsAndProgress(t *testing.T) {
	p := startPBX(t, nil)
	q := days("2026-03-01", 31) // windows of 7, 14 and the remaining 10 days: each answered quickly
	var last cdrclient.Progress
	calls := 0
	var got bytes.Buffer
	sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, func(pr cdrclient.Progress) {
		calls++
		if pr.WindowsDone < last.WindowsDone || pr.Bytes < last.Bytes || pr.Records < last.Records {
			t.Errorf("progress went backwards: %+v after %+v", pr, last)
		}
		last = pr
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := p.sim.Stats(); st.Randoms != 3 || st.Downloads != 3 || sum.Windows != 3 {
		t.Errorf("%d get_random, %d downloads, summary %d windows; want 3 each", st.Randoms, st.Downloads, sum.Windows)
	}
	if last.WindowsDone != 3 || last.WindowsTotal != 3 || last.Bytes != int64(got.Len()) || last.Records != sum.Records {
		t.Errorf("final progress %+v, summary %+v, %d bytes", last, sum, got.Len())
	}
	if calls < 4 {
		t.Errorf("progress reported %d times for 3 windows", calls)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("windows joined differ from the whole range")
	}
}

func TestFetchHalvesWindowsOn504(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.TimeoutOverDays = 2 })
	q := days("2026-05-01", 7)
	var got bytes.Buffer
	var last cdrclient.Progress
	_, err := p.session(t, nil).Fetch(ctxT(t), q, &got, func(pr cdrclient.Progress) { last = pr })
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("result after splitting differs from the whole range")
	}
	// 7 days → 3.5 → 1.75: two failed levels, then four windows. The second 3.5-day
	// half is as long as a window that failed, so it is halved without asking.
	if st := p.sim.Stats(); st.HTTPStatus[http.StatusGatewayTimeout] != 2 || last.WindowsTotal != 4 {
		t.Errorf("504s: %d, windows %d; want 2 and 4", st.HTTPStatus[http.StatusGatewayTimeout], last.WindowsTotal)
	}
}

// The header limit (500 ms) also bounds the login and key requests, so it leaves a
// loaded machine time to answer those; the 5 s delay still outlasts it tenfold.
func TestFetchGivesUpBelowOneHour(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.DownloadDelay = 5 * time.Second })
	s := p.session(t, func(c *cdrclient.Config) { c.Timeouts.Header = 500 * time.Millisecond })
	q := cdrclient.Query{Start: testStart, End: testStart.Add(3*time.Hour - time.Second)}
	var last cdrclient.Progress
	_, err := s.Fetch(ctxT(t), q, &bytes.Buffer{}, func(pr cdrclient.Progress) { last = pr })
	var ce *cdrclient.ConnectionError
	if !errors.As(err, &ce) || !ce.Timeout {
		t.Fatalf("got %v, want a timeout", err)
	}
	// 3 h → 1.5 h + 1.5 h; a 1.5 h window is not split into pieces under an hour.
	if last.WindowsTotal != 2 {
		t.Errorf("%d windows, want 2", last.WindowsTotal)
	}
}

func TestFetchTokenExpiresBetweenWindows(t *testing.T) {
	p := startPBX(t, nil)
	var downloads atomic.Int32
	p.onRequest(func(r *http.Request) {
		if isDownload(r) && downloads.Add(1) == 2 {
			p.clock.Advance(31 * time.Minute) // the token dies during the second window
		}
	})
	q := days("2026-03-01", 28)
	var got bytes.Buffer
	if _, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("result differs from the whole range")
	}
	if st := p.sim.Stats(); st.Logins != 2 {
		t.Errorf("%d logins, want 2", st.Logins)
	}
}

func TestFetchReplacesExpiredKeyOnce(t *testing.T) {
	p := startPBX(t, nil)
	var downloads atomic.Int32
	p.onRequest(func(r *http.Request) {
		if isDownload(r) && downloads.Add(1) == 1 {
			p.clock.Advance(31 * time.Second) // the first key expires before it is used
		}
	})
	q := days("2026-05-01", 2)
	var got bytes.Buffer
	if _, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("result differs")
	}
	if st := p.sim.Stats(); st.Randoms != 2 || st.Errnos[cdrclient.ErrnoBadRandom] != 1 {
		t.Errorf("%d randoms, %d × 20020; want 2 and 1", st.Randoms, st.Errnos[cdrclient.ErrnoBadRandom])
	}

	// A key that is refused again is not retried forever.
	p.onRequest(func(r *http.Request) {
		if isDownload(r) {
			p.clock.Advance(31 * time.Second)
		}
	})
	_, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil)
	var api *cdrclient.APIError
	if !errors.As(err, &api) || api.Errno != cdrclient.ErrnoBadRandom {
		t.Fatalf("got %v, want errno 20020", err)
	}
}

func TestFetchNoRecords(t *testing.T) {
	for _, as20021 := range []bool{false, true} {
		p := startPBX(t, func(o *pbxsim.Options) { o.EmptyAs20021 = as20021 })
		// One second in the small hours: no calls.
		q := cdrclient.Query{Start: time.Date(2026, 5, 20, 3, 0, 0, 0, time.UTC), End: time.Date(2026, 5, 20, 3, 0, 1, 0, time.UTC)}
		var got bytes.Buffer
		sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil)
		if err != nil {
			t.Fatalf("20021=%v: %v", as20021, err)
		}
		if sum.Records != 0 || !strings.HasPrefix(got.String(), "callid,timestart,") {
			t.Errorf("20021=%v: %d records, output %q; want a header only", as20021, sum.Records, got.String())
		}
	}
}

func TestFetchRetriesServerErrorOnce(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.Fail500Once = true })
	q := days("2026-05-01", 1)
	var got bytes.Buffer
	if _, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), p.served(t, q)) {
		t.Error("result differs")
	}
}

func TestFetchDroppedConnection(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.DropAfterBytes = 5000 })
	_, err := p.session(t, nil).Fetch(ctxT(t), days("2026-05-01", 3), &bytes.Buffer{}, nil)
	var ce *cdrclient.ConnectionError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a ConnectionError", err)
	}
	if st := p.sim.Stats(); st.Downloads != 2 {
		t.Errorf("%d downloads: a window cut off is downloaded once more, no more", st.Downloads)
	}
}

// The margins are wide (a 2 s stall against a 100 ms limit) so a loaded machine cannot
// deliver a chunk before the idle timer fires.
func TestFetchStalledBody(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.SlowBody = 2 * time.Second })
	s := p.session(t, func(c *cdrclient.Config) { c.Timeouts.Idle = 100 * time.Millisecond })
	q := cdrclient.Query{Start: testStart, End: testStart.Add(2*time.Hour - time.Second)}
	_, err := s.Fetch(ctxT(t), q, &bytes.Buffer{}, nil)
	var ce *cdrclient.ConnectionError
	if !errors.As(err, &ce) || !ce.Timeout {
		t.Fatalf("got %v, want a timeout", err)
	}
}

func TestFetchCancel(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.SlowBody = 50 * time.Millisecond })
	ctx, cancel := context.WithCancel(ctxT(t))
	_, err := p.session(t, nil).Fetch(ctx, days("2026-01-01", 60), &bytes.Buffer{}, func(pr cdrclient.Progress) {
		if pr.Bytes > 0 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if st := p.sim.Stats(); st.Downloads > 2 {
		t.Errorf("%d downloads after cancelling during the first", st.Downloads)
	}
}

func TestFetchUnknownExtension(t *testing.T) {
	p := startPBX(t, nil)
	_, err := p.session(t, nil).Fetch(ctxT(t), days("2026-05-01", 1, "9999"), &bytes.Buffer{}, nil)
	var api *cdrclient.APIError
	if !errors.As(err, &api) || api.Errno != cdrclient.ErrnoNoExtension {
		t.Fatalf("got %v, want errno 10006", err)
	}
}

func TestFetchRejectsBadQueries(t *testing.T) {
	p := startPBX(t, nil)
	good := days("2026-05-01", 1)
	tests := map[string]cdrclient.Query{
		"end before start": {Start: good.End, End: good.Start},
		"no range":         {},
		"IPv6 allowed ip":  {Start: good.Start, End: good.End, AllowedIP: "::1"},
		"two allowed ips":  {Start: good.Start, End: good.End, AllowedIP: "10.0.0.1,10.0.0.2"},
		"bad extension":    {Start: good.Start, End: good.End, Extensions: []string{"10 00"}},
	}
	for name, q := range tests {
		_, err := p.session(t, nil).Fetch(ctxT(t), q, &bytes.Buffer{}, nil)
		var ie *cdrclient.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v, want an InputError", name, err)
		}
	}
	if st := p.sim.Stats(); st.Requests != 0 {
		t.Errorf("bad queries reached the PBX: %d requests", st.Requests)
	}
}

func TestLinkHidesSecrets(t *testing.T) {
	p := startPBX(t, nil)
	s := p.session(t, nil)
	q := days("2026-05-01", 1, "1000", "1001")
	q.AllowedIP = "127.0.0.1"
	link, err := s.Link(ctxT(t), q)
	if err != nil {
		t.Fatal(err)
	}
	// v2 calls the extension parameter "number", v1 "extid".
	if !strings.Contains(link.URL, "/cdr/download?number=1000,1001&starttime=2026-05-01%2000:00:00&endtime=2026-05-01%2023:59:59&token=") {
		t.Errorf("link not composed as the seed shows: %s", link.URL)
	}
	if strings.Contains(link.String(), s.Token()) || !strings.Contains(link.String(), "token=***") {
		t.Errorf("String() shows the token: %s", link.String())
	}
	// The link works once from a plain HTTP client, as another program would use it.
	for i, want := range []string{"callid,", `"errno":"20020"`} {
		resp, err := (&http.Client{Transport: insecureTransport()}).Get(link.URL)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		resp.Body.Close()
		if !strings.Contains(b.String(), want) {
			t.Errorf("use %d: got %.60q, want %q", i+1, b.String(), want)
		}
	}
}

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

// recordingNames returns the recording names the simulator's CSV lists for a day.
func recordingNames(t *testing.T, p *pbx, day string) []string {
	t.Helper()
	table := cdrclient.NewTable()
	table.Write(p.served(t, days(day, 1)))
	if err := table.Close(); err != nil {
		t.Fatal(err)
	}
	col := table.Column(cdrclient.ColRecording)
	var names []string
	for row := range table.Len() {
		if name := table.Field(row, col); name != "" {
			names = append(names, name)
		}
	}
	if len(names) < 3 {
		t.Fatalf("only %d recordings on %s", len(names), day)
	}
	return names
}

// wantRecording is the file the simulator serves under name.
func wantRecording(t *testing.T, p *pbx, name string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.sim.WriteRecording(&b, name); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func isRecordingDownload(r *http.Request) bool {
	return strings.HasSuffix(r.URL.Path, "/recording/download")
}

func TestRecordingByteForByte(t *testing.T) {
	for _, version := range []string{pbxsim.V2, pbxsim.V1} {
		t.Run(version, func(t *testing.T) {
			p := startPBX(t, func(o *pbxsim.Options) { o.Versions = []string{version} })
			name := recordingNames(t, p, "2026-05-04")[0]
			var got bytes.Buffer
			n, err := p.session(t, nil).Recording(ctxT(t), name, &got)
			if err != nil {
				t.Fatal(err)
			}
			want := wantRecording(t, p, name)
			if !bytes.Equal(got.Bytes(), want) || n != int64(len(want)) {
				t.Fatalf("got %d bytes (n=%d), want the %d served", got.Len(), n, len(want))
			}
			if !bytes.HasPrefix(want, []byte("RIFF")) || string(want[8:16]) != "WAVEfmt " || int64(len(want)) != pbxsim.RecordingSize(pbxsim.DefaultRecordingSeconds) {
				t.Errorf("not the WAV file expected: % x…", want[:16])
			}
			if st := p.sim.Stats(); st.RecordingRandoms != 1 || st.RecordingDownloads != 1 {
				t.Errorf("%d keys, %d downloads; want 1 and 1", st.RecordingRandoms, st.RecordingDownloads)
			}
		})
	}
}

// TestRecordingRetries: what the CDR download replaces once, a recording's download
// replaces once too, and the file still comes whole.
func TestRecordingRetries(t *testing.T) {
	cases := []struct {
		name      string
		mod       func(*pbxsim.Options)
		atFirst   func(p *pbx) // runs before the first download request reaches the PBX
		randoms   int
		downloads int
		logins    int
	}{
		{name: "expired key", atFirst: func(p *pbx) { p.clock.Advance(31 * time.Second) }, randoms: 2, downloads: 2, logins: 1},
		{name: "token forgotten", atFirst: func(p *pbx) { p.clock.Advance(31 * time.Minute) }, randoms: 2, downloads: 2, logins: 2},
		{name: "HTTP 500", mod: func(o *pbxsim.Options) { o.Recordings.Fail500Once = true }, randoms: 2, downloads: 2, logins: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := startPBX(t, c.mod)
			name := recordingNames(t, p, "2026-05-04")[1]
			var downloads atomic.Int32
			p.onRequest(func(r *http.Request) {
				if isRecordingDownload(r) && downloads.Add(1) == 1 && c.atFirst != nil {
					c.atFirst(p)
				}
			})
			var got bytes.Buffer
			if _, err := p.session(t, nil).Recording(ctxT(t), name, &got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), wantRecording(t, p, name)) {
				t.Error("the file differs from the one served")
			}
			st := p.sim.Stats()
			if st.RecordingRandoms != c.randoms || st.RecordingDownloads != c.downloads || st.Logins != c.logins {
				t.Errorf("%d keys, %d downloads, %d logins; want %d, %d, %d", st.RecordingRandoms, st.RecordingDownloads, st.Logins, c.randoms, c.downloads, c.logins)
			}
		})
	}
}

func TestRecordingKeyRefusedTwice(t *testing.T) {
	p := startPBX(t, nil)
	name := recordingNames(t, p, "2026-05-04")[0]
	p.onRequest(func(r *http.Request) {
		if isRecordingDownload(r) {
			p.clock.Advance(31 * time.Second) // every key expires before it is used
		}
	})
	var got bytes.Buffer
	_, err := p.session(t, nil).Recording(ctxT(t), name, &got)
	var api *cdrclient.APIError
	if !errors.As(err, &api) || api.Errno != cdrclient.ErrnoBadRecordingRandom {
		t.Fatalf("got %v, want errno 20012", err)
	}
	if st := p.sim.Stats(); st.RecordingRandoms != 2 || got.Len() != 0 {
		t.Errorf("%d keys and %d bytes written; want 2 keys, nothing written", st.RecordingRandoms, got.Len())
	}
	if strings.Contains(err.Error(), "random=") && !strings.Contains(err.Error(), "random=***") {
		t.Errorf("the error shows the key: %v", err)
	}
}

func TestRecordingMissing(t *testing.T) {
	p := startPBX(t, nil)
	names := recordingNames(t, p, "2026-05-04")
	cases := []struct {
		name  string
		gone  func()
		match string
	}{
		{name: "never there", gone: func() {}, match: "20260504000000-1.1-1000-1001-Internal.wav"},
		{name: "listed but deleted", gone: func() {
			p.sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{names[0]} })
		}, match: names[0]},
		{name: "deleted between key and download", gone: func() {
			p.onRequest(func(r *http.Request) {
				if isRecordingDownload(r) {
					p.sim.Update(func(o *pbxsim.Options) { o.Recordings.Missing = []string{names[1]} })
				}
			})
		}, match: names[1]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.gone()
			var got bytes.Buffer
			_, err := p.session(t, nil).Recording(ctxT(t), c.match, &got)
			var missing *cdrclient.RecordingMissingError
			if !errors.As(err, &missing) || missing.Name != c.match {
				t.Fatalf("got %v, want a RecordingMissingError for %s", err, c.match)
			}
			if got.Len() != 0 {
				t.Errorf("%d bytes written", got.Len())
			}
		})
	}
}

// TestRecordingCut: a body cut off is reported as cut, with or without a
// Content-Length (without one only the WAV header's size tells), and the next try
// brings the whole file.
func TestRecordingCut(t *testing.T) {
	for _, noLength := range []bool{false, true} {
		t.Run(map[bool]string{false: "Content-Length", true: "close-delimited"}[noLength], func(t *testing.T) {
			const cutAt = 20000
			p := startPBX(t, func(o *pbxsim.Options) {
				o.Recordings = pbxsim.RecordingOptions{DropAfterBytes: cutAt, DropOnce: true, NoLength: noLength}
			})
			name := recordingNames(t, p, "2026-05-04")[2]
			want := wantRecording(t, p, name)
			s := p.session(t, nil)
			var got bytes.Buffer
			n, err := s.Recording(ctxT(t), name, &got)
			var cut *cdrclient.RecordingCutError
			if !errors.As(err, &cut) {
				t.Fatalf("got %v after %d bytes, want a RecordingCutError", err, n)
			}
			if cut.Got != cutAt || cut.Size != int64(len(want)) || n != cutAt || !bytes.Equal(got.Bytes(), want[:cutAt]) {
				t.Errorf("cut after %d of %d (n=%d), want %d of %d", cut.Got, cut.Size, n, cutAt, len(want))
			}
			got.Reset()
			if _, err := s.Recording(ctxT(t), name, &got); err != nil || !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("second try: %v, %d bytes of %d", err, got.Len(), len(want))
			}
		})
	}
}

// TestRecordingStalls: a body that stops flowing is a timeout, not a cut, and the
// caller's cancellation is its own error.
func TestRecordingStalls(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.Recordings.SlowBody = time.Second })
	name := recordingNames(t, p, "2026-05-04")[0]
	s := p.session(t, func(c *cdrclient.Config) { c.Timeouts.Idle = 50 * time.Millisecond })
	_, err := s.Recording(ctxT(t), name, &bytes.Buffer{})
	var conn *cdrclient.ConnectionError
	if !errors.As(err, &conn) || !conn.Timeout {
		t.Fatalf("got %v, want a ConnectionError with Timeout", err)
	}

	p.sim.Update(func(o *pbxsim.Options) { o.Recordings.SlowBody = 0 })
	ctx, cancel := context.WithCancel(ctxT(t))
	body, err := p.session(t, nil).OpenRecording(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	cancel()
	if _, err := body.Read(make([]byte, 1<<20)); !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v, want context.Canceled", err)
	}
}

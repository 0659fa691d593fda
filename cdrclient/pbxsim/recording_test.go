package pbxsim

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// dayRecordings returns the recording names the CSV of dayStart's day lists.
func (p *testPBX) dayRecordings() []string {
	p.t.Helper()
	var b bytes.Buffer
	if err := p.srv.WriteCSV(&b, nil, mustWall(p.t, dayStart), mustWall(p.t, dayEnd)); err != nil {
		p.t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		p.t.Fatal(err)
	}
	var names []string
	for _, r := range rows[1:] {
		if r[11] != "" {
			names = append(names, r[11])
		}
	}
	if len(names) < 3 {
		p.t.Fatalf("only %d recordings", len(names))
	}
	return names
}

// recordingKey asks recording/get_random for name and returns the answer.
func (p *testPBX) recordingKey(token, name string) map[string]any {
	p.t.Helper()
	return p.api("recording/get_random", token, map[string]string{"recording": name})
}

// fetchRecording sends recording/download and returns the answer.
func (p *testPBX) fetchRecording(token, random, name string) (*http.Response, []byte) {
	p.t.Helper()
	q := "recording=" + url.QueryEscape(name) + "&random=" + random + "&token=" + token
	return p.do(p.client, http.MethodGet, p.url("recording/download", q), "")
}

func TestRecordingIsAWAVFromItsName(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.Recordings.Seconds = 3 })
	names := p.dayRecordings()
	token := p.login()
	var files [][]byte
	for _, name := range names[:2] {
		ans := p.recordingKey(token, name)
		wantErrno(t, ans, "")
		if ans["recording"] != name {
			t.Errorf("get_random echoed %v, want %s", ans["recording"], name)
		}
		resp, body := p.fetchRecording(token, ans["random"].(string), name)
		if resp.StatusCode != http.StatusOK || resp.ContentLength != RecordingSize(3) || int64(len(body)) != RecordingSize(3) {
			t.Fatalf("status %d, length %d, %d bytes; want 200 and %d", resp.StatusCode, resp.ContentLength, len(body), RecordingSize(3))
		}
		var want bytes.Buffer
		p.srv.WriteRecording(&want, name)
		if !bytes.Equal(body, want.Bytes()) {
			t.Error("the body is not WriteRecording's")
		}
		le := binary.LittleEndian
		if string(body[0:4]) != "RIFF" || int(le.Uint32(body[4:8])) != len(body)-8 || string(body[8:16]) != "WAVEfmt " ||
			le.Uint16(body[20:]) != 1 || le.Uint32(body[24:]) != 8000 || string(body[36:40]) != "data" || int(le.Uint32(body[40:])) != len(body)-44 {
			t.Errorf("not a PCM WAV header: % x", body[:44])
		}
		files = append(files, body)
	}
	if bytes.Equal(files[0][44:], files[1][44:]) {
		t.Error("two recordings have the same sound")
	}
}

func TestRecordingKeyIsOneTimeAndShortLived(t *testing.T) {
	p := startPBX(t, V1, nil)
	names := p.dayRecordings()
	token, other := p.login(), p.login()
	tests := []struct {
		name  string
		use   func(r string) (*http.Response, []byte)
		errno string
	}{
		{"in time", func(r string) (*http.Response, []byte) { return p.fetchRecording(token, r, names[0]) }, ""},
		{"used twice", func(r string) (*http.Response, []byte) {
			p.fetchRecording(token, r, names[0])
			return p.fetchRecording(token, r, names[0])
		}, ErrnoBadRecordingRandom},
		{"expired", func(r string) (*http.Response, []byte) {
			p.clock.Advance(time.Second)
			return p.fetchRecording(token, r, names[0])
		}, ErrnoBadRecordingRandom},
		{"other file", func(r string) (*http.Response, []byte) { return p.fetchRecording(token, r, names[1]) }, ErrnoBadRecordingRandom},
		{"other token", func(r string) (*http.Response, []byte) { return p.fetchRecording(other, r, names[0]) }, ErrnoBadRecordingRandom},
		{"a CDR key", func(string) (*http.Response, []byte) {
			return p.fetchRecording(token, p.random(token, "all", dayStart, dayEnd), names[0])
		}, ErrnoBadRecordingRandom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := p.recordingKey(token, names[0])
			p.clock.Advance(RandomLifetime - time.Second)
			resp, body := tt.use(ans["random"].(string))
			if tt.errno == "" {
				if !bytes.HasPrefix(body, []byte("RIFF")) {
					t.Fatalf("status %d, body %.80q; want the WAV", resp.StatusCode, body)
				}
				return
			}
			wantErrno(t, decodeAnswer(t, resp, body), tt.errno)
		})
	}
}

func TestRecordingMissingAndRenamed(t *testing.T) {
	p := startPBX(t, V2, nil)
	names := p.dayRecordings()
	odd := `2024:03|14 <call> a/b\c?*.wav`
	p.srv.Update(func(o *Options) {
		o.Recordings.Missing = []string{names[0]}
		o.Recordings.Names = map[string]string{names[1]: odd}
	})
	token := p.login()
	for _, name := range []string{names[0], names[1], "20240314093000-1710379800.101-1000-1001-Internal.wav", "x.wav", ""} {
		want := ErrnoNoRecording
		if name == "" {
			want = ErrnoParamBlank
		}
		wantErrno(t, p.recordingKey(token, name), want)
	}
	if renamed := p.dayRecordings(); !strings.Contains(strings.Join(renamed, "\n"), odd) {
		t.Fatalf("the CSV does not list %q", odd)
	}
	ans := p.recordingKey(token, odd)
	resp, body := p.fetchRecording(token, ans["random"].(string), odd)
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(body, []byte("RIFF")) {
		t.Fatalf("renamed recording: status %d, %.80q", resp.StatusCode, body)
	}
	// Deleted between the key and the download.
	ans = p.recordingKey(token, names[2])
	p.srv.Update(func(o *Options) { o.Recordings.Missing = append(o.Recordings.Missing, names[2]) })
	resp, body = p.fetchRecording(token, ans["random"].(string), names[2])
	wantErrno(t, decodeAnswer(t, resp, body), ErrnoNoRecording)
}

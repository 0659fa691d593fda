package pbxsim

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"slices"
	"testing"
)

func TestDownloadServesCSV(t *testing.T) {
	for _, version := range []string{V2, V1, V0} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			t.Run(version+" "+method, func(t *testing.T) {
				p := startPBX(t, version, nil)
				token := p.login()
				r := p.random(token, "all", dayStart, dayEnd)
				resp, body := p.do(p.client, method, p.url("cdr/download", p.downloadQuery(token, r, "all", dayStart, dayEnd)), "")
				p.wantCSV(resp, body, nil, dayStart, dayEnd)
				if cd := resp.Header.Get("Content-Disposition"); cd != "attachment; filename=cdr_20240314000000-20240314235959.csv" {
					t.Errorf("Content-Disposition %q", cd)
				}
				if !resp.Close {
					t.Error("download does not close the connection")
				}
				rows := bytes.Count(body, []byte("\r\n")) - 1
				st := p.srv.Stats()
				if st.Downloads != 1 || st.CSVDownloads != 1 || st.RowsServed != int64(rows) || st.BytesServed != int64(len(body)) {
					t.Errorf("stats %+v for %d rows, %d bytes", st, rows, len(body))
				}
				if rows < 50 {
					t.Errorf("only %d rows on a weekday", rows)
				}
			})
		}
	}
}

func TestDownloadSelectsExtensions(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	_, all := p.download(token, "all", dayStart, dayEnd)
	resp, some := p.download(token, "1000,1006", dayStart, dayEnd)
	p.wantCSV(resp, some, []string{"1000", "1006"}, dayStart, dayEnd)
	var want [][]string
	for _, rec := range readCSV(t, all)[1:] {
		if slices.Contains([]string{"1000", "1006"}, rec[2]) || slices.Contains([]string{"1000", "1006"}, rec[3]) {
			want = append(want, rec)
		}
	}
	got := readCSV(t, some)[1:]
	if len(got) == 0 || !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("selected %d rows, want the %d rows of 1000 or 1006 from all", len(got), len(want))
	}
}

// readCSV parses a whole CSV strictly (RFC 4180, 14 fields per record).
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return recs
}

// emptySecond finds a night second without calls on dayStart's date.
func emptySecond(t *testing.T, s *Server) string {
	t.Helper()
	for _, sec := range []string{"03:17:41", "02:44:09", "04:05:55", "01:30:00"} {
		ts := "2024-03-14 " + sec
		if csv := expectedCSV(t, s, nil, ts, ts); bytes.Count([]byte(csv), []byte("\n")) == 1 {
			return ts
		}
	}
	t.Fatal("no empty second found")
	return ""
}

func TestEmptyRange(t *testing.T) {
	tests := []struct {
		emptyAs20021 bool
		errno        string // "" = header-only CSV
	}{
		{false, ""},
		{true, ErrnoNoCDR},
	}
	for _, tt := range tests {
		p := startPBX(t, V1, func(o *Options) { o.EmptyAs20021 = tt.emptyAs20021 })
		token := p.login()
		ts := emptySecond(t, p.srv)
		resp, body := p.download(token, "all", ts, ts)
		if tt.errno != "" {
			wantErrno(t, decodeAnswer(t, resp, body), tt.errno)
			// A range with calls is still a CSV.
			resp, body = p.download(token, "all", dayStart, dayEnd)
			p.wantCSV(resp, body, nil, dayStart, dayEnd)
			continue
		}
		p.wantCSV(resp, body, nil, ts, ts)
		if string(body) != headerLine("", "\r\n") {
			t.Errorf("empty range gave %q", body)
		}
	}
}

func TestDownloadErrorsAsFile(t *testing.T) {
	p := startPBX(t, V2, func(o *Options) { o.DownloadErrorsAsFile = true })
	token := p.login()
	resp, body := p.do(p.client, http.MethodGet, p.url("cdr/download", p.downloadQuery(token, "nosuch", "all", dayStart, dayEnd)), "")
	if ct := resp.Header.Get("Content-Type"); ct != "application/octet-stream" {
		t.Errorf("Content-Type %q, want the file's", ct)
	}
	wantErrno(t, decodeAnswer(t, resp, body), ErrnoBadRandom)
	// Other endpoints are unchanged.
	resp, body = p.do(p.client, http.MethodPost, p.url("nosuch", ""), "")
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q of a non-download error", ct)
	}
	wantErrno(t, decodeAnswer(t, resp, body), ErrnoUnsupported)
}

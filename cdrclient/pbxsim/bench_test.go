package pbxsim

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// countingWriter counts bytes and discards them.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// benchmarkRange measures WriteCSV over [start, end] at perDay calls a day.
func benchmarkRange(b *testing.B, perDay int, start, end time.Time) {
	s := New(Options{CallsPerDay: perDay})
	var size countingWriter
	if err := s.WriteCSV(&size, nil, start, end); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size.n)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.WriteCSV(io.Discard, nil, start, end); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCSV generates a year at 2700 calls a day: about a million
// rows, the scale the client's benchmarks download.
func BenchmarkWriteCSV(b *testing.B) {
	benchmarkRange(b, 2700, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 23, 59, 59, 0, time.UTC))
}

// BenchmarkWriteCSVDay is one ordinary day of the demo PBX.
func BenchmarkWriteCSVDay(b *testing.B) {
	benchmarkRange(b, DefaultCallsPerDay, time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 14, 23, 59, 59, 0, time.UTC))
}

// BenchmarkDownloadTLS streams a month at 2700 calls a day over HTTPS on
// loopback, random and all.
func BenchmarkDownloadTLS(b *testing.B) {
	const start, end = "2023-03-01 00:00:00", "2023-03-31 23:59:59"
	p := startPBX(b, V2, func(o *Options) { o.CallsPerDay = 2700 })
	s := p.srv
	token := p.login()
	var size countingWriter
	if err := s.WriteCSV(&size, nil, mustWall(b, start), mustWall(b, end)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size.n)
	for b.Loop() {
		r := p.random(token, "all", start, end)
		resp, err := p.client.Get(p.url("cdr/download", p.downloadQuery(token, r, "all", start, end)))
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || n != size.n || resp.StatusCode != http.StatusOK {
			b.Fatalf("HTTP %d, %d bytes, %v", resp.StatusCode, n, err)
		}
	}
}

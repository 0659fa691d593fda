package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"testing"
)

var benchHeader = []string{"callid", "timestart", "callfrom", "callto", "callduraction", "talkduraction",
	"srctrunkname", "dsttrunkname", "status", "type", "pincode", "recording", "didnumber", "sn"}

// benchRows returns n realistic records, the same ones every time.
func benchRows(n int) [][]string {
	rng := rand.New(rand.NewPCG(1, 2))
	trunks := []string{"中国电信", "China Unicom SIP", "MEO", "深圳,南山 \"主干\"", ""}
	statuses := []string{"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "VOICEMAIL"}
	types := []string{"Inbound", "Outbound", "Internal", "Transfer"}
	start := int64(1589299528)
	rows := make([][]string, n)
	for i := range rows {
		start += rng.Int64N(120)
		ring, talk := rng.IntN(40), rng.IntN(4000)
		ext := fmt.Sprint(1000 + rng.IntN(100))
		outside := fmt.Sprintf("+86138%08d", rng.IntN(1e8))
		if rng.IntN(2) == 0 {
			outside = fmt.Sprintf("0755%08d", rng.IntN(1e8))
		}
		rows[i] = []string{
			fmt.Sprintf("%d.%d", start, i), fmt.Sprintf("2020-05-%02d %02d:%02d:%02d", 1+i%28, i%24, i%60, (i*7)%60),
			outside, ext, fmt.Sprint(ring + talk), fmt.Sprint(talk),
			trunks[rng.IntN(len(trunks))], trunks[rng.IntN(len(trunks))],
			statuses[rng.IntN(len(statuses))], types[rng.IntN(len(types))], "",
			fmt.Sprintf("20200512-%d-%s-%s.wav", start, outside, ext), "075588886666", "369392534749",
		}
	}
	return rows
}

// heapSampler remembers the largest live heap seen at its samples.
type heapSampler struct{ peak uint64 }

func (h *heapSampler) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
}

// sampledWriter samples the heap every few megabytes of output, so that the
// peak of Close (which writes the whole workbook) is seen too.
type sampledWriter struct {
	w       io.Writer
	h       *heapSampler
	written int
}

func (s *sampledWriter) Write(p []byte) (int, error) {
	if s.written/(4<<20) != (s.written+len(p))/(4<<20) {
		s.h.sample()
	}
	s.written += len(p)
	return s.w.Write(p)
}

func benchmarkWriter(b *testing.B, newWriter func(io.Writer) Writer) {
	const records = 100_000
	rows := benchRows(1000)
	var h heapSampler
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		out := &sampledWriter{w: io.Discard, h: &h}
		w := newWriter(out)
		if err := w.Header(benchHeader); err != nil {
			b.Fatal(err)
		}
		for i := range records {
			if err := w.Row(rows[i%len(rows)]); err != nil {
				b.Fatal(err)
			}
			if i%10_000 == 0 {
				h.sample()
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(out.written))
	}
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(h.peak)/(1<<20), "peak-heap-MB")
}

func BenchmarkExcelCSV(b *testing.B) {
	benchmarkWriter(b, func(w io.Writer) Writer { return NewExcelCSV(w, Options{}) })
}

func BenchmarkXLSX(b *testing.B) {
	b.Setenv("TMPDIR", b.TempDir())
	benchmarkWriter(b, func(w io.Writer) Writer { return NewXLSX(w, Options{}) })
}

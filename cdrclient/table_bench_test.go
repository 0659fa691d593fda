package cdrclient

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"sync"
	"testing"

	"cdrdesk/cdrclient/pbxsim"
)

// benchCSV is a year of a busy office from the PBX simulator (pbxsim.BusyYear, about
// a million rows), generated once per test binary.
var benchCSV = sync.OnceValue(func() []byte {
	o, from, to := pbxsim.BusyYear()
	var b bytes.Buffer
	if err := pbxsim.New(o).WriteCSV(&b, nil, from, to); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// benchRowsOnce counts the records of benchCSV with encoding/csv, the reference.
var benchRowsOnce = sync.OnceValue(func() int {
	r := csv.NewReader(bytes.NewReader(benchCSV()))
	r.ReuseRecord = true
	n := -1 // the header
	for {
		if _, err := r.Read(); err != nil {
			if err != io.EOF {
				panic(err)
			}
			return n
		}
		n++
	}
})

// feed writes data to w in 32 KiB pieces, as an HTTP body arrives.
func feed(tb testing.TB, w io.Writer, data []byte) {
	for len(data) > 0 {
		n := min(len(data), 32<<10)
		if _, err := w.Write(data[:n]); err != nil {
			tb.Fatal(err)
		}
		data = data[n:]
	}
}

func parseTable(tb testing.TB, data []byte) *Table {
	t := NewTable()
	feed(tb, t, data)
	if err := t.Close(); err != nil {
		tb.Fatal(err)
	}
	return t
}

func BenchmarkTableParse(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if parseTable(b, data).Len() != benchRowsOnce() {
			b.Fatal("wrong row count")
		}
	}
	b.StopTimer()
	b.ReportMetric(tableMemRatio(b, data), "mem-ratio")
}

// tableMemRatio measures the heap a parsed table holds (raw bytes and index) per CSV byte.
func tableMemRatio(b *testing.B, data []byte) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t := parseTable(b, data)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(t)
	return float64(after.HeapAlloc-before.HeapAlloc) / float64(len(data))
}

func BenchmarkEncodingCSVBaseline(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = true, -1, true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchRowsOnce()+1 {
			b.Fatal("wrong row count")
		}
	}
}

func BenchmarkEncodingCSVKeep(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.LazyQuotes, r.FieldsPerRecord = true, -1
		recs, err := r.ReadAll()
		if err != nil || len(recs) != benchRowsOnce()+1 {
			b.Fatal(err, len(recs))
		}
	}
}

// countingHandler counts rows and looks at every field so the work is not optimised away.
type countingHandler struct{ rows, bytes int }

func (h *countingHandler) Header(cols []string) error { return nil }

func (h *countingHandler) Row(fields []string) error {
	h.rows++
	for _, f := range fields {
		h.bytes += len(f)
	}
	return nil
}

func BenchmarkRowParser(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var h countingHandler
		p := NewRowParser(&h)
		feed(b, p, data)
		if err := p.Close(); err != nil || h.rows != benchRowsOnce() {
			b.Fatal(err, h.rows)
		}
	}
}

// BenchmarkJoiner joins the year as 52 weekly windows, each with its own header.
func BenchmarkJoiner(b *testing.B) {
	data := benchCSV()
	header := bytes.IndexByte(data, '\n') + 1
	var windows [][]byte
	body := data[header:]
	per := len(body) / 52
	for len(body) > 0 {
		cut := min(len(body), per)
		if i := bytes.IndexByte(body[cut:], '\n'); i >= 0 {
			cut += i + 1
		} else {
			cut = len(body)
		}
		windows = append(windows, append(bytes.Clone(data[:header]), body[:cut]...))
		body = body[cut:]
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		j := NewJoiner(io.Discard)
		for _, w := range windows {
			j.BeginWindow()
			feed(b, j, w)
		}
		if err := j.Close(); err != nil || j.Records() != int64(benchRowsOnce()) || j.Bytes() != int64(len(data)) {
			b.Fatal(err, j.Records(), j.Bytes())
		}
	}
}

package cdrclient

import (
	"bytes"
	"testing"
)

// FuzzRowDates: whatever a PBX sends and however it is cut into writes, rowDates passes
// the bytes on unchanged, never panics, and reports only dates that are in the bytes.
func FuzzRowDates(f *testing.F) {
	f.Add([]byte("callid,timestart\r\n1,2026-05-01 00:00:00\r\n2,\"2026-05-02 10:00:00\"\n"), uint8(7), true)
	f.Add([]byte("\r\n1,2026-05-01 00:00:00,\"a\r\nb\"\r\n\r\n"), uint8(1), false)
	f.Add(bytes.Repeat([]byte("1,2026-05-01 00:00:00,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"), 200), uint8(200), false)
	f.Fuzz(func(t *testing.T, data []byte, cut uint8, first bool) {
		var out bytes.Buffer
		d := newRowDates(&out)
		if !first {
			d.Write([]byte("callid,timestart\r\n"))
		}
		d.begin()
		step := int(cut) + 1
		for p := data; len(p) > 0; {
			n := min(step, len(p))
			d.Write(p[:n])
			p = p[n:]
		}
		if want := data; !bytes.HasSuffix(out.Bytes(), want) {
			t.Fatal("bytes not passed on unchanged")
		}
		for _, ts := range d.end(1) {
			if !bytes.Contains(data, []byte(ts.Format(TimeLayout))) {
				t.Fatalf("date %v is not in the input", ts)
			}
		}
	})
}

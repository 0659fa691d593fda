package cdrclient

import (
	"bytes"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// taiyuan is 太原 in GBK: bytes that are also valid UTF-8 (U+032B U+052D).
const taiyuan = "\xcc\xab\xd4\xad"

// gbkAt returns a CSV whose first non-ASCII byte is at the start of its second row and
// whose first byte that is not valid UTF-8 (电 in GBK) is at offset from there.
func gbkAt(offset int) []byte {
	var b bytes.Buffer
	b.WriteString("trunk\n")
	row := strings.Repeat(taiyuan, 30) + "\n" // 121 bytes, like a PBX row
	for b.Len()-len("trunk\n")+len(row) <= offset {
		b.WriteString(row)
	}
	b.WriteString(strings.Repeat("x", offset-(b.Len()-len("trunk\n"))))
	b.WriteString("\xb5\xe7\xd0\xc5\n")
	return b.Bytes()
}

// TestEncodingDecision: one decision per input, whatever spans it comes in.
func TestEncodingDecision(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"ASCII", []byte("a,b\n1,2\n"), EncodingUTF8},
		{"UTF-8", []byte("a\n电信\n太原\n"), EncodingUTF8},
		{"GBK", []byte("a\n\xb5\xe7\xd0\xc5\n"), EncodingGB18030},
		{"GBK that starts valid", []byte("a\n" + taiyuan + "\n1\n\xb5\xe7\xd0\xc5\n"), EncodingGB18030},
		{"BOM", []byte("\xef\xbb\xbfa\n\xb5\xe7\n"), EncodingUTF8},
		{"U+FFFD is valid", []byte("a\n\xef\xbf\xbd\n"), EncodingUTF8},
		{"invalid just inside the bound", gbkAt(decideWithin - 1), EncodingGB18030},
		{"invalid at the bound", gbkAt(decideWithin), EncodingUTF8},
	}
	for _, tc := range cases {
		whole := decide(tc.in, 0)
		rows := decide(tc.in, 1)
		if whole != tc.want || rows != tc.want {
			t.Errorf("%s: whole %s, row by row %s; want %s", tc.name, whole, rows, tc.want)
		}
	}
}

// decide runs the decision over in, whole (by 0) or a line at a time (by 1).
func decide(in []byte, by int) string {
	var d encodingDecision
	d.bom(checkBOM(in, true))
	if by == 0 {
		d.see(in)
	} else {
		for line := range bytes.Lines(in) {
			d.see(line)
		}
	}
	d.end()
	return d.encoding()
}

// TestReadersShareTheDecision: the window's Table and the exports' RowParser read
// every value the same, on inputs where a per-row rule would differ (GBK that is valid
// UTF-8 by chance) and around the decision's bound, however the bytes arrive.
func TestReadersShareTheDecision(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for _, in := range [][]byte{
		[]byte("trunk,n\n" + taiyuan + ",1\n\xb5\xe7\xd0\xc5,2\n"),
		[]byte(taiyuan + "\n" + taiyuan + "\n\xb5\xe7\xd0\xc5\n"),
		[]byte("trunk\n电信\n太原\n"),
		gbkAt(decideWithin - 1),
		gbkAt(decideWithin),
	} {
		tab := NewTable()
		tab.Write(in)
		if err := tab.Close(); err != nil {
			t.Fatal(err)
		}
		header, rows := expectedRows(tab)
		if tab.Len() < 2 {
			t.Fatalf("%.40q: %d rows", in, tab.Len())
		}
		for mode := range 3 {
			var h recordingHandler
			p := NewRowParser(&h)
			if len(in) > 1<<20 {
				writeChunks(p, in, mode, rnd) // byte by byte would take long
			} else {
				writeSplit(p, in, mode, rnd)
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(h.header, header) || !reflect.DeepEqual(h.rows, rows) {
				t.Fatalf("%.40q (mode %d, %s): the row parser reads %q…, the table %q…", in, mode, tab.Encoding(), h.rows[:1], rows[:1])
			}
		}
	}
}

// writeChunks writes data whole (mode 0) or in random pieces of up to 64 KiB.
func writeChunks(w io.Writer, data []byte, mode int, rnd *rand.Rand) {
	for len(data) > 0 {
		n := len(data)
		if mode > 0 {
			n = min(n, 1+rnd.IntN(64<<10))
		}
		w.Write(data[:n])
		data = data[n:]
	}
}

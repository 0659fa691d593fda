package block

import (
	"fmt"
	"slices"
	"testing"
)

// sample is a day of rows such as a PBX sends: several on one second, Chinese and
// empty values, a row without a callto.
func sample() Day {
	var d Day
	for i := range 500 {
		sec := int32(i * 97 % 86400)
		if i%7 == 0 && i > 0 {
			sec = d.Secs[i-1]
		}
		if i > 0 && sec < d.Secs[i-1] {
			sec = d.Secs[i-1]
		}
		to := fmt.Sprint(1000 + i%13)
		if i%11 == 0 {
			to = ""
		}
		d.Add(sec, fmt.Appendf(nil, "%d.%d,2024-03-04,%d,%s,ANSWERED,太原\r\n", 1709510400+int(sec), i, 2000+i%5, to), fmt.Sprint(2000+i%5), to)
	}
	return d
}

func equalDays(a, b Day) bool {
	return slices.Equal(a.Secs, b.Secs) && slices.EqualFunc(a.Rows, b.Rows, slices.Equal[[]byte]) &&
		slices.Equal(a.From, b.From) && slices.Equal(a.To, b.To)
}

func TestEncodeDecode(t *testing.T) {
	for _, d := range []Day{{}, sample()} {
		got, err := Decode(d.Encode())
		if err != nil || !equalDays(got, d) && d.Len() > 0 || got.Len() != d.Len() {
			t.Errorf("%d rows read back as %d (%v)", d.Len(), got.Len(), err)
		}
	}
}

// TestDecodeDamaged: a block with any byte changed, or cut, is ErrDamaged, never rows
// read wrong. Without the checksum, a changed byte among Snappy's literals (the raw
// rows) would decode into other rows.
func TestDecodeDamaged(t *testing.T) {
	good := sample().Encode()
	for _, tt := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"format byte", func(b []byte) []byte { b[0] = 7; return b }},
		{"checksum", func(b []byte) []byte { b[2] ^= 1; return b }},
		{"first compressed byte", func(b []byte) []byte { b[headerLen] ^= 0x10; return b }},
		{"middle byte", func(b []byte) []byte { b[len(b)/2] ^= 0x01; return b }},
		{"last byte", func(b []byte) []byte { b[len(b)-1] ^= 0x80; return b }},
		{"cut in half", func(b []byte) []byte { return b[:len(b)/2] }},
		{"cut to the header", func(b []byte) []byte { return b[:headerLen] }},
		{"too short for a header", func(b []byte) []byte { return b[:3] }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.damage(slices.Clone(good)))
			if err != ErrDamaged {
				t.Errorf("read %d rows, %v; want ErrDamaged", d.Len(), err)
			}
		})
	}
}

func TestSpanAndOf(t *testing.T) {
	var d Day
	for i, sec := range []int32{0, 10, 10, 20, 86399} {
		d.Add(sec, []byte{byte('a' + i)}, fmt.Sprint(1000+i), "2000")
	}
	for _, tt := range []struct {
		lo, hi int32
		i, j   int
	}{{-1, 86400, 0, 5}, {10, 10, 1, 3}, {11, 19, 3, 3}, {86399, 86400, 4, 5}, {21, 86398, 4, 4}} {
		if i, j := d.Span(tt.lo, tt.hi); i != tt.i || j != tt.j {
			t.Errorf("Span(%d, %d) = %d, %d; want %d, %d", tt.lo, tt.hi, i, j, tt.i, tt.j)
		}
	}
	for _, tt := range []struct {
		exts map[string]bool
		want []int
	}{{nil, []int{0, 1, 2, 3, 4}}, {map[string]bool{"1002": true}, []int{2}}, {map[string]bool{"2000": true}, []int{0, 1, 2, 3, 4}}, {map[string]bool{"9": true}, nil}} {
		var got []int
		for k := range d.Rows {
			if d.Of(k, tt.exts) {
				got = append(got, k)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Of %v: %v, want %v", tt.exts, got, tt.want)
		}
	}
}

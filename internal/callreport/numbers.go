package callreport

import "encoding/binary"

// NumberKey returns the form in which two external numbers are compared (the "same
// person" rule): spaces, "-", "(" and ")" removed; then a leading +<countryCode> or
// 00<countryCode> removed, otherwise a single leading 0. So with country code 86,
// "+86 138-1234-5678", "008613812345678", "013812345678" and "13812345678" all give
// "13812345678". Numbers are shown as the PBX wrote them and compared in this form.
func NumberKey(number, countryCode string) string {
	return string(appendNumberKey(nil, []byte(number), countryCode))
}

// appendNumberKey appends the comparison form of b to dst.
func appendNumberKey(dst, b []byte, cc string) []byte {
	start := len(dst)
	for _, c := range b {
		switch c {
		case ' ', '-', '(', ')':
		default:
			dst = append(dst, c)
		}
	}
	k := dst[start:]
	n := copy(k, k[numberPrefix(k, cc):])
	return dst[:start+n]
}

// numberPrefix returns the length of the prefix the comparison form removes from k,
// a number without separators: +<cc>, 00<cc>, or a single 0.
func numberPrefix(k []byte, cc string) int {
	switch {
	case len(k) > len(cc) && k[0] == '+' && string(k[1:1+len(cc)]) == cc:
		return 1 + len(cc)
	case len(k) >= 2+len(cc) && k[0] == '0' && k[1] == '0' && string(k[2:2+len(cc)]) == cc:
		return 2 + len(cc)
	case len(k) > 0 && k[0] == '0':
		return 1
	}
	return 0
}

// Packed keys: a number of up to 17 digits packs exactly into an integer, so that a
// million numbers are compared and sorted without a string each. Bits 57-61 hold the
// count of digits (leading zeros matter), bits 0-56 the value (10^17 < 2^57). Other
// keys are numbered in a dictionary and carry dictBit; key 0 is "no number".
const (
	maxPackedDigits = 17
	lengthShift     = 57
	dictBit         = 1 << 63
)

// packDigits packs a run of at most 17 ASCII digits; ok is false for anything else
// (and for the empty run, which is key 0).
func packDigits(b []byte) (key uint64, ok bool) {
	if len(b) > maxPackedDigits {
		return 0, false
	}
	v, ok := digitsValue(b)
	return uint64(len(b))<<lengthShift | v, ok
}

// digitsValue reads a run of 1 to 19 ASCII digits as a number; ok is false for an
// empty or longer run and for any other byte. Numbers, callids and durations are most
// of what the fold reads, so eight digits at a time are checked and converted inside
// one 64-bit word (SWAR: pairs, then fours, then eight by multiplying).
func digitsValue(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var v uint64
	for ; len(b) >= 8; b = b[8:] {
		x := binary.LittleEndian.Uint64(b) // the first digit in the lowest byte
		// Every byte 0x30-0x39: its high half 3, and adding 6 leaves it 3 (no byte
		// carries, as the first test keeps every byte below 0x40).
		if x&0xf0f0f0f0f0f0f0f0 != 0x3030303030303030 || (x+0x0606060606060606)&0xf0f0f0f0f0f0f0f0 != 0x3030303030303030 {
			return 0, false
		}
		x &= 0x0f0f0f0f0f0f0f0f
		x = (x * (10<<8 + 1) >> 8) & 0x00ff00ff00ff00ff    // pairs: 10*d0 + d1
		x = (x * (100<<16 + 1) >> 16) & 0x0000ffff0000ffff // fours
		x = x * (10000<<32 + 1) >> 32                      // eight
		v = v*100000000 + x
	}
	for _, c := range b {
		d := c - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + uint64(d)
	}
	return v, true
}

// appendUnpacked appends the digits a packed key stands for.
func appendUnpacked(dst []byte, key uint64) []byte {
	n := int(key >> lengthShift)
	v := key & (1<<lengthShift - 1)
	var digits [maxPackedDigits]byte
	for i := n - 1; i >= 0; i-- {
		digits[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, digits[:n]...)
}

// numberForm is how an external number is written when that is its packed
// comparison form with at most a prefix: the grid's text is then made from the key,
// without reaching the row again (rows reached at random are slow to read).
type numberForm uint8

const (
	formOther numberForm = iota // anything else: read from the row
	formBare                    // the form itself
	formZero                    // "0", then the form
	formPlus                    // "+", the country code, then the form
)

// appendNumber appends what form writes for key (not formOther).
func (form numberForm) appendNumber(dst []byte, key uint64, cc string) []byte {
	switch form {
	case formZero:
		dst = append(dst, '0')
	case formPlus:
		dst = append(append(dst, '+'), cc...)
	}
	return appendUnpacked(dst, key)
}

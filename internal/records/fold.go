package records

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// pattern is a search string for a case-insensitive substring test over bytes. ASCII
// letters fold; every other byte must match exactly, which is enough here: numbers
// and Chinese have no case, and ASCII bytes never occur inside a multi-byte UTF-8
// character.
type pattern struct {
	s          []byte // ASCII letters in lower case
	fold0      uint64 // 0x20 in every byte if s[0] is a letter, else 0
	fold1      uint64 // the same for s[1]
	pair0      uint64 // s[0] in every byte
	pair1      uint64 // s[1] in every byte
	hasLetters bool
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

func newPattern(s []byte) pattern {
	p := pattern{s: lowerASCII(s)}
	for _, c := range p.s {
		p.hasLetters = p.hasLetters || isLowerLetter(c)
	}
	if len(p.s) >= 2 {
		p.pair0, p.pair1 = uint64(p.s[0])*ones, uint64(p.s[1])*ones
		p.fold0, p.fold1 = foldBits(p.s[0]), foldBits(p.s[1])
	}
	return p
}

func foldBits(c byte) uint64 {
	if isLowerLetter(c) {
		return 0x20 * ones
	}
	return 0
}

// in reports whether hay contains the pattern.
func (p *pattern) in(hay []byte) bool { return p.index(hay) >= 0 }

// index returns the index of the first occurrence of the pattern in hay, or -1.
func (p *pattern) index(hay []byte) int {
	switch {
	case len(p.s) == 0:
		return 0
	case len(p.s) == 1 && !p.hasLetters:
		return bytes.IndexByte(hay, p.s[0])
	case len(p.s) == 1:
		return indexEither(hay, p.s[0], p.s[0]-'a'+'A')
	}
	return p.indexPairs(hay)
}

// indexPairs finds candidates by the pattern's first two bytes, eight positions at
// a time (SWAR: a byte of a|b is zero where both bytes match), and checks each. In
// CDR text every digit is common, so single-byte scans (bytes.Index starts with
// IndexByte) stop too often on short rows; two bytes rarely match by chance.
func (p *pattern) indexPairs(hay []byte) int {
	n := len(p.s)
	for h := hay; len(h) >= 9; h = h[8:] {
		x := (binary.LittleEndian.Uint64(h) | p.fold0) ^ p.pair0 |
			(binary.LittleEndian.Uint64(h[1:]) | p.fold1) ^ p.pair1
		// Flags every zero byte (and maybe a byte above one: checked anyway).
		for z := (x - ones) &^ x & highs; z != 0; z &= z - 1 {
			at := len(hay) - len(h) + bits.TrailingZeros64(z)/8
			if at+n <= len(hay) && equalFoldASCII(hay[at:at+n], p.s) {
				return at
			}
		}
	}
	for i := max(len(hay)-8, 0); i+n <= len(hay); i++ {
		if equalFoldASCII(hay[i:i+n], p.s) {
			return i
		}
	}
	return -1
}

// indexEither returns the first index of a or b in hay, or -1.
func indexEither(hay []byte, a, b byte) int {
	i, j := bytes.IndexByte(hay, a), bytes.IndexByte(hay, b)
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// equalFoldASCII reports whether b equals lower (already in lower case) when ASCII
// letters of b are folded.
func equalFoldASCII(b, lower []byte) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lowerASCII returns a copy of s with ASCII letters in lower case.
func lowerASCII(s []byte) []byte {
	out := make([]byte, len(s))
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

func isLowerLetter(c byte) bool { return 'a' <= c && c <= 'z' }

package cdrclient

import "unicode/utf8"

// decideWithin is how many bytes, from the first byte that is not ASCII, the encoding
// decision looks at. Within them a byte sequence that is not valid UTF-8 means
// GB18030; if there is none the input is UTF-8. A GBK name can be valid UTF-8 by
// chance (太原 is CC AB D4 AD), but not 4 MiB of names; and the bound lets a
// streaming reader hold back only that much before it knows how to decode.
const decideWithin = 4 << 20

// encodingDecision makes the one decision of an input's encoding that every reader
// (Table, RowParser) shares: UTF-8 when the input starts with a UTF-8 byte order mark;
// otherwise GB18030 (GBK) when a byte sequence that is not valid UTF-8 starts within
// decideWithin bytes of the first byte that is not ASCII; otherwise UTF-8. The input
// is given in order, in spans that never cut a character in two (ending after a
// "\n" does); how it is cut into spans does not change the decision.
type encodingDecision struct {
	state   decisionState
	seen    bool // a byte that is not ASCII has been seen
	left    int  // bytes of the decideWithin window still to look at, once seen
	gb18030 bool // the decision, once state is decided
}

type decisionState uint8

const (
	undecided decisionState = iota
	decided
)

// bom takes what the start of the input says about a byte order mark.
func (d *encodingDecision) bom(b bomCheck) {
	if b == bomPresent && d.state == undecided {
		d.state = decided
	}
}

// see takes the next span of the input.
func (d *encodingDecision) see(b []byte) {
	if d.state == decided {
		return
	}
	if !d.seen {
		i := indexNonASCII(b)
		if i < 0 {
			return
		}
		d.seen, d.left = true, decideWithin
		b = b[i:]
	}
	if utf8.Valid(b) {
		if d.left -= len(b); d.left <= 0 {
			d.state = decided
		}
		return
	}
	d.state, d.gb18030 = decided, firstInvalid(b) < d.left
}

// end ends the input: a decision not made yet is UTF-8.
func (d *encodingDecision) end() { d.state = decided }

// isDecided reports whether the decision is made.
func (d *encodingDecision) isDecided() bool { return d.state == decided }

// encoding returns the decision: EncodingUTF8 or EncodingGB18030.
func (d *encodingDecision) encoding() string {
	if d.gb18030 {
		return EncodingGB18030
	}
	return EncodingUTF8
}

// indexNonASCII returns the index of the first byte ≥ 0x80 in b, or -1.
func indexNonASCII(b []byte) int {
	for i := 0; i < len(b); {
		if n := min(len(b)-i, 64); isASCII(b[i : i+n]) {
			i += n
			continue
		}
		for ; ; i++ {
			if b[i] >= 0x80 {
				return i
			}
		}
	}
	return -1
}

// firstInvalid returns the index where the first sequence of b that is not valid
// UTF-8 starts (len(b) when there is none).
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

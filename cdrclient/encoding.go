package cdrclient

import (
	"bytes"
	"encoding/binary"
	"slices"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Names returned by Table.Encoding.
const (
	EncodingUTF8    = "UTF-8"
	EncodingGB18030 = "GB18030"
)

// utf8BOM is the byte order mark some Windows tools put before UTF-8 text.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// bomCheck tells what the first bytes of an input say about a byte order mark.
type bomCheck uint8

const (
	bomUndecided bomCheck = iota // fewer than 3 bytes seen, all matching the BOM so far
	bomAbsent
	bomPresent
)

// checkBOM looks at the first bytes of an input; atEOF says no more bytes will come.
func checkBOM(head []byte, atEOF bool) bomCheck {
	if bytes.HasPrefix(head, utf8BOM) {
		return bomPresent
	}
	if len(head) < len(utf8BOM) && bytes.HasPrefix(utf8BOM, head) && !atEOF {
		return bomUndecided
	}
	return bomAbsent
}

// appendFieldValue appends the value of one raw field: for a quoted field the outer
// quotes are removed, `""` becomes `"` and "\r\n" becomes "\n" (as encoding/csv does);
// an unquoted field is its bytes.
func appendFieldValue(dst, raw []byte) []byte {
	if len(raw) < 2 || raw[0] != '"' {
		return append(dst, raw...)
	}
	content := raw[1 : len(raw)-1]
	for len(content) > 0 {
		i := bytes.IndexAny(content, "\"\r")
		if i < 0 {
			return append(dst, content...)
		}
		dst = append(dst, content[:i]...)
		next := byte(0)
		if i+1 < len(content) {
			next = content[i+1]
		}
		switch {
		case content[i] == '"':
			dst = append(dst, '"')
			if next == '"' {
				i++
			}
		case next != '\n':
			dst = append(dst, '\r') // a "\r" before "\n" is dropped
		}
		content = content[i+1:]
	}
	return dst
}

// appendDecoded appends the value of a raw field and, when dec is not nil (the input
// is GB18030) and the value is not plain ASCII, converts it to UTF-8. GB18030 never
// uses the bytes of quote, comma, CR or LF inside a multi-byte character, so
// unquoting first is safe.
func appendDecoded(dst, raw []byte, dec gbDecoder) []byte {
	start := len(dst)
	dst = appendFieldValue(dst, raw)
	if dec == nil || isASCII(dst[start:]) {
		return dst
	}
	end := len(dst)
	dst = appendGB18030(dst, dst[start:end], dec)
	return append(dst[:start], dst[end:]...)
}

// gbDecoder is the part of golang.org/x/text's GB18030 decoder used here. A decoder
// is not shared between goroutines: Table keeps a pool of them, RowParser its own.
type gbDecoder interface {
	Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error)
	Reset()
}

// newGB18030 returns a GB18030-to-UTF-8 decoder.
func newGB18030() gbDecoder { return simplifiedchinese.GB18030.NewDecoder() }

// appendGB18030 appends src converted from GB18030 to UTF-8; invalid bytes become
// U+FFFD. Every GB18030 byte yields at most 3 bytes of UTF-8, so one call suffices.
func appendGB18030(dst, src []byte, dec gbDecoder) []byte {
	dst = slices.Grow(dst, 3*len(src)+utf8MaxSeq)
	free := dst[len(dst):cap(dst)]
	dec.Reset()
	n, _, err := dec.Transform(free, src, true)
	if err != nil {
		// Not expected with the space reserved above; keep the bytes rather than lose them.
		return append(dst, src...)
	}
	return dst[:len(dst)+n]
}

const utf8MaxSeq = 4

// isASCII reports whether b has no byte ≥ 0x80 (such bytes decode the same in UTF-8
// and GB18030, so they need no conversion).
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// decodeRow turns a row's fields into strings with a single allocation: all values
// are decoded into scratch (with dec, see appendDecoded), converted to one string and
// sliced. ends are relative to the start of row. It returns the grown scratch buffer.
func decodeRow(fields []string, scratch, row []byte, ends []int, dec gbDecoder) ([]string, []byte) {
	scratch = scratch[:0]
	var cuts [64]int
	bounds := cuts[:0]
	start := 0
	for _, end := range ends {
		scratch = appendDecoded(scratch, row[start:end], dec)
		bounds = append(bounds, len(scratch))
		start = end + 1
	}
	all := string(scratch)
	from := 0
	for _, to := range bounds {
		fields = append(fields, all[from:to])
		from = to
	}
	return fields, scratch
}

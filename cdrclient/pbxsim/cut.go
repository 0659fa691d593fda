package pbxsim

import (
	"bytes"
	"errors"
)

// Cut says where the Cut fault ends a CSV body inside a row.
type Cut uint8

// Places for the Cut fault.
const (
	CutNone      Cut = iota // no cut
	CutMidRow               // after the first byte of the row's fourth field: fewer fields than the header
	CutInQuote              // after the first byte inside the row's first quoted field
	CutAtLineEnd            // after the row's last field, before its line ending: nothing is missing
)

// errCut ends a body cut by the Cut fault.
var errCut = errors.New("pbxsim: body cut on purpose")

// cutAt returns how many bytes of row (in UTF-8, before any GBK encoding; eol is its
// line ending) the Cut fault sends, or -1 when the row is not suitable.
func (c Cut) cutAt(row []byte, eol string) int {
	switch c {
	case CutMidRow:
		i := 0
		for range 3 {
			j := bytes.IndexByte(row[i:], ',')
			if j < 0 {
				return -1
			}
			i += j + 1
		}
		return i + 1
	case CutInQuote:
		// Only the trunk names are ever quoted; a field is quoted when its
		// first byte is a quote.
		if i := bytes.Index(row, []byte(`,"`)); i >= 0 {
			return i + 3
		}
	case CutAtLineEnd:
		return len(row) - len(eol)
	}
	return -1
}

// takeCut returns the Cut fault for a download, consuming it when CutOnce says so.
func (s *Server) takeCut() Cut {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.opts.Cut
	if s.opts.CutOnce {
		s.opts.Cut = CutNone
	}
	return c
}

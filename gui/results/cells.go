package results

import (
	"bytes"
	"math"
	"strconv"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/records"
)

// cellText fills grid cells from the table. The grid may hold a million rows, so a
// cell is read into a reused buffer and its label changed only when its text
// differs: redrawing a cell that shows the same record allocates nothing. It keeps
// scratch buffers, so it is used on the UI goroutine only.
type cellText struct {
	t       *cdrclient.Table
	w       *words
	parties map[string]string // extension number → "1000 张伟"
	seconds bool              // durations as seconds instead of h:mm:ss
	field   []byte
	out     []byte
}

// fill shows column c of table row row in l.
func (x *cellText) fill(l *textCell, row int, c *column) {
	x.field = x.t.AppendField(x.field[:0], row, c.index)
	realign := l.align != c.align
	l.align = c.align
	var changed bool
	switch s, ok := x.word(c.kind); {
	case ok:
		changed = setString(l, s)
	case c.kind == durationCell:
		x.out = appendDuration(x.out[:0], x.field, x.seconds)
		changed = setBytes(l, x.out)
	case c.kind == recordingCell && len(x.field) > 0:
		x.out = append(append(x.out[:0], recordingMark...), x.field...)
		changed = setBytes(l, x.out)
	default:
		changed = setBytes(l, x.field)
	}
	if realign && !changed {
		l.Refresh()
	}
}

// word returns the ready-made text for the field, if its column has one: an
// extension with its name, a status or call type in plain words.
func (x *cellText) word(k cellKind) (string, bool) {
	switch k {
	case partyCell:
		s, ok := x.parties[string(x.field)] // no allocation for a lookup
		return s, ok
	case statusCell:
		return find(x.w.statuses, x.field)
	case typeCell:
		return find(x.w.types, x.field)
	}
	return "", false
}

// recordingMark starts the recording cell of a call with a recording: Play and Save
// recording… act on such a call once it is selected. A record dot, from GB2312's
// symbols, so the embedded font has it (assets/fonts/subset.sh).
const recordingMark = "● "

// setString shows s in l unless l already shows it, and reports a change.
func setString(l *textCell, s string) bool {
	if l.text == s {
		return false
	}
	l.SetText(s)
	return true
}

// setBytes is setString for text held in a buffer: it allocates only on a change.
func setBytes(l *textCell, b []byte) bool {
	if l.text == string(b) { // compared in place, without a copy
		return false
	}
	l.SetText(string(b))
	return true
}

// appendDuration appends a duration field as records.DisplayDuration shows it,
// without allocating: h:mm:ss (hours not wrapped), or the whole seconds; a value
// that is not a whole number of seconds verbatim.
func appendDuration(dst, raw []byte, seconds bool) []byte {
	sec, ok := parseSeconds(raw)
	switch {
	case !ok:
		return append(dst, raw...)
	case seconds:
		return strconv.AppendUint(dst, sec, 10)
	}
	dst = strconv.AppendUint(dst, sec/3600, 10)
	return append(dst, ':', byte('0'+sec/600%6), byte('0'+sec/60%10), ':', byte('0'+sec%60/10), byte('0'+sec%10))
}

// parseSeconds reads what cdrclient.ParseSeconds accepts: digits only, surrounding
// white space allowed, no sign, within an int.
func parseSeconds(raw []byte) (uint64, bool) {
	b := bytes.TrimSpace(raw)
	if len(b) == 0 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if n > (math.MaxInt-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// partyTexts returns "number name" for every named extension, as records.Party
// shows them, so that cells need no concatenation.
func partyTexts(names map[string]string) map[string]string {
	out := make(map[string]string, len(names))
	for number := range names {
		out[number] = records.Party(number, names)
	}
	return out
}

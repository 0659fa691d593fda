package records

import (
	"bytes"
	"slices"
	"strings"

	"cdrdesk/cdrclient"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// searchColumns are the columns Filter.Text is looked for in, the likeliest to match
// first (a row is kept at its first matching field).
var searchColumns = []string{
	cdrclient.ColCallFrom, cdrclient.ColCallTo, cdrclient.ColCallID, cdrclient.ColDIDNumber,
	cdrclient.ColSrcTrunk, cdrclient.ColDstTrunk, cdrclient.ColRecording, cdrclient.ColPinCode,
}

// matcher tests rows against one Filter. It holds a scratch buffer: one goroutine.
type matcher struct {
	t        *cdrclient.Table
	f        *facts // nil when no part of the filter needs it
	statuses codeSet
	kinds    codeSet
	cols     columnSet
	text     *textQuery // nil: no text
	buf      []byte
}

// textQuery is Filter.Text prepared for searching.
type textQuery struct {
	needle pattern // in the decoded (UTF-8) fields
	raw    pattern // in the raw row bytes, as a fast reject
	useRaw bool    // raw is valid (see newTextQuery)
	comma  bool    // the text holds a comma
	cols   []int   // the searchColumns the table has
	search []bool  // per column of the table: searched
	named  []bool  // per extension: its name contains the text; nil if none does
}

// filterRows returns the rows that pass f, in the PBX's order.
func (v *View) filterRows(f Filter) []int {
	m := v.newMatcher(f)
	n := v.t.Len()
	if m == nil {
		return allRows(n)
	}
	found := make([][]int, v.split.parts(n))
	v.split.run(n, func(part, lo, hi int) {
		m := *m // each part its own scratch buffer
		for r := lo; r < hi; r++ {
			if m.match(r) {
				found[part] = append(found[part], r)
			}
		}
	})
	return slices.Concat(found...)
}

// newMatcher prepares f, or returns nil when f keeps every row.
func (v *View) newMatcher(f Filter) *matcher {
	text := strings.TrimSpace(f.Text)
	if text == "" && len(f.Statuses) == 0 && len(f.Types) == 0 {
		return nil
	}
	m := &matcher{t: v.t, cols: standardColumns(v.t)}
	if text != "" {
		m.text = newTextQuery(v.t, text, &v.exts)
	}
	if len(f.Statuses) > 0 || len(f.Types) > 0 || m.text != nil && m.text.named != nil {
		m.f = v.factsOf()
		m.statuses = m.f.status.dict.wanted(f.Statuses)
		m.kinds = m.f.kind.dict.wanted(f.Types)
	}
	return m
}

func newTextQuery(t *cdrclient.Table, text string, exts *extensions) *textQuery {
	q := &textQuery{
		needle: newPattern([]byte(text)), named: exts.named(text),
		comma: strings.Contains(text, ","), search: make([]bool, len(t.Columns())),
	}
	for _, name := range searchColumns {
		if c := t.Column(name); c >= 0 {
			q.cols = append(q.cols, c)
			q.search[c] = true
		}
	}
	// A field's bytes appear in its raw row unless unquoting changed them: `""`
	// stands for `"` and "\r\n" for "\n". Without those characters, a row whose raw
	// bytes lack the text has no field that holds it. A GB18030 row holds the text
	// GB18030-encoded; its trail bytes may be ASCII letters, so the raw pattern
	// folds them too and can only let through more rows, never fewer.
	raw := []byte(text)
	if t.Encoding() == cdrclient.EncodingGB18030 {
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
		raw = enc
		q.useRaw = err == nil
	} else {
		q.useRaw = true
	}
	// Two decoded characters do not come from their own encoding: U+FFFD stands for
	// undecodable bytes, and "€" may be the single byte 0x80 (as in GBK).
	q.useRaw = q.useRaw && !bytes.ContainsAny(raw, "\"\r\n") && !strings.ContainsAny(text, "\uFFFD€")
	q.raw = newPattern(raw)
	return q
}

// match reports whether row r passes the filter.
func (m *matcher) match(r int) bool {
	if m.f != nil {
		if m.statuses.on && !m.wanted(&m.statuses, m.f.status.row[r], r, m.cols.status) {
			return false
		}
		if m.kinds.on && !m.wanted(&m.kinds, m.f.kind.row[r], r, m.cols.kind) {
			return false
		}
	}
	return m.text == nil || m.matchText(r)
}

// wanted tests a row's code against a codeSet, reading the field only for a value
// without a code.
func (m *matcher) wanted(s *codeSet, code uint8, r, col int) bool {
	if code != overflowCode {
		return s.want[code]
	}
	m.buf = m.t.AppendField(m.buf[:0], r, col)
	return s.hasValue(m.buf)
}

// matchText reports whether row r holds the text in a searched field or involves an
// extension whose name holds it.
func (m *matcher) matchText(r int) bool {
	q := m.text
	if q.named != nil {
		if from := m.f.from[r]; from >= 0 && q.named[from] {
			return true
		}
		if to := m.f.to[r]; to >= 0 && q.named[to] {
			return true
		}
	}
	if q.useRaw {
		raw := m.t.RawRow(r)
		if bytes.IndexByte(raw, '"') < 0 {
			return m.matchUnquoted(r, raw)
		}
		if !q.raw.in(raw) {
			return false
		}
	}
	for _, c := range q.cols {
		m.buf = m.t.AppendField(m.buf[:0], r, c)
		if q.needle.in(m.buf) {
			return true
		}
	}
	return false
}

// matchUnquoted searches a row without quotes. There, fields are exactly the
// bytes between commas, so the column of a match found in the raw row is the
// number of commas before it: a match in a column that is not searched (status,
// timestart) rejects the row without decoding any field. A match in a searched
// column is confirmed on the decoded field, as a GB18030 row may match falsely.
func (m *matcher) matchUnquoted(r int, raw []byte) bool {
	q := m.text
	if q.comma {
		return false // no field of this row holds a comma
	}
	col, counted := 0, 0
	for off := 0; off < len(raw); {
		i := q.raw.index(raw[off:])
		if i < 0 {
			return false
		}
		at := off + i
		col += bytes.Count(raw[counted:at], []byte{','})
		counted = at
		if col < len(q.search) && q.search[col] {
			m.buf = m.t.AppendField(m.buf[:0], r, col)
			if q.needle.in(m.buf) {
				return true
			}
		}
		off = at + 1
	}
	return false
}

package records

// A straightforward model of what the package promises, written without any of its
// machinery (no raw-row search, no per-row facts, no ranks, no radix sort): tests
// compare the View against it.

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"cdrdesk/cdrclient"
)

// refField is the value of a named column, "" when the table lacks it.
func refField(t *cdrclient.Table, r int, name string) string {
	col := t.Column(name)
	if col < 0 {
		return ""
	}
	return t.Field(r, col)
}

// refLower folds ASCII letters, byte by byte (invalid UTF-8 stays as it is).
func refLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var refSearched = []string{"callfrom", "callto", "srctrunkname", "dsttrunkname", "recording", "didnumber", "pincode", "callid"}

// refFilter returns the rows that pass f, in table order.
func refFilter(t *cdrclient.Table, names map[string]string, f Filter) []int {
	text := strings.TrimSpace(f.Text)
	rows := []int{}
	for r := range t.Len() {
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, refField(t, r, "status")) {
			continue
		}
		if len(f.Types) > 0 && !slices.Contains(f.Types, refField(t, r, "type")) {
			continue
		}
		if text != "" && !refMatchText(t, names, r, text) {
			continue
		}
		rows = append(rows, r)
	}
	return rows
}

func refMatchText(t *cdrclient.Table, names map[string]string, r int, text string) bool {
	for _, c := range refSearched {
		if strings.Contains(refLower(refField(t, r, c)), refLower(text)) {
			return true
		}
	}
	for _, c := range []string{"callfrom", "callto"} {
		number := refField(t, r, c)
		name, ok := names[number]
		if ok && number != "" && strings.Contains(strings.ToLower(name), strings.ToLower(text)) {
			return true
		}
	}
	return false
}

// refSort orders rows stably: empty values last, the others ascending or
// descending by the column's rule.
func refSort(t *cdrclient.Table, rows []int, s Sort) []int {
	rows = slices.Clone(rows)
	if s.Column == "" {
		return rows
	}
	name := cdrclient.CanonicalColumn(s.Column)
	slices.SortStableFunc(rows, func(a, b int) int {
		va, vb := refField(t, a, name), refField(t, b, name)
		switch {
		case va == "" || vb == "":
			return cmp.Compare(b2i(va == ""), b2i(vb == ""))
		case s.Descending:
			return refCompare(name, vb, va)
		}
		return refCompare(name, va, vb)
	})
	return rows
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

var refCallID = regexp.MustCompile(`^([0-9]+)\.([0-9]+)$`)

// refCompare compares two non-empty values of a column: durations and callids as
// numbers (numbers first), everything else, and non-numbers, as text.
func refCompare(column, a, b string) int {
	var na, nb []int64
	switch column {
	case "callduraction", "talkduraction":
		na, nb = refSeconds(a), refSeconds(b)
	case "callid":
		na, nb = refCallIDNumbers(a), refCallIDNumbers(b)
	}
	switch {
	case na != nil && nb != nil:
		return slices.Compare(na, nb)
	case na != nil || nb != nil:
		return cmp.Compare(b2i(na == nil), b2i(nb == nil))
	}
	return strings.Compare(a, b)
}

func refSeconds(s string) []int64 {
	if n, ok := cdrclient.ParseSeconds(s); ok {
		return []int64{int64(n)}
	}
	return nil
}

func refCallIDNumbers(s string) []int64 {
	m := refCallID.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil
	}
	secs, err1 := strconv.ParseInt(m[1], 10, 64)
	seq, err2 := strconv.ParseInt(m[2], 10, 64)
	if err1 != nil || err2 != nil {
		return nil
	}
	return []int64{secs, seq}
}

package report

// formulaPrefix is prepended to a CSV cell that Excel would run as a formula, as
// OWASP advises against CSV injection. It changes the value for every program that
// reads the file (and Excel may show it too), which is why harmless values are left
// alone.
const formulaPrefix = "'"

// neutralise returns s made safe to open in Excel as a CSV cell, by the rule
// documented at NewExcelCSV: an apostrophe before anything Excel could run as a
// formula, phone numbers and negative numbers left alone.
func neutralise(s string) string {
	if needsPrefix(s) {
		return formulaPrefix + s
	}
	return s
}

// needsPrefix reports whether Excel could take s for a formula.
func needsPrefix(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !phoneLike(s[1:])
	}
	return hasFullWidthFormulaStart(s)
}

// phoneLike reports whether rest, the text after a leading sign, holds only what
// phone numbers and negative numbers are made of.
func phoneLike(rest string) bool {
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= '0' && c <= '9', c == ' ', c == '-', c == '(', c == ')':
		default:
			return false
		}
	}
	return true
}

// fullWidthFormulaStarts are the UTF-8 encodings of '＝', '＠', '＋' and '－'.
var fullWidthFormulaStarts = [...]string{"\uff1d", "\uff20", "\uff0b", "\uff0d"}

func hasFullWidthFormulaStart(s string) bool {
	if s[0] != 0xEF { // every full-width form starts with this byte
		return false
	}
	for _, p := range fullWidthFormulaStarts {
		if len(s) >= len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

package report

import "strings"

// columnKind says how a column's values are shown. Everything that is not a time
// or a duration is text, so phone numbers, call ids and serial numbers keep their
// leading zeros and '+'.
type columnKind int

const (
	textColumn columnKind = iota
	timeColumn
	durationColumn
)

// kindOf returns the kind of the column called name. Both the PBX's spelling
// ("callduraction") and the dictionary one are accepted for the durations.
func kindOf(name string) columnKind {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "timestart":
		return timeColumn
	case "callduraction", "talkduraction", "callduration", "talkduration":
		return durationColumn
	}
	return textColumn
}

// kindsOf returns the kind of every column in cols.
func kindsOf(cols []string) []columnKind {
	kinds := make([]columnKind, len(cols))
	for i, c := range cols {
		kinds[i] = kindOf(c)
	}
	return kinds
}

// kindAt returns the kind of column i; fields past the header are text.
func kindAt(kinds []columnKind, i int) columnKind {
	if i < len(kinds) {
		return kinds[i]
	}
	return textColumn
}

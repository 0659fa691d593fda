package records

import (
	"slices"
	"strings"
)

// extensions are the known extensions (the keys of the names map), numbered in
// sorted order so that per-row data can refer to one with a small integer. They
// copy the map: later changes to it do not matter.
type extensions struct {
	names []string // display name of each extension, by index
	index map[string]int32
}

func newExtensions(names map[string]string) extensions {
	var numbers []string
	for number := range names {
		if number != "" { // an empty callfrom or callto is no extension
			numbers = append(numbers, number)
		}
	}
	slices.Sort(numbers)
	e := extensions{index: make(map[string]int32, len(numbers))}
	for i, number := range numbers {
		e.names = append(e.names, names[number])
		e.index[number] = int32(i)
	}
	return e
}

// lookup returns the index of the extension numbered b, or -1.
func (e *extensions) lookup(b []byte) int32 {
	if i, ok := e.index[string(b)]; ok { // no allocation: the compiler looks up in place
		return i
	}
	return -1
}

// named returns a mark per extension whose name contains text (Unicode lower case on
// both sides; text is already trimmed), or nil when none does.
func (e *extensions) named(text string) []bool {
	text = strings.ToLower(text)
	var marks []bool
	for i, name := range e.names {
		if strings.Contains(strings.ToLower(name), text) {
			if marks == nil {
				marks = make([]bool, len(e.names))
			}
			marks[i] = true
		}
	}
	return marks
}

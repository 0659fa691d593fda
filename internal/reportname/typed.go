package reportname

import (
	"errors"
	"strings"
)

// Why a typed file name is refused. The window words each in the user's language.
var (
	// ErrEmpty: nothing was typed.
	ErrEmpty = errors.New("the file name is empty")
	// ErrSeparator: the name holds a folder separator (/ or \); the folder is chosen
	// apart, so a separator would silently save somewhere else.
	ErrSeparator = errors.New("a file name cannot contain / or \\")
	// ErrDots: the name is . or .., or holds .. where it would climb out of the folder.
	ErrDots = errors.New("a file name cannot be . or .. or contain ..")
	// ErrCharacters: the name holds a character Windows refuses (<>:"|?* or a control
	// character).
	ErrCharacters = errors.New(`a file name cannot contain < > : " | ? * or control characters`)
)

// Check says whether name, as typed (surrounding spaces ignored), is a plain file name
// to put in the chosen folder. It is never joined to the folder otherwise: a separator
// or ".." would save outside it, and Windows would refuse the rest at the last moment.
func Check(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return ErrEmpty
	case strings.ContainsAny(name, `/\`):
		return ErrSeparator
	case name == "." || strings.Contains(name, ".."):
		return ErrDots
	case strings.ContainsFunc(name, func(r rune) bool {
		return r < 32 || r == 127 || strings.ContainsRune(forbidden, r)
	}):
		return ErrCharacters
	}
	return nil
}

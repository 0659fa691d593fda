package cdrclient

import (
	"errors"
	"fmt"
)

// CSVError reports CSV input that cannot be used, with the 1-based line of the input
// where the problem lies. Use errors.As to find it in a wrapped error.
type CSVError struct {
	Line int    // 1-based line number in the input (in the window's own body for a Joiner)
	Msg  string // what is wrong, in plain words
}

func (e *CSVError) Error() string {
	return fmt.Sprintf("CSV line %d: %s", e.Line, e.Msg)
}

// Messages shared by the Table, the RowParser and the Joiner.
const (
	msgOpenQuote      = "a quoted field is not closed (missing closing quote)"
	msgColumnsChanged = "the PBX changed its columns between windows"
	msgRepeatDiffers  = "the PBX sent other rows when a cut-off window was downloaded again"
)

// errWriteAfterClose is returned by writers in this file family after Close.
var errWriteAfterClose = errors.New("cdrclient: write after Close")

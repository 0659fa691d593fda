package cdrclient

import "fmt"

// TruncatedError reports a download that ended in the middle of a row: its last row
// has fewer fields than the header, or a quoted field is still open. A PBX that ends
// its answer by closing the connection (no Content-Length, as embedded web servers do)
// makes a connection lost mid-transfer look like a clean end of file; this is how
// the cut shows. Fetch downloads such a window once more before it reports one.
type TruncatedError struct {
	Line int    // 1-based line, in the window's own body, where the cut row began
	Msg  string // how the cut shows, in plain words
}

func (e *TruncatedError) Error() string {
	return fmt.Sprintf("the download was cut off at CSV line %d: %s", e.Line, e.Msg)
}

// How a cut shows (TruncatedError.Msg).
const (
	msgCutShortRow = "its last row has fewer fields than the header"
	msgCutInQuote  = "it ends inside a quoted field"
	msgCutRepeat   = "the download repeated after a cut ended before the rows already received"
)

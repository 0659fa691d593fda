package cdrclient

import "hash/maphash"

// windowRows remembers what a Joiner passed on of the current window's rows, so that
// a repeated download of the window can be checked against it and those rows skipped.
// Only their length and a 64-bit hash are kept: with "--window 0" a window is a whole
// year (over 100 MB), too much to hold a copy of.
type windowRows struct {
	n    int64        // row bytes passed on
	sum  maphash.Hash // of those bytes
	skip int64        // while repeating: bytes of the repeat still to check and skip
	seen maphash.Hash // while repeating: of the bytes checked so far
	want uint64       // while repeating: sum of the rows passed on
}

// begin starts a new window.
func (w *windowRows) begin() {
	w.n, w.skip = 0, 0
	w.sum.Reset()
}

// passed records row bytes passed on.
func (w *windowRows) passed(p []byte) {
	w.n += int64(len(p))
	w.sum.Write(p)
}

// repeat prepares for a body that repeats the window from its start.
func (w *windowRows) repeat() {
	w.skip, w.want = w.n, w.sum.Sum64()
	w.seen.SetSeed(w.sum.Seed())
}

// check takes the next bytes of the repeat (at most skip of them) and reports
// whether they can still equal the rows passed on: false once all skip bytes are seen
// and their hash differs.
func (w *windowRows) check(p []byte) bool {
	w.seen.Write(p)
	w.skip -= int64(len(p))
	return w.skip > 0 || w.seen.Sum64() == w.want
}

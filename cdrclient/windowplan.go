package cdrclient

import "time"

// growBelowBytes is the most a window may bring for the next one to be twice as long
// (32 MB is about 250,000 records, seconds on an office network): windows stay small
// enough that a failure costs little and older firmware, which answered 504 on large
// downloads, is not pushed far past what it managed. A year of a busy office (a
// million records) then takes 7 downloads instead of 53 weekly ones.
const growBelowBytes = 32 << 20

// windowPlan hands out the windows of a Fetch in order. Windows exist because older
// firmware answered 504 on large downloads, but each costs a key request and two new
// connections, so the plan adapts: after a window the PBX answered quickly and small
// the next is twice as long; a window the PBX timed out on is halved, and no later
// window is longer than the half: one as long as a window that failed is halved before
// it is asked for.
type windowPlan struct {
	queue   []span        // halves of a slow window, waiting before the rest
	rest    time.Time     // start of the range not yet in queue
	end     time.Time     // end of the range, included
	size    time.Duration // length of the next window taken from the rest
	ceiling time.Duration // longest window to grow to: half the shortest that failed
	failed  time.Duration // shortest window the PBX timed out on
	whole   bool          // the caller asked for the whole range at once
}

func newWindowPlan(q Query) *windowPlan {
	p := &windowPlan{rest: wall(q.Start), end: wall(q.End), size: q.Window, ceiling: 1 << 62, failed: 1 << 62}
	switch {
	case q.Window == 0:
		p.size = DefaultWindow
	case q.Window < 0:
		p.whole = true
		p.size = p.end.Sub(p.rest) + time.Second
	}
	return p
}

// done reports whether every window was handed out and completed.
func (p *windowPlan) done() bool { return len(p.queue) == 0 && p.rest.After(p.end) }

// next returns the window to download now; it stays current until advance or split.
func (p *windowPlan) next() span {
	if len(p.queue) == 0 {
		to := p.rest.Add(p.size - time.Second)
		if to.After(p.end) || to.Before(p.rest) { // Before: a size too large to add
			to = p.end
		}
		p.queue = append(p.queue, span{p.rest, to})
		p.rest = to.Add(time.Second)
	}
	for w := p.queue[0]; w.length() >= p.failed && w.length() >= 2*MinWindow; w = p.queue[0] {
		a, b := w.halves()
		p.queue = append([]span{a, b}, p.queue[1:]...)
	}
	return p.queue[0]
}

// advance marks the current window done; quick says the PBX answered it quickly and
// small, so the next window taken from the rest may be twice as long.
func (p *windowPlan) advance(quick bool) {
	done := p.queue[0]
	p.queue = p.queue[1:]
	if quick && !p.whole && done.length() >= p.size {
		p.size = min(2*p.size, p.ceiling)
	}
}

// split halves the current window after the PBX timed out on it; false means it is
// already too short to split.
func (p *windowPlan) split() bool {
	w := p.queue[0]
	if w.length() < 2*MinWindow {
		return false
	}
	a, b := w.halves()
	p.queue = append([]span{a, b}, p.queue[1:]...)
	p.failed = min(p.failed, w.length())
	p.ceiling = min(p.ceiling, a.length())
	p.size = min(p.size, p.ceiling)
	return true
}

// count returns how many windows remain at the current sizes, the current one included.
func (p *windowPlan) count() int {
	n := len(p.queue)
	if !p.rest.After(p.end) {
		left := p.end.Sub(p.rest) + time.Second
		n += int((left + p.size - 1) / p.size)
	}
	return n
}

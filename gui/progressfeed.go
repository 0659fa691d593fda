package gui

import "sync"

// progressFeed hands a download's progress to the UI goroutine without piling it up.
// A download reports every 256 KB and at every window: hundreds of times for a year,
// from a goroutine that may run far ahead of a window busy drawing (software OpenGL,
// a loaded laptop). Queued one by one, each report would redraw the dialog in turn,
// long after the figures it shows are old. Here at most one hand-back waits at a time,
// and when it runs it shows the latest figures.
// P is the kind of progress: a download's (cdrclient.Progress) or a sync's.
type progressFeed[P any] struct {
	onUI func(func()) // hands work to the UI goroutine (fyne.Do)
	show func(P)      // runs on the UI goroutine

	mu      sync.Mutex
	latest  P
	waiting bool // a hand-back is queued and has not run yet
}

// report takes a progress report from the download's goroutine.
func (f *progressFeed[P]) report(p P) {
	f.mu.Lock()
	f.latest = p
	queue := !f.waiting
	f.waiting = true
	f.mu.Unlock()
	if queue {
		f.onUI(f.flush)
	}
}

// flush shows the latest report, on the UI goroutine.
func (f *progressFeed[P]) flush() {
	f.mu.Lock()
	p := f.latest
	f.waiting = false
	f.mu.Unlock()
	f.show(p)
}

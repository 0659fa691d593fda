package archivetest

import (
	"context"
	"sync"
	"time"
)

// cancelAfter is a context that is cancelled once it has been asked whether it is
// done `after` times: the archive's own checks pick the moment, so a commit is cut at
// a different point for each value, with no timing involved.
type cancelAfter struct {
	context.Context
	mu    sync.Mutex
	after int
	done  chan struct{}
}

func newCancelAfter(after int) *cancelAfter {
	return &cancelAfter{Context: context.Background(), after: after, done: make(chan struct{})}
}

func (c *cancelAfter) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.after == 0 {
		close(c.done)
	}
	c.after--
}

func (c *cancelAfter) Done() <-chan struct{} { c.tick(); return c.done }

func (c *cancelAfter) Err() error {
	c.tick()
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// fired reports whether the context was cancelled.
func (c *cancelAfter) fired() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

func (c *cancelAfter) Deadline() (time.Time, bool) { return time.Time{}, false }

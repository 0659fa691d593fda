package block

import (
	"runtime"
	"sync"
)

// An Encoder compresses blocks on goroutines of its own, one per CPU, while a
// commit's goroutine merges the next days and writes the blocks already compressed:
// compression is most of a commit's work.
type Encoder struct {
	in      chan *Encoded
	all     []*Encoded
	workers sync.WaitGroup
	closed  bool
}

// Encoded is a block to write: its day and rows, and their encoding (see Each).
type Encoded struct {
	Day   int64
	Rows  Day
	Data  []byte
	ready chan struct{}
}

// NewEncoder starts an Encoder; Stop ends it.
func NewEncoder() *Encoder {
	e := &Encoder{in: make(chan *Encoded, 64)}
	for range runtime.GOMAXPROCS(0) {
		e.workers.Go(func() {
			for b := range e.in {
				b.Data = b.Rows.Encode()
				close(b.ready)
			}
		})
	}
	return e
}

// Add queues the rows of a day.
func (e *Encoder) Add(day int64, rows Day) {
	b := &Encoded{Day: day, Rows: rows, ready: make(chan struct{})}
	e.all = append(e.all, b)
	e.in <- b
}

// Each ends the queue and calls f with every block queued, in the order queued, as
// soon as each is compressed; it stops at f's first error.
func (e *Encoder) Each(f func(*Encoded) error) error {
	e.end()
	for _, b := range e.all {
		<-b.ready
		if err := f(b); err != nil {
			return err
		}
	}
	return nil
}

// Stop ends the queue and waits for the goroutines: once it returned, nothing reads
// the rows given any more (a sync then reuses their bytes). Defer it.
func (e *Encoder) Stop() {
	e.end()
	e.workers.Wait()
}

func (e *Encoder) end() {
	if !e.closed {
		e.closed = true
		close(e.in)
	}
}

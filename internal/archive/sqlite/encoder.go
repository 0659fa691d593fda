package sqlite

import (
	"slices"

	"cdrdesk/internal/archive/block"
)

// An encoder compresses blocks on a goroutine of its own, in the order given, while
// the commit's goroutine decodes and merges the next days.
type encoder struct {
	in   chan encoded
	out  chan []encoded
	done bool
}

// encoded is a block to write: its day, rows and their encoding.
type encoded struct {
	day  int64
	rows block.Day
	data []byte
}

func newEncoder() *encoder {
	e := &encoder{in: make(chan encoded, 64), out: make(chan []encoded, 1)}
	go func() {
		var all []encoded
		for b := range e.in {
			b.data = b.rows.Encode()
			all = append(all, b)
		}
		e.out <- all
	}()
	return e
}

// add queues the rows of a day.
func (e *encoder) add(day int64, rows block.Day) { e.in <- encoded{day: day, rows: rows} }

// wait returns every block queued, encoded, in order.
func (e *encoder) wait() []encoded {
	e.done = true
	close(e.in)
	return slices.Clip(<-e.out)
}

// stop ends the goroutine when wait was not called (a failed commit).
func (e *encoder) stop() {
	if !e.done {
		e.wait()
	}
}

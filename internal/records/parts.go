package records

import (
	"runtime"
	"sync"
)

// splitter cuts the rows of a table into parts read concurrently.
type splitter struct {
	workers int // most parts at once
	minRows int // fewest rows worth a part of their own
}

// defaultSplitter uses every CPU, for parts of at least 32768 rows: below that,
// a goroutine costs more than it saves.
func defaultSplitter() splitter {
	return splitter{workers: runtime.GOMAXPROCS(0), minRows: 1 << 15}
}

// parts is the number of parts n rows are cut into.
func (s splitter) parts(n int) int { return max(min(s.workers, n/max(s.minRows, 1)), 1) }

// bounds returns the rows [lo, hi) of part p of n rows.
func (s splitter) bounds(p, n int) (lo, hi int) {
	parts := s.parts(n)
	return p * n / parts, (p + 1) * n / parts
}

// run runs work on each part of the rows [0, n) concurrently and returns when all
// are done. A closed Table may be read by any number of goroutines; work must keep
// whatever else it writes to its own part.
func (s splitter) run(n int, work func(part, lo, hi int)) {
	parts := s.parts(n)
	if parts == 1 {
		work(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := s.bounds(p, n)
		wg.Go(func() { work(p, lo, hi) })
	}
	wg.Wait()
}

package callreport

import (
	"runtime"
	"slices"
	"sync"
)

// splitter cuts work on n items into parts run concurrently.
type splitter struct {
	workers int // most parts; 0 means one per CPU
	minPart int // fewest items worth a part of their own
}

// defaultSplitter uses every CPU for parts of at least 16384 items (below that, a
// goroutine costs more than it saves), four parts per CPU: when another program
// takes a CPU for a while, the other CPUs take over the parts still waiting instead
// of waiting for that CPU's one part.
func defaultSplitter() splitter {
	return splitter{workers: 4 * runtime.GOMAXPROCS(0), minPart: 1 << 14}
}

// run runs work on parts of [0, n) concurrently and returns when all are done.
func (s splitter) run(n int, work func(lo, hi int)) {
	runCuts(s.cuts(n), func(_, lo, hi int) { work(lo, hi) })
}

// cuts returns the bounds of the parts of [0, n): part p is [cuts[p], cuts[p+1]).
func (s splitter) cuts(n int) []int {
	workers := s.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := max(min(workers, n/max(s.minPart, 1)), 1)
	cuts := make([]int, parts+1)
	for p := range cuts {
		cuts[p] = p * n / parts
	}
	return cuts
}

// runCuts runs work on each part [cuts[p], cuts[p+1]) concurrently and returns when
// all are done.
func runCuts(cuts []int, work func(p, lo, hi int)) {
	if len(cuts) == 2 {
		work(0, cuts[0], cuts[1])
		return
	}
	var wg sync.WaitGroup
	for p := range len(cuts) - 1 {
		wg.Go(func() { work(p, cuts[p], cuts[p+1]) })
	}
	wg.Wait()
}

// runRuns runs work on parts of runs concurrently: run r holds items [start[r],
// start[r+1]), and the parts are cut so that they hold about as many items, however
// unequal the runs.
func (s splitter) runRuns(start []int32, work func(lo, hi int)) {
	runs := len(start) - 1
	s.run(int(start[runs]), func(lo, hi int) { // the runs that begin in [lo, hi)
		first, _ := slices.BinarySearch(start[:runs], int32(lo))
		last, _ := slices.BinarySearch(start[:runs], int32(hi))
		work(first, last)
	})
}

package results

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/records"
)

// request asks for the rows of a view that pass a filter, in an order.
type request struct {
	gen    int // the View's count of requests when made: stale answers are dropped
	view   *records.View
	filter records.Filter
	sort   records.Sort
	values bool // also list the status and type values (for the quick filters)
}

// answer is what a request found, as plain data the UI goroutine may keep.
type answer struct {
	gen             int
	rows            []int
	filtered        bool // a search or quick filter was applied
	summary         records.Summary
	values          bool     // statuses and types were asked for
	statuses, types []string // the values of those columns in the whole table
}

// run does the work of a request. It calls the view's methods, so only one run
// may happen at a time (the engine sees to it).
func (r request) run() answer {
	r.view.Apply(r.filter, r.sort)
	a := answer{gen: r.gen, rows: r.view.Rows(), filtered: active(r.filter), summary: r.view.Summary(), values: r.values}
	if r.values {
		a.statuses = r.view.Values(cdrclient.ColStatus)
		a.types = r.view.Values(cdrclient.ColType)
	}
	return a
}

// active reports whether f keeps fewer than all records (as records.View sees it).
func active(f records.Filter) bool {
	return strings.TrimSpace(f.Text) != "" || len(f.Statuses) > 0 || len(f.Types) > 0
}

// engine filters and sorts off the UI goroutine: a million rows take a moment, and
// typing in the search box must not freeze the window. Requests run one at a time;
// while one runs, only the latest of those waiting is kept.
type engine struct {
	start   func(func()) // runs work in the background (go f(); tests may run it inline)
	deliver func(answer) // receives each answer on the UI goroutine
	// release hands memory the program no longer uses back to the system
	// (debug.FreeOSMemory). It runs once per table, after the first answer: by then
	// the download's buffers and the old table are garbage, and Go would otherwise
	// keep their pages, a third of a year's size, for as long as the window is open.
	release func()

	mu       sync.Mutex
	running  bool
	next     *request
	answered *records.View // the view of the last answer
}

// submit queues r, replacing any request still waiting.
func (e *engine) submit(r request) {
	e.mu.Lock()
	if e.running {
		e.next = &r
		e.mu.Unlock()
		return
	}
	e.running = true
	e.mu.Unlock()
	e.start(func() { e.loop(r) })
}

func (e *engine) loop(r request) {
	for {
		a := r.run()
		fyne.Do(func() { e.deliver(a) })
		if r.view != e.answered { // loops run one at a time (see running): no lock needed
			e.answered = r.view
			if e.release != nil {
				e.release()
			}
		}
		e.mu.Lock()
		if e.next == nil {
			e.running = false
			e.mu.Unlock()
			return
		}
		r, e.next = *e.next, nil
		e.mu.Unlock()
	}
}

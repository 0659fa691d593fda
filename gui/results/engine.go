package results

import (
	"context"
	"runtime/debug"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/records"
)

// request asks for the rows of a view that pass a filter, in an order, and for the
// call reports over them.
type request struct {
	gen    int // the View's count of requests when made: stale answers are dropped
	view   *records.View
	filter records.Filter
	sort   records.Sort
	values bool // also list the status and type values (for the quick filters)
	// pinned, when not nil, keeps only these rows as well (the calls a report line
	// shows in the grid).
	pinned map[int]bool
	fold   callreport.Input // what the calls are folded from
}

// answer is what a request found, as plain data the UI goroutine may keep.
type answer struct {
	gen             int
	rows            []int
	filtered        bool // a search, quick filter or pinned set was applied
	calls           *callreport.Calls
	report          *callreport.Report // figures over the calls of rows; nil if the fold failed
	values          bool               // only the statuses and types (and view): nothing else is set
	view            *records.View      // the view whose table the values are of
	statuses, types []string           // the values of those columns in the whole table
}

// folded keeps the calls of the last fold: folding a year takes a while, and only a
// new table or new report settings change them.
type folded struct {
	table    *cdrclient.Table
	settings callreport.Settings
	calls    *callreport.Calls
}

// run does the work of a request. It calls the view's methods, so only one run may
// happen at a time (the engine sees to it). A fold the cache lacks runs beside the
// filtering: they read the same table and share nothing else.
func (r request) run(cache *folded) answer {
	// A fold of a year makes about 130 MB of short-lived data in 0.2 s: with Go's
	// default the collector would run during it, on the same two cores. Letting the
	// heap grow further for this one run keeps the figures 5–10 % sooner; the engine's
	// release hands the memory back once the table is shown.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var wg sync.WaitGroup
	if cache.table != r.fold.Table || cache.settings != r.fold.Settings || cache.calls == nil {
		cache.table, cache.settings, cache.calls = r.fold.Table, r.fold.Settings, nil
		wg.Go(func() {
			// Fold fails only on invalid settings, which the settings form refuses
			// and Restore replaces: the views then stay empty rather than wrong.
			cache.calls, _ = callreport.Fold(context.Background(), r.fold)
		})
	}
	r.view.Apply(r.filter, r.sort)
	a := answer{gen: r.gen, rows: r.view.Rows(), filtered: active(r.filter)}
	if r.pinned != nil {
		a.rows, a.filtered = keep(a.rows, r.pinned), true
	}
	wg.Wait()
	if a.calls = cache.calls; a.calls != nil {
		if a.filtered {
			a.report = a.calls.Report(a.rows)
		} else {
			a.report = a.calls.Report(nil) // every call, without mapping a million rows
		}
	}
	return a
}

// listValues lists the status and type values of the whole table, for the quick
// filters. It is asked for once per table and answered after the rows and the reports:
// the lists are not needed to read the figures, and a year takes a third of a second.
func (r request) listValues() answer {
	return answer{gen: r.gen, view: r.view, values: true, statuses: r.view.Values(cdrclient.ColStatus), types: r.view.Values(cdrclient.ColType)}
}

// keep returns the rows of rows that are in set, in order.
func keep(rows []int, set map[int]bool) []int {
	out := make([]int, 0, len(set))
	for _, r := range rows {
		if set[r] {
			out = append(out, r)
		}
	}
	return out
}

// active reports whether f keeps fewer than all records (as records.View sees it).
func active(f records.Filter) bool {
	return strings.TrimSpace(f.Text) != "" || len(f.Statuses) > 0 || len(f.Types) > 0
}

// engine filters, sorts and reports off the UI goroutine: a million rows take a
// moment, and typing in the search box must not freeze the window. Requests run one
// at a time; while one runs, only the latest of those waiting is kept.
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
	folded   folded        // used by one loop at a time (see running): no lock needed
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
		a := r.run(&e.folded)
		fyne.Do(func() { e.deliver(a) })
		if r.values {
			v := r.listValues()
			fyne.Do(func() { e.deliver(v) })
		}
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

package block

import (
	"slices"
)

// A Stored is a block as a store reads it: its day, its header's id, its bytes.
type Stored struct {
	Day, Header int64
	Data        []byte
}

// A Query selects rows by time and extensions.
type Query struct {
	From, To int64           // wall-clock seconds, inclusive
	Exts     map[string]bool // nil: all
}

// lookahead is how many blocks are decoded ahead of the one being written: enough
// to keep both cores busy, while the caller parses what is written.
const lookahead = 4

// A job is a block to be decoded and selected from on a goroutine of its own; done
// is closed when rows (or err) is set.
type job struct {
	Stored
	rows []selected
	err  error
	done chan struct{}
}

// A selected row.
type selected struct {
	sec    int32
	header int64
	row    []byte
}

// Each calls fn with each row of q in the blocks that next yields (in order of day,
// then header), with its header, in time order (rows of the same second in the order
// they were received, a day's blocks in the order given), and returns how many there
// were. next returns false when there are no more blocks; it is called from one
// goroutine of Each's own, and not after Each returns. Blocks are decoded in
// parallel, ahead of fn. A block that cannot be decoded is an error wrapping
// ErrDamaged (a *DayError saying which).
func Each(next func() (Stored, bool, error), q Query, fn func(header int64, row []byte) error) (int, error) {
	jobs := make(chan *job, lookahead)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		for {
			b, ok, err := next()
			if err != nil || !ok {
				readErr <- err
				return
			}
			j := &job{Stored: b, done: make(chan struct{})}
			go j.decode(q)
			select {
			case jobs <- j:
			case <-stop:
				readErr <- nil
				return
			}
		}
	}()
	defer func() {
		close(stop)
		for range jobs { // let the reader end before the caller's rows are closed
		}
	}()
	n := 0
	var day []selected // the selected rows of the current day, from all its blocks
	curDay := int64(-1 << 62)
	flush := func() error {
		// Blocks of one day (one per header) interleave by time; stable, so rows of
		// the same second keep their block's order.
		slices.SortStableFunc(day, func(a, b selected) int { return int(a.sec - b.sec) })
		for _, r := range day {
			if err := fn(r.header, r.row); err != nil {
				return err
			}
		}
		n += len(day)
		day = day[:0]
		return nil
	}
	for j := range jobs {
		<-j.done
		if j.err != nil {
			return n, &DayError{Day: j.Day, Err: j.err}
		}
		if j.Day != curDay {
			if err := flush(); err != nil {
				return n, err
			}
			curDay = j.Day
		}
		day = append(day, j.rows...)
	}
	if err := <-readErr; err != nil {
		return n, err
	}
	return n, flush()
}

// decode decodes a block and selects its rows.
func (j *job) decode(q Query) {
	defer close(j.done)
	d, err := Decode(j.Data)
	if err != nil {
		j.err = err
		return
	}
	lo := int32(max(q.From-j.Day*SecondsPerDay, -1))
	hi := int32(min(q.To-j.Day*SecondsPerDay, SecondsPerDay))
	from, to := d.Span(lo, hi)
	j.rows = make([]selected, 0, to-from)
	for k := from; k < to; k++ {
		if d.Of(k, q.Exts) {
			j.rows = append(j.rows, selected{d.Secs[k], j.Header, d.Rows[k]})
		}
	}
}

// DayError says which day's block could not be read.
type DayError struct {
	Day int64
	Err error
}

func (e *DayError) Error() string {
	return "the block of " + dayText(e.Day) + ": " + e.Err.Error()
}

func (e *DayError) Unwrap() error { return e.Err }

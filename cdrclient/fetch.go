package cdrclient

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// Progress describes a running Fetch.
type Progress struct {
	WindowsDone  int       // windows completely downloaded
	WindowsTotal int       // windows in all (grows when a slow window is split)
	Records      int64     // records received so far
	Bytes        int64     // CSV bytes passed on so far
	From, To     time.Time // the window being downloaded (PBX wall clock)
}

// Summary describes a finished Fetch.
type Summary struct {
	Records int64 // records received
	Bytes   int64 // CSV bytes written
	Windows int   // downloads it took
	// OtherPeriod is set when the PBX answered for another period than the one asked
	// for (its rows are in the output all the same): show it to the user.
	OtherPeriod *OtherPeriod
}

// progressEvery is how many bytes pass between progress reports within a window.
const progressEvery = 256 << 10

// Fetch downloads the call records of q and writes them to w as one CSV: with a single
// window exactly the bytes the PBX sent; with several, the first header and then every
// row byte for byte, in order. Zero records give a CSV with only a header.
//
// The range is fetched window by window, each with a fresh download key. The first
// window is q.Window long; while the PBX answers quickly with little data, each next
// window is twice as long (see windowPlan), so a long range needs few round trips. A
// window the PBX answers with 504 or too slowly is halved and retried down to one hour,
// and later windows stay no longer than the half that worked; an expired or used key
// (20020) is replaced once; a forgotten token triggers one re-login; a window cut off by
// a lost connection is downloaded once more (see TruncatedError), and only its rows not
// passed on yet reach w. Any other failure after bytes reached w is final: the caller
// must discard w (write files with internal/atomicfile). progress, if not nil, is called from Fetch's
// goroutine. Cancelling ctx stops the download at once with ctx's error.
func (s *Session) Fetch(ctx context.Context, q Query, w io.Writer, progress func(Progress)) (Summary, error) {
	if err := q.validate(); err != nil {
		return Summary{}, err
	}
	f := &fetchRun{s: s, q: q, progress: progress}
	f.dates = newRowDates(w)
	f.j = NewJoiner(f.dates)
	plan := newWindowPlan(q)
	f.p.WindowsTotal = plan.count()
	for !plan.done() {
		win := plan.next()
		f.p.From, f.p.To = win.from, win.to
		f.report()
		quick, err := f.measuredWindow(ctx, win)
		var slow *slowWindow
		if errors.As(err, &slow) && plan.split() {
			f.p.WindowsTotal = f.p.WindowsDone + plan.count()
			continue
		}
		if slow != nil {
			err = slow.err
		}
		if err != nil {
			return f.summary(), err
		}
		f.checkPeriod(win)
		f.p.WindowsDone++
		plan.advance(quick)
		f.p.WindowsTotal = f.p.WindowsDone + plan.count()
	}
	if err := f.j.Close(); err != nil {
		return f.summary(), err
	}
	f.report()
	return f.summary(), nil
}

// fetchRun is the state of one Fetch.
type fetchRun struct {
	s         *Session
	q         Query
	j         *Joiner
	progress  func(Progress)
	p         Progress
	downloads int
	reported  int64 // bytes at the last report

	echoed Period       // the period the PBX echoed for the current window's key
	dates  *rowDates    // the first and last rows of each window, for their dates
	other  *OtherPeriod // what the PBX answered outside the asked windows, nil if nothing
}

func (f *fetchRun) summary() Summary {
	return Summary{Records: f.j.Records(), Bytes: f.j.Bytes(), Windows: f.downloads, OtherPeriod: f.other}
}

func (f *fetchRun) report() {
	f.p.Records, f.p.Bytes = f.j.Records(), f.j.Bytes()
	f.reported = f.p.Bytes
	if f.progress != nil {
		f.progress(f.p)
	}
}

// measuredWindow downloads one window (see window) and reports whether it was quick and
// small enough that one twice as long is safe to ask for: key and download took under
// an eighth of the time the PBX may take to start an answer (by the session's clock)
// and brought less than growBelowBytes. It also marks where the window's rows begin,
// for checkPeriod.
func (f *fetchRun) measuredWindow(ctx context.Context, win span) (quick bool, err error) {
	f.dates.begin()
	before, began := f.j.Bytes(), f.s.now()
	err = f.window(ctx, win)
	quick = f.s.now().Sub(began) < f.s.timeouts.Header/8 && f.j.Bytes()-before < growBelowBytes
	return quick, err
}

// slowWindow marks a window the PBX did not manage in time: split it and try again.
type slowWindow struct{ err error }

func (e *slowWindow) Error() string { return e.err.Error() }

// window downloads one window, replacing an invalid key, a forgotten token or a server
// hiccup once each. A body cut off by a lost connection (a *TruncatedError, or a
// network error after the first bytes) is downloaded once more with a fresh key: the
// Joiner checks that the repeat starts with the rows already passed on and skips them.
func (f *fetchRun) window(ctx context.Context, win span) error {
	retried := map[string]bool{}
	f.j.BeginWindow()
	for {
		link, err := f.s.link(ctx, f.q, win)
		if err != nil {
			return err
		}
		f.echoed = link.Period
		f.downloads++
		started, err := f.download(ctx, link)
		if err == nil {
			return nil
		}
		if started {
			if !cutOff(err) || retried["cut"] {
				return err
			}
			retried["cut"] = true
			f.j.RepeatWindow()
			continue
		}
		errno := errnoOf(err)
		var h *HTTPError
		var c *ConnectionError
		switch {
		case errno == ErrnoNoCDR && !retried["cut"]:
			return nil // no records in this window
		case errno == ErrnoBadRandom && !retried["random"]:
			retried["random"] = true
		case isTokenErrno(errno) && !retried["token"]:
			retried["token"] = true
			if _, err := f.s.relogin(ctx, tokenOf(link.URL)); err != nil {
				return err
			}
		case retried["cut"]:
			return err // rows of this window are out: it can no longer be split
		case errors.As(err, &h) && h.Status == http.StatusGatewayTimeout,
			errors.As(err, &c) && c.Timeout:
			return &slowWindow{err: err}
		case errors.As(err, &h) && h.Status >= 500 && !retried["server"]:
			retried["server"] = true
		default:
			return err
		}
	}
}

// cutOff reports whether a window's body failed the way a lost connection does: cut
// off mid-row, or ended by a network error other than a timeout (a stalled PBX is not
// helped by asking again at once).
func cutOff(err error) bool {
	var t *TruncatedError
	var c *ConnectionError
	return errors.As(err, &t) || errors.As(err, &c) && !c.Timeout
}

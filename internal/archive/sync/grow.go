package archivesync

import (
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// maxGrowth is how many of Job.Window's windows one download and commit takes at most
// (8 weeks by default): a year of a busy office then takes 11 downloads and commits
// instead of 53 weekly ones, each of which costs a key request, two new connections and
// a transaction, while a cancel, a crash or a kill still loses at most the download of
// two such windows (the one committing and the one downloading beside it).
const maxGrowth = 8

// growBelowBytes is the most a window may bring for the next one to be twice as long,
// as in cdrclient's own window plan (32 MB is about 250,000 records).
const growBelowBytes = 32 << 20

// growth hands out a sync's windows as cdrclient.Fetch grows its own: the first is one
// Job.Window; after one the PBX answered in a single download and small, the next
// takes twice as many, up to maxGrowth; after one it needed more downloads for (a
// window halved after a 504 or a timeout, a key or a connection renewed), the next
// takes half as many. Only windows that follow each other are taken together: a
// window never spans a range the archive covers already.
type growth struct {
	units []archive.Range // Job.Window's windows not handed out yet, in order
	size  int             // how many units the next window takes
}

func newGrowth(units []archive.Range) *growth { return &growth{units: units, size: 1} }

func (g *growth) done() bool { return len(g.units) == 0 }

// next returns the next window and how many units it takes.
func (g *growth) next() (archive.Range, int) {
	n := g.take(g.units)
	return archive.Range{From: g.units[0].From, To: g.units[n-1].To}, n
}

// take is how many of units the next window takes: the current size, but near the
// end half of what is left, so that the last windows are short: the last one's
// commit is the only one no download runs beside.
func (g *growth) take(units []archive.Range) int {
	size := g.size
	if left := len(units); left < 2*size {
		size = max(1, (left+1)/2)
	}
	return g.span(units, size)
}

// advance hands out the n units of the window just downloaded, as sum describes it.
func (g *growth) advance(n int, sum cdrclient.Summary) {
	g.units = g.units[n:]
	switch {
	case sum.Windows > 1:
		g.size = max(1, n/2)
	case n == g.size && sum.Bytes < growBelowBytes:
		g.size = min(2*g.size, maxGrowth)
	}
}

// count is how many windows remain at the current size.
func (g *growth) count() int {
	c := 0
	for rest := g.units; len(rest) > 0; c++ {
		rest = rest[g.take(rest):]
	}
	return c
}

// span is how many of units, at most size and at least one, follow each other.
func (g *growth) span(units []archive.Range, size int) int {
	n := 1
	for n < size && n < len(units) && units[n].From.Equal(units[n-1].To.Add(time.Second)) {
		n++
	}
	return n
}

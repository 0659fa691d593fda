package archivesync

import (
	"context"
	"io"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// Fetcher downloads call records; *cdrclient.Session is one.
type Fetcher interface {
	Fetch(ctx context.Context, q cdrclient.Query, w io.Writer, progress func(cdrclient.Progress)) (cdrclient.Summary, error)
}

// Job is one sync of one PBX into a store.
type Job struct {
	Store archive.Store
	PBX   Fetcher
	// Name is what people call the PBX (the connection's name); Address is its
	// address, its key in the archive until its serial number is known.
	Name, Address string
	// SN is the PBX's serial number when known (kept with the saved connection).
	SN string
	// Since is where the history starts when earlier than what the archive covers;
	// zero: what the archive covers, or FirstSyncSpan months back on a first sync.
	Since time.Time
	// Within, when set, limits the sync to the coverage gaps inside that range (the
	// query of a download kept in the archive): nothing before or after it is asked
	// for, Since and the first sync's span do not apply, and the last Reread before Now
	// is asked again only when the range reaches that far.
	Within *archive.Range
	// Now is the PBX's current time: the sync brings the archive up to it.
	Now time.Time
	// Window is the length of the first download and commit, later ones up to 8 times
	// as long (see the package doc); zero: cdrclient.DefaultWindow.
	Window time.Duration
	// Progress, when not nil, is told how the sync goes; it is called from one
	// goroutine at a time.
	Progress func(Progress)
}

// Progress describes a running sync.
type Progress struct {
	WindowsDone  int       // windows downloaded and committed
	WindowsTotal int       // windows in all
	Records      int64     // records downloaded so far
	Bytes        int64     // CSV bytes downloaded so far
	Added        int       // records new to the archive so far
	From, To     time.Time // the window being downloaded (PBX wall clock)
}

// Result is what a finished sync did and what the archive now holds of the PBX.
type Result struct {
	// SN is the serial number learned by this sync ("" when it was known already or
	// is still unknown): keep it with the connection for the next sync.
	SN    string
	Added int // records new to the archive
	// OtherPeriod is set when the PBX answered some windows for another period than
	// the one asked (some firmware does): their rows were kept, but those windows do
	// not count as covered, so the next sync asks for them again.
	OtherPeriod *cdrclient.OtherPeriod
	Holding     archive.Holding // the PBX's holding after the sync
}

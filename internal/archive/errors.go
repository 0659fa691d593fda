package archive

import "fmt"

// DamagedError says a store cannot be read as an archive: a damaged file, or one that
// is not a cdrdesk archive (Foreign). The file is left as it is: it is never emptied or
// replaced.
type DamagedError struct {
	Location string // the file or database, without a password
	Foreign  bool   // it is some other file or database, not a damaged archive
	Err      error  // what the driver said, for the details
}

func (e *DamagedError) Error() string {
	what := "the archive " + e.Location + " is damaged"
	if e.Foreign {
		what = e.Location + " is not a cdrdesk archive"
	}
	if e.Err != nil {
		what += ": " + e.Err.Error()
	}
	return what
}

func (e *DamagedError) Unwrap() error { return e.Err }

// NewerError says the archive was made by a newer cdrdesk, whose records this version
// cannot read; it is left as it is.
type NewerError struct {
	Location        string
	Version, Newest int // the archive's schema version, and the newest this cdrdesk knows
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("the archive %s was made by a newer cdrdesk (schema %d; this one knows up to %d)", e.Location, e.Version, e.Newest)
}

package archive

import (
	"context"
	"io"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive/block"
)

// A Range is an inclusive range of PBX wall-clock times, to the second, as the API's
// starttime and endtime are (times carry the wall clock in UTC, as
// cdrclient.ParsePBXTime gives them).
type Range struct{ From, To time.Time }

// Wall is t as the archive keeps times: its wall clock to the second, in UTC, whatever
// zone t was given in.
func Wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// WallRange is [from, to] as the archive keeps times (see Wall).
func WallRange(from, to time.Time) Range { return Range{From: Wall(from), To: Wall(to)} }

// PBX names one phone system in the archive. Key is its serial number (the CSV's sn
// column) when known, else its address; Name is what people call it (the connection's
// name), shown in lists and kept up to date by each commit.
type PBX struct{ Key, Name string }

// A Batch is what one Commit adds.
type Batch struct {
	PBX PBX
	// Table is the records as the PBX sent them (closed): its header and each row's
	// bytes are kept as they are.
	Table *cdrclient.Table
	// Rows, when not nil, is the records instead of Table, read already by
	// block.FromSpans from the bytes the PBX sent: a sync reads each window so, with
	// no Table, while the next one downloads.
	Rows *block.Rows
	// Covers, when not nil, is the range of which the batch holds every record of every
	// extension (a sync window downloaded for "all"): the archive records it as held
	// completely. An import or a download for some extensions only leaves it nil.
	Covers *Range
	// At is when the records were fetched (the holding's last update time).
	At time.Time
}

// Holding is what the archive keeps of one PBX.
type Holding struct {
	PBX         PBX
	Records     int
	First, Last time.Time // the earliest and latest timestart held; zero without records
	Coverage    []Range   // the ranges held completely, merged, in order
	Updated     time.Time // the latest Batch.At of a commit with coverage; zero if none
	Bytes       int64     // the space the holding takes, as well as the store can tell
}

// Store is an archive of call records: an SQLite file or a PostgreSQL database.
// Several processes may use one store at once (the window and a scheduled `cdrdesk
// sync`, or several computers on PostgreSQL): no call ever fails because another
// process holds the store, and no row is lost or kept twice.
type Store interface {
	// Commit adds b in one transaction: its new rows and its coverage, or nothing
	// (a cancelled context, a crash or a kill keeps none of it). A row already held
	// for the PBX (the same bytes) is not added again. It returns the rows added.
	Commit(ctx context.Context, b Batch) (added int, err error)

	// WriteCSV writes the records of PBX key whose timestart lies in r, of the
	// extensions exts (nil: all), as the PBX itself would send them for that query:
	// the header it sent and each row's bytes, in time order (rows of the same second
	// in the order they were received). A record is of an extension when its callfrom
	// or callto is that extension, as the PBX selects them. It returns the number of
	// records written.
	WriteCSV(ctx context.Context, w io.Writer, key string, r Range, exts []string) (int, error)

	// Holdings lists what the store keeps, per PBX, by key.
	Holdings(ctx context.Context) ([]Holding, error)

	// Forget deletes every record and all coverage of PBX key.
	Forget(ctx context.Context, key string) error

	// DeleteBefore deletes the records of PBX key that started before t, and the
	// coverage before t; it returns how many records went.
	DeleteBefore(ctx context.Context, key string, t time.Time) (int, error)

	// Close releases the store; it waits for nothing a caller could still need.
	Close() error
}

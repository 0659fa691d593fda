package explain

import (
	"context"
	"errors"
	"time"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
	"cdrdesk/internal/archive/savedcsv"
)

// explainArchive explains why the archive cannot be used. Each message says that the
// file is left as it is, because the person's history is in it: cdrdesk never empties
// or replaces an archive it cannot read.
func explainArchive(err error) (explained, bool) {
	var (
		damaged *archive.DamagedError
		newer   *archive.NewerError
		open    *archive.OpenError
		notCSV  *savedcsv.NotRecordsError
		day     *block.DayError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return explained{}, false // "Cancelled", as anywhere else
	case errors.As(err, &notCSV):
		return explained{kind: Input, data: map[string]any{"File": notCSV.File},
			what:   "The file {{.File}} does not hold call records from the PBX.",
			action: "Choose a CSV file of call records saved by the PBX (its CDR download) or by cdrdesk. Nothing was added to the archive."}, true
	case errors.Is(err, savedcsv.ErrUnknownPBX):
		return explained{kind: Input,
			what:   "The file does not say which PBX its records are from.",
			action: "Connect to that PBX first and open the file again (on the command line: --profile or --pbx). Nothing was added to the archive."}, true
	case errors.As(err, &damaged) && damaged.Foreign:
		return explained{kind: Archive, data: map[string]any{"Location": damaged.Location},
			what:   "{{.Location}} is not a cdrdesk archive.",
			action: "Choose another archive file in Settings (--archive on the command line) or move this one away; cdrdesk never changes it."}, true
	case errors.As(err, &damaged):
		return explained{kind: Archive, data: map[string]any{"Location": damaged.Location},
			what:   "The archive {{.Location}} is damaged.",
			action: "Choose another archive file in Settings (--archive on the command line) or move this one away; cdrdesk never empties it. A copy from a backup holds the records up to its day."}, true
	case errors.As(err, &day):
		// A block found damaged where no store named the file (a store wraps it in
		// an *archive.DamagedError when it can): the day still tells what is lost.
		return explained{kind: Archive, data: map[string]any{"Day": time.Unix(day.Day*86400, 0).UTC().Format(time.DateOnly)},
			what:   "The archive is damaged: the records of {{.Day}} cannot be read.",
			action: "Choose another archive file in Settings (--archive on the command line) or move this one away; cdrdesk never empties it. A copy from a backup holds the records up to its day."}, true
	case errors.As(err, &newer):
		return explained{kind: Archive, data: map[string]any{"Location": newer.Location},
			what:   "The archive {{.Location}} was made by a newer version of cdrdesk.",
			action: "Update cdrdesk on this computer, or choose another archive file in Settings (--archive on the command line); this version leaves it as it is."}, true
	case errors.As(err, &open):
		return explained{kind: Archive, data: map[string]any{"Location": open.Location},
			what:   "The archive {{.Location}} could not be opened.",
			action: "Check that its folder exists, that you may write there and that the disk is not full, or choose another archive file in Settings (--archive on the command line)."}, true
	}
	return explained{}, false
}

package recordings

import (
	"fmt"

	"cdrdesk/cdrclient"
)

// SaveError means a recording could not be written into the folder (or the folder
// made): Path is the file or folder, Err what the system said.
type SaveError struct {
	Path string
	Err  error
}

func (e *SaveError) Error() string {
	return cdrclient.Redact(fmt.Sprintf("cannot save the recording %s: %v", e.Path, e.Err))
}

func (e *SaveError) Unwrap() error { return e.Err }

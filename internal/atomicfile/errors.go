package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// ExistsError reports that Write refused to replace an existing file.
type ExistsError struct {
	// Path is the file that already exists.
	Path string
}

// Error describes the refusal.
func (e *ExistsError) Error() string {
	return e.Path + " already exists"
}

// Is makes errors.Is(err, fs.ErrExist) true, like the errors of os.
func (e *ExistsError) Is(target error) bool {
	return target == fs.ErrExist
}

// pathError reports a failed step on path. Errors about the temporary file
// are re-addressed to path: the user knows the file they asked for, not our
// temporary name.
func pathError(op, path string, err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &os.PathError{Op: op, Path: path, Err: err}
}

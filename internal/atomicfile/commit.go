package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// commit moves the finished temporary file tmp to path.
//
// With overwrite it is a rename, which atomically replaces any old file.
// Without overwrite a rename would silently replace a file created after the
// early existence check, so the temporary file is hard-linked to path
// instead: link fails if path exists, deciding the race in the kernel.
func commit(tmp, path string, overwrite bool) error {
	if overwrite {
		if err := os.Rename(tmp, path); err != nil {
			return pathError("rename", path, err)
		}
		return nil
	}
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return &ExistsError{Path: path}
	default:
		// Hard links are unsupported here (FAT, some network shares and
		// FUSE file systems) or the link failed for another reason that
		// the fallback will report.
		return claimAndRename(tmp, path)
	}
}

// claimAndRename is the fallback for file systems without hard links: an
// exclusive create reserves path (only one writer can succeed), then the
// temporary file is renamed over the empty placeholder.
func claimAndRename(tmp, path string) error {
	placeholder, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if errors.Is(err, fs.ErrExist) {
		return &ExistsError{Path: path}
	}
	if err != nil {
		return pathError("create", path, err)
	}
	placeholder.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(path)
		return pathError("rename", path, err)
	}
	return nil
}

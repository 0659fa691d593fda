package atomicfile

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// fileMode is the mode of every written file: readable by all, like a file a
// user saves from any desktop application.
const fileMode = 0o644

// bufferSize batches the small writes of CSV and workbook encoders.
const bufferSize = 64 << 10

// Write creates path with the bytes fn writes, atomically.
//
// fn writes to a temporary file in the same directory (named like
// ".<base>.cdrdesk-*.tmp"); only when fn, flushing and closing succeed is it
// moved into place. On any error, panic or cancellation of ctx the temporary
// file is removed and an existing file at path is untouched. Writes made by fn
// fail with ctx's error once ctx is done, so a long fn stops early.
//
// Without overwrite an existing file is never replaced: Write returns an
// *ExistsError, both when the file exists before fn runs (so no work is
// wasted) and when another writer creates it in the meantime.
//
// Errors from the file system are *os.PathError values naming path (not the
// temporary file); errors from fn and from ctx are returned as they are.
func Write(ctx context.Context, path string, overwrite bool, fn func(w io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return &ExistsError{Path: path}
		}
	}
	dir, base := filepath.Split(path)
	if base == "" {
		return &os.PathError{Op: "create", Path: path, Err: fs.ErrInvalid}
	}
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".cdrdesk-*.tmp")
	if err != nil {
		return pathError("create", path, err)
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	if err := fill(ctx, tmp, path, fn); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return pathError("close", path, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := commit(tmp.Name(), path, overwrite); err != nil {
		return err
	}
	committed = true
	syncDir(dir)
	return nil
}

// fill runs fn on a buffered, cancellable writer over tmp and flushes
// everything to disk.
func fill(ctx context.Context, tmp *os.File, path string, fn func(w io.Writer) error) error {
	buf := bufio.NewWriterSize(&fileWriter{f: tmp, path: path}, bufferSize)
	if err := fn(&ctxWriter{ctx: ctx, w: buf}); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; a saved report should look like any
	// other file the user saves.
	if err := tmp.Chmod(fileMode); err != nil {
		return pathError("chmod", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return pathError("sync", path, err)
	}
	return nil
}

// syncDir makes the new directory entry durable. It is best effort: some
// systems (Windows) cannot open or sync a directory, and the data itself is
// already on disk.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

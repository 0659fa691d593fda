package atomicfile

import (
	"context"
	"io"
	"os"
)

// ctxWriter fails every write once ctx is done, so that cancelling stops a
// long export at its next write rather than after it has finished.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// fileWriter writes to the temporary file but reports errors against the
// destination path.
type fileWriter struct {
	f    *os.File
	path string
}

func (fw *fileWriter) Write(p []byte) (int, error) {
	n, err := fw.f.Write(p)
	if err != nil {
		return n, pathError("write", fw.path, err)
	}
	return n, nil
}

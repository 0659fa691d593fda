package pbxsim

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// errDropped ends a body cut by the DropAfterBytes fault.
var errDropped = errors.New("pbxsim: body dropped on purpose")

// bodyWriter is the wire end of a CSV download: each Write is one chunk,
// sent at once (flushed), optionally after a pause (SlowBody) and cut
// after dropAfter bytes (DropAfterBytes).
type bodyWriter struct {
	w         io.Writer
	rc        *http.ResponseController
	ctx       context.Context
	slow      time.Duration
	dropAfter int64 // 0 = never
	written   int64
}

// Write sends p as one chunk.
func (b *bodyWriter) Write(p []byte) (int, error) {
	if !sleepContext(b.ctx, b.slow) {
		return 0, b.ctx.Err()
	}
	drop := false
	if b.dropAfter > 0 && b.written+int64(len(p)) >= b.dropAfter {
		p, drop = p[:b.dropAfter-b.written], true
	}
	n, err := b.w.Write(p)
	b.written += int64(n)
	if err == nil {
		err = b.rc.Flush()
	}
	if err == nil && drop {
		err = errDropped
	}
	return n, err
}

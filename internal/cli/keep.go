package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	archivesync "cdrdesk/internal/archive/sync"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/profile"
)

// keepChunk is about how many bytes of rows go into the archive in one commit: big
// enough that commits cost little, small enough that memory stays flat on a year. A
// variable so that tests cut their small downloads into several chunks.
var keepChunk = 2 << 20

// keeping keeps what export and report download in the archive (design §6: every
// record cdrdesk downloads is also kept), beside the download: Write copies the
// download's bytes into chunks of whole rows, and a goroutine opens the archive and
// commits them while the download and the file go on. The file is the first duty: a
// problem of the archive never fails the download, it is told as one warning (see
// finish), and the download waits for the archive only when a chunk is ready before
// the one before it is committed.
type keeping struct {
	chunks chan []byte
	done   chan struct{} // closed when the goroutine has ended (err then says why)

	header []byte // the download's first line: byte order mark, header and line end
	buf    []byte // rows not handed over yet, or the header while it is incomplete

	// The goroutine's, read after done.
	keeper *archivesync.Keeper
	store  archive.Store
	err    error
}

// keep starts keeping a download from conn in the chosen archive; nil when the archive
// is off.
func (o *offlineFlags) keep(ctx context.Context, env Env, conn *connection) *keeping {
	if o.off(env) {
		return nil
	}
	k := &keeping{chunks: make(chan []byte, 1), done: make(chan struct{})}
	pbx := archivesync.Job{Name: conn.name, Address: conn.sess.BaseURL(), SN: conn.prof.SN, Now: env.Now()}
	go k.run(ctx, env, &o.archiveFlag, pbx)
	return k
}

// alsoInto is w, and keep too when it is not nil.
func alsoInto(w io.Writer, keep *keeping) io.Writer {
	if keep == nil {
		return w
	}
	return io.MultiWriter(w, keep)
}

// completeRange is the range of which a download of q holds every record (see
// archive.Batch.Covers), nil when it holds only some: a query for some extensions,
// or one the PBX answered for another period.
func completeRange(q cdrclient.Query, sum cdrclient.Summary) *archive.Range {
	if len(q.Extensions) > 0 || sum.OtherPeriod != nil {
		return nil
	}
	r := wallRange(q)
	return &r
}

// run opens the archive and commits the chunks under the PBX of pbx (a Job without
// its Store); after a failure it only lets them go.
func (k *keeping) run(ctx context.Context, env Env, af *archiveFlag, pbx archivesync.Job) {
	defer close(k.done)
	k.store, k.err = af.open(ctx, env)
	if k.err == nil {
		pbx.Store = k.store
		k.keeper, k.err = archivesync.NewKeeper(ctx, pbx)
	}
	for chunk := range k.chunks {
		if k.err != nil {
			continue
		}
		table := cdrclient.NewTable()
		table.Write(k.header)
		table.Write(chunk)
		if k.err = table.Close(); k.err == nil {
			_, k.err = k.keeper.Keep(ctx, table)
		}
	}
}

// Write takes bytes of the download. The client writes a complete line at a time (see
// cdrclient.Joiner), so a chunk that ends with a line end ends with a whole row. It
// never fails.
func (k *keeping) Write(p []byte) (int, error) {
	if k.header == nil {
		k.buf = append(k.buf, p...)
		i := bytes.IndexByte(k.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		k.header = bytes.Clone(k.buf[:i+1])
		k.buf = append(k.buf[:0], k.buf[i+1:]...)
	} else {
		k.buf = append(k.buf, p...)
	}
	if len(k.buf) >= keepChunk && k.buf[len(k.buf)-1] == '\n' {
		k.hand()
	}
	return len(p), nil
}

// hand gives the rows taken so far to the goroutine.
func (k *keeping) hand() {
	if len(k.buf) > 0 {
		k.chunks <- k.buf
		k.buf = make([]byte, 0, keepChunk+keepChunk/8)
	}
}

// finish commits the last rows and, when covers is not nil, records it as held
// completely; it waits for the goroutine. A download that failed passes ok false: what
// was committed stays (whole rows), the rest goes, nothing is said. After a success, a
// problem is one warning on standard error, and a serial number learned is kept with
// the saved connection, as sync does.
func (k *keeping) finish(ctx context.Context, env Env, conn *connection, ok bool, covers *archive.Range) {
	if k == nil {
		return
	}
	if ok && k.header != nil {
		k.hand()
	}
	close(k.chunks)
	<-k.done
	if k.store != nil {
		defer k.store.Close()
	}
	if !ok {
		return
	}
	if k.err == nil && covers != nil {
		_, _, k.err = k.keeper.Cover(ctx, *covers)
	}
	if k.keeper != nil {
		rememberSerial(env, conn, k.keeper.Learned())
	}
	if k.err != nil {
		warnNotKept(env.Stderr, k.err)
	}
}

// warnNotKept says on standard error, in one line, that the records were not kept in
// the archive and why; the download itself succeeded.
func warnNotKept(w io.Writer, err error) {
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintln(w, "warning: the records were not kept in the archive: "+u.msg)
		return
	}
	m := explain.Error(err, explain.English)
	line := "warning: the records were not kept in the archive: " + m.What
	if m.Action != "" {
		line += " " + m.Action
	}
	fmt.Fprintln(w, line)
}

// rememberSerial keeps a PBX serial number learned from its rows with the saved
// connection (nothing without one), so that the next sync or download files the
// records under it from the start.
func rememberSerial(env Env, conn *connection, sn string) {
	if sn == "" || conn.store == nil {
		return
	}
	if _, err := conn.store.Update(conn.prof.Name, func(p *profile.Profile) { p.SN = sn }); err != nil {
		fmt.Fprintln(env.Stderr, "cdrdesk: could not update the saved connection:", err)
	}
}

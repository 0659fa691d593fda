package cli

import (
	"context"
	"flag"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// offlineFlags are --offline and --archive of the commands that can answer from the
// archive (export, report).
type offlineFlags struct {
	archiveFlag
	offline bool
}

func (o *offlineFlags) register(fs *flag.FlagSet) {
	o.archiveFlag.register(fs)
	fs.BoolVar(&o.offline, "offline", false, "answer from the archive alone, never contacting the PBX (--profile or --pbx says which PBX when the archive holds several)")
}

// offlineSource is a query answered from the archive.
type offlineSource struct {
	store   archive.Store
	holding archive.Holding
	query   cdrclient.Query
}

// open opens the archive and chooses the PBX; it warns on standard error when the
// range is not wholly covered.
func (o *offlineFlags) open(ctx context.Context, env Env, cf *connFlags, q cdrclient.Query) (*offlineSource, error) {
	store, err := o.archiveFlag.open(ctx, env)
	if err != nil {
		return nil, err
	}
	h, err := archivedPBX(ctx, env, store, cf)
	if err != nil {
		store.Close()
		return nil, err
	}
	warnUncovered(env.Stderr, h, wallRange(q))
	return &offlineSource{store: store, holding: h, query: q}, nil
}

// writeCSV writes the query's records as the PBX would send them.
func (s *offlineSource) writeCSV(ctx context.Context, w io.Writer) (int, error) {
	return s.store.WriteCSV(ctx, w, s.holding.PBX.Key, wallRange(s.query), s.query.Extensions)
}

func (s *offlineSource) close() { s.store.Close() }

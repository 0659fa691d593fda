package archivesync

import (
	"context"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// Keeper keeps the records of a download made outside a sync (cdrdesk export and
// report, design §6) under the PBX's key exactly as a sync does (see the package doc):
// Job.SN, else the holding named like the connection, else the serial number learned
// from the first rows, else the address.
type Keeper struct {
	k keeper
}

// NewKeeper returns a Keeper for the PBX of job; only its Store, Name, Address, SN and
// Now (when the records are fetched) are used.
func NewKeeper(ctx context.Context, job Job) (*Keeper, error) {
	holdings, err := job.Store.Holdings(ctx)
	if err != nil {
		return nil, err
	}
	return &Keeper{k: *newKeeper(job, holdings, archive.Wall(job.Now))}, nil
}

// newKeeper is the keeper of job's PBX, whose key is known before anything is
// downloaded unless it is the address.
func newKeeper(job Job, holdings []archive.Holding, now time.Time) *keeper {
	k := &keeper{store: job.Store, pbx: archive.PBX{Key: knownKey(job, holdings), Name: job.Name}, address: job.Address, at: now}
	k.known = k.pbx.Key != job.Address
	return k
}

// Keep commits the rows of t (closed), without coverage, and returns how many were
// new.
func (k *Keeper) Keep(ctx context.Context, t *cdrclient.Table) (int, error) {
	if t.Len() == 0 {
		return 0, nil
	}
	if !k.k.known {
		if err := k.k.settle(ctx, serialOf(t)); err != nil {
			return 0, err
		}
	}
	n, err := k.k.store.Commit(ctx, archive.Batch{PBX: k.k.pbx, Table: t, At: k.k.at})
	k.k.added += n
	return n, err
}

// Cover records that the archive now holds every record of every extension of r: call
// it once all of them were kept, and only for a download of all extensions for which
// the PBX answered for r itself. It records only what a later sync may trust (see
// coverable) and returns that range, ok false when it recorded nothing.
func (k *Keeper) Cover(ctx context.Context, r archive.Range) (covered archive.Range, ok bool, err error) {
	holdings, err := k.k.store.Holdings(ctx)
	if err != nil {
		return r, false, err
	}
	held, _ := holdingOf(holdings, k.k.pbx.Key)
	covered, at, ok := coverable(r, k.k.at, held)
	if !ok {
		return covered, false, nil
	}
	if !k.k.known {
		k.k.pending = append(k.k.pending, covered) // no rows came: the address is the key
		k.k.at = at
		return covered, true, k.k.finish(ctx)
	}
	_, err = k.k.store.Commit(ctx, archive.Batch{PBX: k.k.pbx, Rows: &block.Rows{}, Covers: &covered, At: at})
	return covered, err == nil, err
}

// Learned is the serial number learned from the rows ("" when it was known already or
// is still unknown): keep it with the connection, as Result.SN.
func (k *Keeper) Learned() string { return k.k.learned }

// coverable is the part of r that a download at now may record as held completely
// (and the Batch.At to record it with), given what the archive holds of the PBX: r up
// to Reread before now, since calls in progress are written when they end. A sync's
// coverage reaching within Reread of the holding's Updated has an unsettled end that
// the next sync reads again (see wanted); that reading depends on Updated and on that
// range staying the last one. So the download's range is recorded when there is no
// such end; when it takes in the whole unsettled end (it read it again), with at =
// now; when it ends before that end, apart from it, with the holding's own Updated, so
// the unsettled end stays unsettled; never when it would merge with part of it.
func coverable(r archive.Range, now time.Time, held archive.Holding) (archive.Range, time.Time, bool) {
	if limit := now.Add(-Reread); r.To.After(limit) {
		r.To = limit
	}
	if r.To.Before(r.From) {
		return r, now, false
	}
	n := len(held.Coverage)
	if n == 0 {
		return r, now, true
	}
	last := held.Coverage[n-1]
	if !last.To.After(held.Updated.Add(-Reread)) {
		return r, now, true // every range is settled
	}
	unsettled := last.To.Add(-Reread)
	switch {
	case !r.From.After(unsettled) && !r.To.Before(last.To):
		return r, now, true
	case r.To.Add(time.Second).Before(unsettled) && !held.Updated.IsZero():
		return r, held.Updated, true
	}
	return r, now, false
}

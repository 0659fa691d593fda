package archivesync

import (
	"context"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/block"
)

// keeper commits the windows under the PBX's key, learning the serial number from the
// first rows when it is not known (see the package doc).
type keeper struct {
	store   archive.Store
	pbx     archive.PBX
	address string
	known   bool            // pbx.Key is final
	at      time.Time       // when the records were fetched
	pending []archive.Range // empty windows before the key was known
	learned string
	added   int
	other   *cdrclient.OtherPeriod // the windows answered for another period, if any
}

// keep commits one window and returns the rows it added.
func (k *keeper) keep(ctx context.Context, f fetched) (int, error) {
	if !k.known {
		sn := f.rows.SN
		if sn == "" && f.rows.Len == 0 && f.other != nil {
			k.noteOther(f.other)
			return 0, nil // nothing to keep, and no coverage to hold back
		}
		if sn == "" && f.rows.Len == 0 {
			k.pending = append(k.pending, f.win)
			return 0, nil
		}
		if err := k.settle(ctx, sn); err != nil {
			return 0, err
		}
	}
	if f.other != nil {
		k.noteOther(f.other)
		n, err := k.store.Commit(ctx, archive.Batch{PBX: k.pbx, Rows: f.rows, At: k.at})
		k.added += n
		return n, err
	}
	return k.commit(ctx, f.rows, f.win)
}

// noteOther adds a window answered for another period to what the result reports.
func (k *keeper) noteOther(o *cdrclient.OtherPeriod) {
	if k.other == nil {
		k.other = &cdrclient.OtherPeriod{Asked: o.Asked, Answered: o.Answered}
		return
	}
	k.other.Asked = span(k.other.Asked, o.Asked)
	k.other.Answered = span(k.other.Answered, o.Answered)
}

func span(a, b cdrclient.Period) cdrclient.Period {
	return cdrclient.Period{From: minTime(a.From, b.From), To: maxTime(a.To, b.To)}
}

// settle fixes the key: sn, or the address for rows without an sn column; it
// commits the windows held back and forgets an address holding without records.
func (k *keeper) settle(ctx context.Context, sn string) error {
	k.known = true
	if sn != "" && sn != k.pbx.Key {
		k.pbx.Key, k.learned = sn, sn
		if err := k.forgetEmptyAddress(ctx); err != nil {
			return err
		}
	}
	return k.flush(ctx)
}

// finish commits the windows still held back: no rows came, so the address is the
// key.
func (k *keeper) finish(ctx context.Context) error {
	if k.known {
		return nil
	}
	return k.flush(ctx)
}

func (k *keeper) flush(ctx context.Context) error {
	for len(k.pending) > 0 {
		if _, err := k.commit(ctx, &block.Rows{}, k.pending[0]); err != nil {
			return err
		}
		k.pending = k.pending[1:]
	}
	return nil
}

func (k *keeper) commit(ctx context.Context, rows *block.Rows, win archive.Range) (int, error) {
	n, err := k.store.Commit(ctx, archive.Batch{PBX: k.pbx, Rows: rows, Covers: &win, At: k.at})
	k.added += n
	return n, err
}

func (k *keeper) forgetEmptyAddress(ctx context.Context) error {
	holdings, err := k.store.Holdings(ctx)
	if err != nil {
		return err
	}
	if h, ok := holdingOf(holdings, k.address); ok && h.Records == 0 {
		return k.store.Forget(ctx, k.address)
	}
	return nil
}

// serialOf is the sn of t's first row, "" without rows or an sn column.
func serialOf(t *cdrclient.Table) string {
	col := t.Column(cdrclient.ColSN)
	if col < 0 || t.Len() == 0 {
		return ""
	}
	return t.Field(0, col)
}

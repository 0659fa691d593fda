package archivetest

import (
	"bytes"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// A pbx is a simulated PBX with the archive's name for it.
type pbx struct {
	archive.PBX
	sim *pbxsim.Server
}

// newPBX is a small office (about 200 rows a day, multi-leg calls included, as the
// simulator writes them by default) changed by opts.
func newPBX(key string, seed uint64, opts func(*pbxsim.Options)) pbx {
	o := pbxsim.DefaultOptions()
	o.Seed = seed
	o.CallsPerDay = 200
	o.SerialNumber = key
	if opts != nil {
		opts(&o)
	}
	return pbx{PBX: archive.PBX{Key: key, Name: "PBX " + key}, sim: pbxsim.New(o)}
}

// csv is what the PBX sends for the query: the reference every archive must equal.
func (p pbx) csv(t *testing.T, exts []string, from, to time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.sim.WriteCSV(&b, exts, from, to); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// table is the PBX's answer read as a download reads it.
func (p pbx) table(t *testing.T, exts []string, from, to time.Time) *cdrclient.Table {
	t.Helper()
	return tableOf(t, p.csv(t, exts, from, to))
}

func tableOf(t *testing.T, csv []byte) *cdrclient.Table {
	t.Helper()
	tab := cdrclient.NewTable()
	if _, err := tab.Write(csv); err != nil {
		t.Fatal(err)
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	return tab
}

// window is a sync window's batch: every record of the range, covering it.
func (p pbx) window(t *testing.T, from, to time.Time) archive.Batch {
	return archive.Batch{PBX: p.PBX, Table: p.table(t, nil, from, to), Covers: &archive.Range{From: from, To: to}, At: to}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// endOf is the last second of the day before next.
func endOf(next time.Time) time.Time { return next.Add(-time.Second) }

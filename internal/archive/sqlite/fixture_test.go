package sqlite

import (
	"bytes"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// The PBX and days of this package's own tests (the conformance suite has its own).
var (
	testFrom = time.Date(2024, time.March, 4, 0, 0, 0, 0, time.UTC)
	testTo   = time.Date(2024, time.March, 6, 23, 59, 59, 0, time.UTC)
)

type simPBX struct {
	archive.PBX
	sim *pbxsim.Server
}

func testPBX() simPBX {
	o := pbxsim.DefaultOptions()
	o.Seed = 42
	o.GBK = true
	o.TrunkNames = map[string]string{"MEO": "太原"}
	return simPBX{PBX: archive.PBX{Key: o.SerialNumber, Name: "总部"}, sim: pbxsim.New(o)}
}

func (p simPBX) csv(t testing.TB, exts []string, from, to time.Time) []byte {
	var b bytes.Buffer
	if err := p.sim.WriteCSV(&b, exts, from, to); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (p simPBX) window(t testing.TB, from, to time.Time) archive.Batch {
	tab := cdrclient.NewTable()
	tab.Write(p.csv(t, nil, from, to))
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	return archive.Batch{PBX: p.PBX, Table: tab, Covers: &archive.Range{From: from, To: to}, At: to}
}

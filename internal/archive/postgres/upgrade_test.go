package postgres

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/postgres/pgtest"
)

// writeV1 keeps a table's rows in a version-1 archive as version 1's Commit did: one
// row of cdrdesk_record each, with its columns and bytes, numbered as received.
func writeV1(t *testing.T, conn *pgx.Conn, pbx int32, tb *cdrclient.Table, seq int64) int64 {
	t.Helper()
	ctx := context.Background()
	var header bytes.Buffer
	tb.WriteRowsTo(&header, nil)
	var head int32
	err := conn.QueryRow(ctx, `INSERT INTO cdrdesk_header (pbx, raw) VALUES ($1, $2)
		ON CONFLICT (pbx, raw) DO UPDATE SET raw = EXCLUDED.raw RETURNING id`, pbx, header.Bytes()).Scan(&head)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]any
	for i := range tb.Len() {
		rec := tb.Record(i)
		var ts any
		if at, ok := cdrclient.ParsePBXTime(rec.TimeStart()); ok {
			ts = at
		}
		seq++
		rows = append(rows, []any{pbx, head, seq, ts, rec.CallID(), rec.CallFrom(), rec.CallTo(), rec.Status(), rec.Type(), tb.RawRow(i)})
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"cdrdesk_record"},
		[]string{"pbx", "header", "seq", "timestart", "callid", "callfrom", "callto", "status", "type", "raw"}, pgx.CopyFromRows(rows))
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// TestUpgradeFromRecords opens an archive of version 1 (a row of cdrdesk_record per
// record) with this version: its rows move into blocks, and it reads back as the PBX
// sent them, for all extensions and for some, with its coverage and last update; a row
// without a readable timestart (which no query could select) goes; committing the same
// windows again adds nothing, and the record table is gone.
func TestUpgradeFromRecords(t *testing.T) {
	ctx := context.Background()
	before, after := pbxsim.New(pbxsim.Options{TrunkNames: map[string]string{"MEO": "太原"}, GBK: true}), pbxsim.New(pbxsim.Options{})
	after.Update(func(o *pbxsim.Options) { o.HeaderSpelling = "desttrunkname" }) // a firmware update
	dsn := pgtest.Database(t)
	v1, err := open(ctx, dsn, migrations[:1])
	if err != nil {
		t.Fatal(err)
	}
	v1.Close()
	if v := version(t, dsn); v != 1 {
		t.Fatalf("version %d, want 1", v)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var pbx int32
	at := day(5, 9)
	if err := conn.QueryRow(ctx, "INSERT INTO cdrdesk_pbx (key, name, updated) VALUES ($1, $2, $3) RETURNING id", testPBX.Key, testPBX.Name, at).Scan(&pbx); err != nil {
		t.Fatal(err)
	}
	seq := writeV1(t, conn, pbx, pbxTable(t, before, nil, day(5, 1), day(5, 4).Add(-time.Second)), 0)
	// Then a firmware update: the last days have another header.
	seq = writeV1(t, conn, pbx, pbxTable(t, after, nil, day(5, 4), day(5, 6).Add(-time.Second)), seq)
	header := "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\r\n"
	writeV1(t, conn, pbx, tableOf(t, []byte(header+"1714550400.9,not a time,1000,1001,5,3,,,ANSWERED,Internal,,,,SN\r\n")), seq)
	if _, err := conn.Exec(ctx, "INSERT INTO cdrdesk_coverage (pbx, first, last) VALUES ($1, $2, $3)", pbx, day(5, 1), day(5, 6).Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)

	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := version(t, dsn); v != len(migrations) {
		t.Errorf("version %d after Open, want %d", v, len(migrations))
	}
	if _, ok := tables(t, dsn)["cdrdesk_record"]; ok {
		t.Error("cdrdesk_record is still there")
	}
	for _, q := range []struct {
		sim      *pbxsim.Server
		from, to time.Time
		exts     []string
	}{
		{before, day(5, 1), day(5, 4).Add(-time.Second), nil},
		{before, day(5, 2), day(5, 3), []string{"1001"}},
		{before, day(5, 1), day(5, 4).Add(-time.Second), []string{"1003", "1005"}},
		{after, day(5, 4), day(5, 6).Add(-time.Second), nil},
		{after, day(5, 4), day(5, 6).Add(-time.Second), []string{"1002"}},
	} {
		got, n := archiveCSV(t, s, testPBX.Key, q.from, q.to, q.exts)
		if want := pbxCSV(t, q.sim, q.exts, q.from, q.to); n == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s–%s of %v after the upgrade: %s", q.from.Format(time.DateTime), q.to.Format(time.DateTime), q.exts, firstDiff(got, want))
		}
	}
	h := holding(t, s, testPBX.Key)
	want := rowCount(pbxCSV(t, before, nil, day(5, 1), day(5, 4).Add(-time.Second))) + rowCount(pbxCSV(t, after, nil, day(5, 4), day(5, 6).Add(-time.Second)))
	if cover := []archive.Range{{From: day(5, 1), To: day(5, 6).Add(-time.Second)}}; h.Records != want || !h.Updated.Equal(at) ||
		!slices.EqualFunc(h.Coverage, cover, sameRange) || h.PBX != testPBX {
		t.Errorf("holding %+v; want %d records, covering %v, updated %v", h, want, cover, at)
	}
	if added := commitWindow(t, s, before, day(5, 1), day(5, 4).Add(-time.Second)); added != 0 {
		t.Errorf("the first days again added %d", added)
	}
	if added := commitWindow(t, s, after, day(5, 4), day(5, 6).Add(-time.Second)); added != 0 {
		t.Errorf("the last days again added %d", added)
	}
}

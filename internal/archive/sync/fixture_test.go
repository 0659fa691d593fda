package archivesync

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/sqlite"
)

// start is the tests' "now" on the PBX: mid-morning, calls in progress.
var start = time.Date(2026, 5, 20, 10, 0, 0, 0, pbxsim.DefaultLocation())

// office is a live PBX on loopback (calls appear as its clock moves on), a session to
// it and an archive file.
type office struct {
	t     *testing.T
	clock *pbxsim.Clock
	sim   *pbxsim.Server
	sess  *cdrclient.Session
	url   string
	path  string
	store archive.Store
}

func newOffice(t *testing.T, mod func(*pbxsim.Options)) *office {
	t.Helper()
	clock := pbxsim.NewClock(start)
	o := pbxsim.DefaultOptions()
	o.Now, o.Live = clock.Now, true
	if mod != nil {
		mod(&o)
	}
	sim := pbxsim.New(o)
	run, err := sim.StartTLS("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	sess, err := cdrclient.NewSession(cdrclient.Config{BaseURL: run.URL, User: pbxsim.DefaultUser,
		PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: run.Fingerprint, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	f := &office{t: t, clock: clock, sim: sim, sess: sess, url: run.URL, path: filepath.Join(t.TempDir(), "archive.db")}
	f.store = f.open()
	return f
}

func (f *office) open() archive.Store {
	f.t.Helper()
	s, err := sqlite.Open(context.Background(), f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { s.Close() })
	return s
}

// job is a sync of the office's PBX as of its clock, by address only.
func (f *office) job() Job {
	return Job{Store: f.store, PBX: f.sess, Name: "总部", Address: f.url, Now: f.clock.Now()}
}

func (f *office) sync(j Job) Result {
	f.t.Helper()
	res, err := Run(context.Background(), j)
	if err != nil {
		f.t.Fatal(err)
	}
	return res
}

// pbxCSV is what the PBX serves for every record of [from, to] now.
func (f *office) pbxCSV(from, to time.Time) []byte {
	f.t.Helper()
	var b bytes.Buffer
	if err := f.sim.WriteCSV(&b, nil, from, to); err != nil {
		f.t.Fatal(err)
	}
	return b.Bytes()
}

func (f *office) archiveCSV(key string, from, to time.Time) []byte {
	f.t.Helper()
	var b bytes.Buffer
	if _, err := f.store.WriteCSV(context.Background(), &b, key, archive.Range{From: archive.Wall(from), To: archive.Wall(to)}, nil); err != nil {
		f.t.Fatal(err)
	}
	return b.Bytes()
}

// rows is the number of records the PBX holds in [from, to] now.
func (f *office) rows(from, to time.Time) int64 {
	f.t.Helper()
	tab := cdrclient.NewTable()
	tab.Write(f.pbxCSV(from, to))
	if err := tab.Close(); err != nil {
		f.t.Fatal(err)
	}
	return int64(tab.Len())
}

// sameAsPBX fails unless the archive's CSV of [from, to] is the PBX's, byte for byte.
func (f *office) sameAsPBX(key string, from, to time.Time) {
	f.t.Helper()
	got, want := f.archiveCSV(key, from, to), f.pbxCSV(from, to)
	if !bytes.Equal(got, want) {
		f.t.Fatalf("archive of %s…%s: %d bytes (%d lines), the PBX serves %d (%d lines)", from.Format(time.DateTime), to.Format(time.DateTime),
			len(got), bytes.Count(got, []byte("\n")), len(want), bytes.Count(want, []byte("\n")))
	}
}

package archivesync

import (
	"context"
	"path/filepath"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive/sqlite"
)

// BenchmarkSyncYear syncs a busy office's year (about a million records) from the
// simulator on loopback into a fresh SQLite archive, as `make bench` does: run it with
// -cpuprofile to see where a sync's time goes.
func BenchmarkSyncYear(b *testing.B) {
	o, from, to := pbxsim.BusyYear()
	run, err := pbxsim.New(o).StartTLS("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer run.Close()
	ctx := context.Background()
	for i := range b.N {
		sess, err := cdrclient.NewSession(cdrclient.Config{BaseURL: run.URL, User: pbxsim.DefaultUser,
			PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword), Fingerprint: run.Fingerprint})
		if err != nil {
			b.Fatal(err)
		}
		store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "archive.db"))
		if err != nil {
			b.Fatal(err)
		}
		res, err := Run(ctx, Job{Store: store, PBX: sess, Name: "bench", Address: run.URL, Since: from, Now: to})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(res.Added), "records")
		}
		store.Close()
	}
}

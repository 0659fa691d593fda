package gui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/sqlite"
	"cdrdesk/internal/profile"
)

// shown is the CSV of the records the window shows.
func (f *fixture) shown() []byte {
	f.t.Helper()
	var b bytes.Buffer
	f.act(func() {
		if f.w.table == nil {
			f.t.Fatal("no records shown")
		}
		f.w.table.WriteTo(&b)
	})
	return b.Bytes()
}

// getRecords taps a preset, then Get records, and waits for the answer.
func (f *fixture) getRecords(preset string) {
	f.t.Helper()
	f.act(func() {
		root := f.w.win.Canvas().Content()
		test.Tap(uitest.Button(f.t, root, i18n.L(preset)))
		test.Tap(uitest.Button(f.t, root, i18n.L("Get records")))
	})
	f.wait("fetch")
}

// rowsOf counts the data rows of a CSV.
func rowsOf(t *testing.T, csv []byte) int64 {
	tab := cdrclient.NewTable()
	tab.Write(csv)
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	return int64(tab.Len())
}

// TestGetRecordsThroughTheArchive: Get records keeps what it downloads; asked again, a
// covered range is answered by the archive with nothing asked of the PBX, and a range
// partly covered asks the PBX for the gap only. What is shown is what the PBX serves,
// byte for byte.
func TestGetRecordsThroughTheArchive(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	october := cdrclient.Query{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), End: time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)}

	f.getRecords("Last month")
	want := served(t, f.sim, october)
	if got := f.shown(); !bytes.Equal(got, want) {
		t.Fatalf("first Get records: %d bytes shown, the PBX serves %d", len(got), len(want))
	}

	f.sim.ResetStats()
	f.getRecords("Last month")
	if st := f.sim.Stats(); st.Randoms != 0 || st.Downloads != 0 {
		t.Errorf("a covered range asked the PBX: %d keys, %d downloads", st.Randoms, st.Downloads)
	}
	if got := f.shown(); !bytes.Equal(got, want) {
		t.Errorf("from the archive: %d bytes shown, the PBX serves %d", len(got), len(want))
	}

	// Last 30 days: October 20 to today; October is held, November up to now is not.
	f.sim.ResetStats()
	f.getRecords("Last 30 days")
	gap := cdrclient.Query{Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local), End: now}
	if st, want := f.sim.Stats(), rowsOf(t, served(t, f.sim, gap)); st.RowsServed != want {
		t.Errorf("the PBX served %d rows, want %d: those of the gap only", st.RowsServed, want)
	}
	q := f.w.info.Query
	q.End = now // nothing after now is kept: the PBX has no records of it yet
	if got, want := f.shown(), served(t, f.sim, q); !bytes.Equal(got, want) {
		t.Errorf("partly covered: %d bytes shown, the PBX serves %d", len(got), len(want))
	}
}

// TestRecordsShownWhenTheArchiveIsDamaged: a damaged archive never costs the records:
// they are downloaded and shown as before, the status line says once that they were
// not kept and what to do, and the file is left as it was.
func TestRecordsShownWhenTheArchiveIsDamaged(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{i18n.English, "Not kept in the archive: "},
		{i18n.Chinese, "这些记录未保存到存档："},
	} {
		t.Run(tc.language, func(t *testing.T) {
			damaged := filepath.Join(t.TempDir(), "archive.db")
			junk := bytes.Repeat([]byte("not an archive "), 512)
			if err := os.WriteFile(damaged, junk, 0o600); err != nil {
				t.Fatal(err)
			}
			f := newFixtureWith(t, true, setup{archive: damaged})
			f.wait("connect")
			f.w.applySettings(tc.language, "system")
			f.getRecords("Last month")
			if got, want := f.shown(), served(t, f.sim, f.w.info.Query); !bytes.Equal(got, want) {
				t.Fatalf("%d bytes shown, the PBX serves %d", len(got), len(want))
			}
			if line := f.w.bar.archive.Text; !strings.HasPrefix(line, tc.want) || !strings.Contains(line, damaged) {
				t.Errorf("status line %q, want %q naming the file", line, tc.want)
			}
			if got, _ := os.ReadFile(damaged); !bytes.Equal(got, junk) {
				t.Error("the damaged file was changed")
			}
		})
	}
}

// saveConnection saves p (to the fixture's simulator unless p says otherwise) with
// its password, as the one to connect to at start.
func saveConnection(t *testing.T, store *profile.Store, p profile.Profile) {
	t.Helper()
	p.User, p.APIVersion = pbxsim.DefaultUser, "auto"
	if err := store.Save(p); err != nil {
		t.Fatal(err)
	}
	if err := store.SetPasswordMD5(p.Name, cdrclient.HashPassword(pbxsim.DefaultPassword)); err != nil {
		t.Fatal(err)
	}
	if err := store.SetLast(p.Name); err != nil {
		t.Fatal(err)
	}
}

// TestOfflineFromTheArchive: a window whose PBX is unreachable at start still gets
// records from the archive, with the extension list of the last connection, and says
// it is offline, what the archive covers and when it was last updated, and which part
// of the range asked it lacks.
func TestOfflineFromTheArchive(t *testing.T) {
	for _, tc := range []struct{ language, offline, missing string }{
		{i18n.English, "Offline · from the archive: 2026-10-01 00:00 – 2026-10-31 23:59, last updated 2026-11-18 10:00",
			"not in the archive: 2026-11-01 00:00 – 2026-11-18 10:00"},
		{i18n.Chinese, "离线 · 来自存档：2026-10-01 00:00 – 2026-10-31 23:59，最后更新于 2026-11-18 10:00",
			"存档中缺少：2026-11-01 00:00 – 2026-11-18 10:00"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			// Online: last month is kept.
			var saved profile.Profile
			online := newFixtureWith(t, false, setup{prepare: func(f *fixture, run *pbxsim.Running) {
				saveConnection(t, f.store, profile.Profile{Name: "总部", URL: run.URL, Fingerprint: run.Fingerprint})
			}})
			online.wait("connect")
			online.getRecords("Last month")
			kept := online.shown()
			online.w.quit()
			saved, _ = online.store.Get("总部")
			online.run.Close()

			f := newFixtureWith(t, false, setup{archive: online.archive, prepare: func(f *fixture, _ *pbxsim.Running) {
				saveConnection(t, f.store, saved)
			}})
			f.wait("connect")
			f.wait("dialog:load") // the connection dialog, with the reason, is ready
			if len(saved.Extensions) == 0 {
				t.Fatal("the connection kept no extensions")
			}
			f.act(func() {
				f.w.applySettings(tc.language, "system")
				root := f.w.win.Canvas().Content()
				all := f.check(root, i18n.L("All extensions"))
				test.Tap(all)
				f.check(root, "1000 ") // the picker has the PBX's extensions, offline
				test.Tap(all)
			})
			f.getRecords("Last month")
			if got := f.shown(); !bytes.Equal(got, kept) {
				t.Fatalf("offline: %d bytes shown, %d were kept", len(got), len(kept))
			}
			if line := f.w.bar.archive.Text; line != tc.offline {
				t.Errorf("status line %q, want %q", line, tc.offline)
			}
			f.getRecords("This month")
			if line := f.w.bar.archive.Text; !strings.HasPrefix(line, tc.offline) || !strings.HasSuffix(line, tc.missing) {
				t.Errorf("status line %q, want %q then %q", line, tc.offline, tc.missing)
			}
		})
	}
}

// holding is what the fixture's archive holds (it is opened beside the window's, as
// another process would).
func (f *fixture) holding() archive.Holding {
	f.t.Helper()
	s, err := sqlite.Open(context.Background(), f.archive)
	if err != nil {
		f.t.Fatal(err)
	}
	defer s.Close()
	hs, err := s.Holdings(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	if len(hs) != 1 {
		f.t.Fatalf("the archive holds %d PBXs, want 1", len(hs))
	}
	return hs[0]
}

package gui

import (
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
	"cdrdesk/internal/archive/place"
)

// day is a whole day of the test PBX's wall clock, as the archive keeps it.
func day(y int, m time.Month, d int) archive.Range {
	return archive.Range{From: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), To: time.Date(y, m, d, 23, 59, 59, 0, time.UTC)}
}

// simTable is what sim sends for r, all extensions, read as a download is.
func simTable(t *testing.T, sim *pbxsim.Server, r archive.Range) *cdrclient.Table {
	t.Helper()
	local := func(x time.Time) time.Time {
		return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, time.Local)
	}
	tab := cdrclient.NewTable()
	if _, err := tab.Write(served(t, sim, cdrclient.Query{Start: local(r.From), End: local(r.To)})); err != nil {
		t.Fatal(err)
	}
	if err := tab.Close(); err != nil || tab.Len() == 0 {
		t.Fatalf("simulated day %v: %d records, %v", r.From, tab.Len(), err)
	}
	return tab
}

// keep commits the records of sim for the days given into the window's archive, as
// PBX p, with those days as covered.
func (f *fixture) keep(p archive.PBX, days ...archive.Range) (records int) {
	f.t.Helper()
	s, err := f.w.archive.get(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	for _, d := range days {
		tab := simTable(f.t, f.sim, d)
		if _, err := s.Commit(context.Background(), archive.Batch{PBX: p, Table: tab, Covers: &d, At: now}); err != nil {
			f.t.Fatal(err)
		}
		records += tab.Len()
	}
	return records
}

// holdings is what the window's archive holds now, by key.
func (f *fixture) holdings() map[string]archive.Holding {
	f.t.Helper()
	s, err := f.w.archive.get(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	hs, err := s.Holdings(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[string]archive.Holding{}
	for _, h := range hs {
		out[h.PBX.Key] = h
	}
	return out
}

// openArchiveDialog opens Settings… → Archive… as a person does, and waits for the
// holdings to be listed.
func (f *fixture) openArchiveDialog() *archiveDialog {
	f.t.Helper()
	var a *archiveDialog
	f.act(func() { a = f.w.showArchiveSettings() })
	f.wait("archivedialog:holdings")
	return a
}

// tapOnTop taps the button labelled text in the dialog on top.
func (f *fixture) tapOnTop(text string) {
	f.t.Helper()
	f.act(func() {
		top := f.w.win.Canvas().Overlays().Top()
		if top == nil {
			f.t.Fatalf("no dialog to tap %q in", text)
		}
		test.Tap(uitest.Button(f.t, top, text))
	})
}

func (f *fixture) topText() string {
	var s string
	f.act(func() {
		if top := f.w.win.Canvas().Overlays().Top(); top != nil {
			s = strings.Join(texts(top), "\n")
		}
	})
	return s
}

var (
	headOffice = archive.PBX{Key: "SN-HEAD", Name: "Head office"}
	branch     = archive.PBX{Key: "SN-BRANCH", Name: "Branch 分店"}
)

// TestArchiveDialogListsAndForgets: the dialog lists each PBX held with its records,
// range and coverage; forgetting one (after a confirmation naming it and its count)
// deletes its records only.
func TestArchiveDialogListsAndForgets(t *testing.T) {
	for _, tc := range []struct {
		language string
		want     []string
		forget   string
		confirm  string
	}{
		{i18n.English, []string{"Head office", "Serial number or address: SN-HEAD", "Complete from 2025-10-01 to 2026-11-02 except 1 gaps (last updated ",
			"Complete from 2026-11-10 to 2026-11-10 (last updated "}, "Forget this PBX's records…", "Delete all {{.Count}} records of Head office"},
		{i18n.Chinese, []string{"Head office", "序列号或地址：SN-HEAD", "从 2025-10-01 到 2026-11-02 完整，中间缺 1 段（最后更新于 "},
			"忘记这台 PBX 的记录…", "从通话存档中删除 Head office 的全部 {{.Count}} 条记录"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.act(func() { f.w.applySettings(tc.language, "system") })
			nHead := f.keep(headOffice, day(2025, 10, 1), day(2026, 11, 2))
			nBranch := f.keep(branch, day(2026, 11, 10))

			a := f.openArchiveDialog()
			var listed string
			f.act(func() { listed = strings.Join(texts(a.holdings), "\n") })
			for _, want := range append(tc.want, "Branch 分店", i18n.Count(nHead), i18n.Count(nBranch)) {
				if !strings.Contains(listed, want) {
					t.Errorf("the list lacks %q:\n%s", want, listed)
				}
			}

			f.act(func() { test.Tap(uitest.Button(t, a.holdings, tc.forget)) }) // the first: SN-BRANCH sorts before SN-HEAD
			confirm := strings.ReplaceAll(tc.confirm, "{{.Count}}", i18n.Count(nBranch))
			confirm = strings.ReplaceAll(confirm, "Head office", "Branch 分店")
			if got := f.topText(); !strings.Contains(got, confirm) {
				t.Fatalf("the confirmation does not say %q:\n%s", confirm, got)
			}
			f.tapOnTop(i18n.L("Delete"))
			f.wait("archivedialog:forgot")
			f.wait("archivedialog:holdings")
			hs := f.holdings()
			if _, ok := hs[branch.Key]; ok || hs[headOffice.Key].Records != nHead {
				t.Errorf("after forgetting the branch: %+v", hs)
			}
			f.act(func() { listed = strings.Join(texts(a.holdings), "\n") })
			if strings.Contains(listed, "Branch 分店") || !strings.Contains(listed, "Head office") {
				t.Errorf("the list after forgetting:\n%s", listed)
			}
		})
	}
}

// TestForgetWaitsForUpdate: Forget while an update holds the archive (here its turn,
// taken as a sync takes it) says that it waits and deletes nothing; once the update
// is over, the records go. An update running meanwhile would keep the PBX's newest
// records again.
func TestForgetWaitsForUpdate(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	f.keep(branch, day(2026, 11, 10))
	release, err := f.w.archive.take(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a := f.openArchiveDialog()
	f.act(func() { test.Tap(uitest.Button(t, a.holdings, "Forget this PBX's records…")) })
	f.tapOnTop("Delete")
	f.wait("archivedialog:waiting")
	var said string
	f.act(func() { said = a.inUse.Text })
	if _, held := f.holdings()[branch.Key]; !held || said != "Waiting for the archive update to finish…" {
		t.Errorf("while the update runs: branch held %v, the dialog says %q", held, said)
	}
	release()
	f.wait("archivedialog:forgot")
	if _, held := f.holdings()[branch.Key]; held {
		t.Error("the branch's records are still held after the update ended")
	}
}

// TestRetentionWaitsForUpdate: deleting old records while an update holds the archive
// says that it waits and deletes nothing until the update is over, as Forget does.
func TestRetentionWaitsForUpdate(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	old := simTable(t, f.sim, day(2025, 10, 1)).Len()
	total := f.keep(headOffice, day(2025, 10, 1), day(2026, 11, 2))
	a := f.openArchiveDialog()
	release, err := f.w.archive.take(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	f.act(func() { a.keep.sel.SetSelected("Delete records older than 1 year") })
	f.wait("archivedialog:counted")
	f.tapOnTop("Delete")
	f.wait("archivedialog:waiting")
	var said string
	f.act(func() { said = a.inUse.Text })
	if n := f.holdings()[headOffice.Key].Records; n != total || said != "Waiting for the archive update to finish…" {
		t.Errorf("while the update runs: %d records held of %d, the dialog says %q", n, total, said)
	}
	release()
	f.wait("archivedialog:kept")
	if n := f.holdings()[headOffice.Key].Records; n != total-old {
		t.Errorf("after the update: %d records held, want %d", n, total-old)
	}
}

// TestRetentionDeletesOldRecords: choosing to keep one year says how many records go
// and before which day, deletes them on Yes, keeps the choice, and deletes records
// grown too old each time the archive is opened again. No keeps everything.
func TestRetentionDeletesOldRecords(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	old := simTable(t, f.sim, day(2025, 10, 1)).Len()
	total := f.keep(headOffice, day(2025, 10, 1), day(2026, 11, 2))
	a := f.openArchiveDialog()

	choose := func() {
		f.act(func() { a.keep.sel.SetSelected("Delete records older than 1 year") })
		f.wait("archivedialog:counted")
	}
	choose()
	want := i18n.Count(old) + " records started before 2025-11-18"
	if got := f.topText(); !strings.Contains(got, want) {
		t.Fatalf("the confirmation does not say %q:\n%s", want, got)
	}
	f.tapOnTop("Cancel")
	f.wait("archivedialog:kept")
	if got := f.app.Preferences().Int(prefKeepYears); got != 0 || f.holdings()[headOffice.Key].Records != total || a.keep.sel.Selected != "Forever" {
		t.Fatalf("after Cancel: keep %d years, %d records, choice %q", got, f.holdings()[headOffice.Key].Records, a.keep.sel.Selected)
	}

	choose()
	f.tapOnTop("Delete")
	f.wait("archivedialog:kept")
	f.wait("archivedialog:holdings") // the list read again, so nothing uses the archive below
	h := f.holdings()[headOffice.Key]
	if got := f.app.Preferences().Int(prefKeepYears); got != 1 || h.Records != total-old || h.First.Before(keepCutoff(now, 1)) {
		t.Fatalf("after Yes: keep %d years, %d records from %v; want %d records", got, h.Records, h.First, total-old)
	}

	// Records older than a year come back (an import of an old file, another
	// computer's sync): the next opening deletes them.
	if err := f.w.archive.close(); err != nil {
		t.Fatal(err)
	}
	loc, _ := f.w.archive.where()
	s, err := place.Open(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(context.Background(), archive.Batch{PBX: headOffice, Table: simTable(t, f.sim, day(2025, 10, 1)), At: now}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if h := f.holdings()[headOffice.Key]; h.Records != total-old || h.First.Before(keepCutoff(now, 1)) {
		t.Errorf("after opening again: %d records from %v, want %d", h.Records, h.First, total-old)
	}
}

// TestMovingToABadLocationKeepsTheArchive: a location that cannot be opened (a missing
// folder, a file that is not an archive) is explained, in both languages; the archive
// in use, the setting and the file stay as they were.
func TestMovingToABadLocationKeepsTheArchive(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(foreign, []byte("shopping list\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		language              string
		missing, notAnArchive string // what each location's explanation says
	}{
		{i18n.English, "could not be opened", "is damaged"},
		{i18n.Chinese, "无法打开通话存档", "已损坏"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.act(func() { f.w.applySettings(tc.language, "system") })
			n := f.keep(headOffice, day(2026, 11, 2))
			before, _ := f.w.archive.where()
			a := f.openArchiveDialog()
			for location, want := range map[string]string{filepath.Join(dir, "typo", "archive.db"): tc.missing, foreign: tc.notAnArchive} {
				f.act(func() {
					a.location.SetText(location)
					test.Tap(uitest.Button(t, a.content, i18n.L("Use this archive")))
				})
				f.wait("archivedialog:moved")
				if got := f.topText(); !strings.Contains(got, want) {
					t.Errorf("%s: no explanation %q:\n%s", location, want, got)
				}
				f.tapOnTop(i18n.L("Close")) // the explanation; the Archive dialog stays
				if after, _ := f.w.archive.where(); after != before || f.app.Preferences().String(prefArchive) != "" {
					t.Errorf("the archive moved to %s (setting %q)", after, f.app.Preferences().String(prefArchive))
				}
				if f.holdings()[headOffice.Key].Records != n {
					t.Error("the archive in use lost records")
				}
				if b, _ := os.ReadFile(foreign); string(b) != "shopping list\n" {
					t.Errorf("the foreign file changed: %q", b)
				}
			}
		})
	}
}

// TestArchivePasswordGoesToTheKeyring: a PostgreSQL connection string typed with its
// password is kept in the preferences without it; the keyring holds the password, and
// the next start opens the database with it.
func TestArchivePasswordGoesToTheKeyring(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	var opened []string
	stand := filepath.Join(t.TempDir(), "stand-in.db") // no PostgreSQL here: what matters is the string
	fakeOpen := func(ctx context.Context, loc string) (archive.Store, error) {
		opened = append(opened, loc)
		if place.IsPostgres(loc) {
			loc = stand
		}
		return place.Open(ctx, loc)
	}
	f.w.archive.open = fakeOpen
	a := f.openArchiveDialog()
	const typed = "postgres://cdr:s3cret@db.example:5432/cdr?sslmode=require"
	const kept = "postgres://cdr@db.example:5432/cdr?sslmode=require"
	f.act(func() {
		a.location.SetText(typed)
		test.Tap(uitest.Button(t, a.content, "Use this archive"))
	})
	f.wait("archivedialog:moved")
	if got := f.app.Preferences().String(prefArchive); got != kept {
		t.Errorf("setting %q, want %q", got, kept)
	}
	if pw, err := f.store.ArchivePassword(kept); pw != "s3cret" || err != nil {
		t.Errorf("keyring: %q, %v", pw, err)
	}
	var shown string
	f.act(func() { shown = a.location.Text + "\n" + strings.Join(texts(a.content), "\n") })
	if strings.Contains(shown, "s3cret") {
		t.Errorf("the dialog shows the password:\n%s", shown)
	}

	// The next start: the setting without the password, the keyring with it.
	next := newArchiveBox(f.w.opts, f.app.Preferences().String(prefArchive))
	next.open = fakeOpen
	s, err := next.get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if last := opened[len(opened)-1]; last != typed {
		t.Errorf("the next start opened %q, want %q", last, typed)
	}
}

// TestSyncOnConnectSetting: Settings… → Archive… opens the dialog, whose check shows
// and changes the setting (on by default).
func TestSyncOnConnectSetting(t *testing.T) {
	for _, tc := range []struct{ language, title, check string }{
		{i18n.English, "Archive", "Update the archive when connecting"},
		{i18n.Chinese, "通话存档", "连接时更新通话存档"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			// The fixture turns the update on connect off for its own windows; the
			// setting's default is what a person starts with: none stored.
			f.app.Preferences().RemoveValue(prefSyncOnConnect)
			f.act(func() {
				f.w.applySettings(tc.language, "system")
				test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), i18n.L("Settings…")))
			})
			f.tapOnTop(i18n.L("Archive…"))
			f.wait("archivedialog:holdings")
			if got := f.topText(); !strings.Contains(got, tc.title) {
				t.Fatalf("no Archive dialog on top:\n%s", got)
			}
			f.act(func() {
				c := f.check(f.w.win.Canvas().Overlays().Top(), tc.check)
				if !c.Checked {
					t.Error("off by default")
				}
				test.Tap(c)
			})
			if f.app.Preferences().BoolWithFallback(prefSyncOnConnect, true) {
				t.Error("unchecking did not change the setting")
			}
		})
	}
}

// TestDamagedArchiveIsExplainedNotReplaced: an archive file that cannot be read is
// explained in the Archive dialog and when adding a CSV file to it, in both languages;
// the file is left exactly as it was.
func TestDamagedArchiveIsExplainedNotReplaced(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{i18n.English, "is damaged"},
		{i18n.Chinese, "已损坏"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.act(func() { f.w.applySettings(tc.language, "system") })
			if err := f.w.archive.close(); err != nil {
				t.Fatal(err)
			}
			loc, _ := f.w.archive.where()
			garbage := []byte("SQLite format 3\x00 but not really; the rest of a broken disk sector\n")
			if err := os.WriteFile(loc, garbage, 0o600); err != nil {
				t.Fatal(err)
			}

			a := f.openArchiveDialog()
			var listed string
			f.act(func() { listed = strings.Join(texts(a.holdings), "\n") })
			if !strings.Contains(listed, tc.want) {
				t.Errorf("the dialog does not explain the archive:\n%s", listed)
			}
			f.act(func() { a.d.Hide() })

			f.openFile(writeFile(t, "CDR.csv", served(t, f.sim, cdrclient.Query{Start: localDay(2026, 11, 2), End: localDay(2026, 11, 2).Add(86399e9)})))
			f.tapOnTop(i18n.L("Add to the archive and show"))
			f.wait("opencsv:added")
			if got := f.topText(); !strings.Contains(got, tc.want) {
				t.Errorf("adding to it is not explained:\n%s", got)
			}
			if b, _ := os.ReadFile(loc); string(b) != string(garbage) {
				t.Error("the damaged archive was changed")
			}
		})
	}
}

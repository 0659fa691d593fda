package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// fakeOpener answers Open CSV file… with a fixed file.
type fakeOpener struct{ path string }

func (o *fakeOpener) OpenFile(_ fyne.Window, _ []string, done func(string)) { done(o.path) }

// openFile taps Open CSV file… for the file at path and waits until it was read.
func (f *fixture) openFile(path string) {
	f.t.Helper()
	f.w.opts.FileOpener = &fakeOpener{path: path}
	f.act(func() { test.Tap(uitest.Button(f.t, f.w.win.Canvas().Content(), i18n.L("Open CSV file…"))) })
	f.wait("opencsv:read")
}

// writeFile writes data to a file called name in a temporary folder.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenCSVShowsOrAdds: a CSV saved earlier is shown without touching the archive,
// or added (the count new and held already in the status); adding it again adds none.
func TestOpenCSVShowsOrAdds(t *testing.T) {
	for _, tc := range []struct{ language, holds, firstAdd, secondAdd string }{
		{i18n.English, "CDR_office.csv holds {{.N}} records, from 2026-11-02 to 2026-11-02.",
			"{{.N}} of {{.N}} records of CDR_office.csv added to the archive; 0 were held already",
			"0 of {{.N}} records of CDR_office.csv added to the archive; {{.N}} were held already"},
		{i18n.Chinese, "CDR_office.csv 中有 {{.N}} 条记录，从 2026-11-02 到 2026-11-02。",
			"CDR_office.csv 的 {{.N}} 条记录中有 {{.N}} 条已加入通话存档；0 条原本已有",
			"CDR_office.csv 的 {{.N}} 条记录中有 0 条已加入通话存档；{{.N}} 条原本已有"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.act(func() { f.w.applySettings(tc.language, "system") })
			want := simTable(t, f.sim, day(2026, 11, 2))
			n := i18n.Count(want.Len())
			fill := func(s string) string { return strings.ReplaceAll(s, "{{.N}}", n) }
			path := writeFile(t, "CDR_office.csv", served(t, f.sim, cdrclient.Query{Start: localDay(2026, 11, 2), End: localDay(2026, 11, 2).Add(86399e9)}))

			f.openFile(path)
			if got := f.topText(); !strings.Contains(got, fill(tc.holds)) {
				t.Fatalf("the choice does not say %q:\n%s", fill(tc.holds), got)
			}
			f.tapOnTop(i18n.L("Just show"))
			f.wait("opencsv:shown")
			if f.w.table == nil || f.w.table.Len() != want.Len() {
				t.Fatalf("shown: %v, want %d records", f.w.table, want.Len())
			}
			if got := f.statusText(); !strings.Contains(got, "CDR_office.csv") || !strings.Contains(got, n) {
				t.Errorf("status after Just show: %q", got)
			}
			if hs := f.holdings(); len(hs) != 0 {
				t.Errorf("Just show kept records: %+v", hs)
			}

			for _, wantStatus := range []string{fill(tc.firstAdd), fill(tc.secondAdd)} {
				f.openFile(path)
				f.tapOnTop(i18n.L("Add to the archive and show"))
				f.wait("opencsv:added")
				if got := f.statusText(); !strings.Contains(got, wantStatus) {
					t.Errorf("status %q, want it to say %q", got, wantStatus)
				}
			}
			h, ok := f.holdings()[pbxsim.DefaultSerialNumber]
			if !ok || h.Records != want.Len() || len(h.Coverage) != 0 || h.PBX.Name != f.w.connection().Profile.Name {
				t.Errorf("held after adding twice: %+v", f.holdings())
			}
			if f.w.table.Len() != want.Len() {
				t.Errorf("shown after adding: %d records", f.w.table.Len())
			}
		})
	}
}

// TestOpenCSVWithoutSerialNumber: a file with no sn column is the connected PBX's,
// under its address, as `cdrdesk import --profile` would have it.
func TestOpenCSVWithoutSerialNumber(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	path := writeFile(t, "old.csv", []byte("callid,timestart,callfrom,callto,callduraction,talkduraction,status,type\r\n"+
		"1,2026-11-01 10:00:00,1001,1002,10,5,ANSWERED,Internal\r\n"))
	f.openFile(path)
	f.tapOnTop("Add to the archive and show")
	f.wait("opencsv:added")
	addr, err := cdrclient.ParseAddress(f.simURL)
	if err != nil {
		t.Fatal(err)
	}
	if h, ok := f.holdings()[addr]; !ok || h.Records != 1 {
		t.Errorf("held: %+v, want 1 record under %s", f.holdings(), addr)
	}
}

// TestOpenCSVReadsGBK: a file the PBX saved in GBK shows its Chinese names.
func TestOpenCSVReadsGBK(t *testing.T) {
	f := newFixture(t, true)
	f.wait("connect")
	o := pbxsim.DefaultOptions()
	o.GBK = true
	o.TrunkNames = map[string]string{pbxsim.TrunkNames()[0]: "太原"}
	gbk := pbxsim.New(o)
	path := writeFile(t, "gbk.csv", served(t, gbk, cdrclient.Query{Start: localDay(2026, 11, 2), End: localDay(2026, 11, 2).Add(86399e9)}))
	if b, _ := os.ReadFile(path); strings.Contains(string(b), "太原") {
		t.Fatal("the file is not GBK")
	}
	f.openFile(path)
	f.tapOnTop("Just show")
	f.wait("opencsv:shown")
	found := false
	for i := range f.w.table.Len() {
		for c := range len(f.w.table.Columns()) {
			found = found || f.w.table.Field(i, c) == "太原"
		}
	}
	if !found {
		t.Error("no trunk called 太原 in the records shown")
	}
}

// TestOpenCSVRefusesOtherFiles: a file that is not of call records is explained in the
// person's language; nothing is shown or added.
func TestOpenCSVRefusesOtherFiles(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{i18n.English, "The file notes.csv does not hold call records from the PBX."},
		{i18n.Chinese, "文件 notes.csv 不是 PBX 的通话记录。"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixture(t, true)
			f.wait("connect")
			f.act(func() { f.w.applySettings(tc.language, "system") })
			f.openFile(writeFile(t, "notes.csv", []byte("shopping list\nmilk, eggs\n")))
			if got := f.topText(); !strings.Contains(got, tc.want) {
				t.Errorf("no explanation %q:\n%s", tc.want, got)
			}
			if f.w.table != nil || len(f.holdings()) != 0 {
				t.Error("the file was shown or kept")
			}
		})
	}
}

func (f *fixture) statusText() string {
	var s string
	f.act(func() { s = f.w.bar.text.Text })
	return s
}

// localDay is the start of a day in the query panel's clock.
func localDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

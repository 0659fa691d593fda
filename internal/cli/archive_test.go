package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive/sqlite"
)

// lastLine is the last line a command printed on standard error.
func lastLine(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	return lines[len(lines)-1]
}

// records counts the records of a CSV.
func records(t *testing.T, csv []byte) int {
	t.Helper()
	tab := cdrclient.NewTable()
	tab.Write(csv)
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	return tab.Len()
}

// liveHarness is a harness whose PBX's history ends at its clock, with an archive file.
func liveHarness(t *testing.T) (*harness, string) {
	h := newHarness(t, func(o *pbxsim.Options) { o.Live = true })
	return h, filepath.Join(t.TempDir(), "archive.db")
}

const nowText = "2026-05-20 12:00:00"

// TestSyncThenOffline: sync brings the PBX's records into the archive; export and report
// --offline then answer from it byte for byte without a single request to the PBX, and
// say when a range is not wholly covered.
func TestSyncThenOffline(t *testing.T) {
	h, arch := liveHarness(t)
	code, _, stderr := h.run(append([]string{"sync"}, h.conn("--archive", arch, "--since", "2026-04-01")...)...)
	if code != ExitOK {
		t.Fatalf("sync: exit %d: %s", code, stderr)
	}
	want := h.served(nil, "2026-04-01 00:00:00", nowText)
	n := records(t, want)
	if got, line := lastLine(stderr), fmt.Sprintf("archive: %d records of 127.0.0.1 from 2026-04-01 ", n); !strings.HasPrefix(got, line) || !strings.HasSuffix(got, fmt.Sprintf(", %d new", n)) {
		t.Errorf("last line %q, want %q… %d new", got, line, n)
	}
	if code, _, stderr := h.run(append([]string{"sync"}, h.conn("--archive", arch)...)...); code != ExitOK || !strings.HasSuffix(lastLine(stderr), ", 0 new") {
		t.Errorf("second sync: exit %d: %s", code, stderr)
	}

	h.sim.ResetStats()
	out := filepath.Join(t.TempDir(), "april.csv")
	code, _, stderr = h.run("export", "--offline", "--archive", arch, "--from", "2026-04-01", "--to", nowText, "--out", out)
	got, _ := os.ReadFile(out)
	switch {
	case code != ExitOK:
		t.Fatalf("export --offline: exit %d: %s", code, stderr)
	case !bytes.Equal(got, want):
		t.Errorf("export --offline wrote %d bytes, the PBX serves %d", len(got), len(want))
	case strings.Contains(stderr, "warning"):
		t.Errorf("a warning for a covered range: %s", stderr)
	case lastLine(stderr) != fmt.Sprintf("saved %d records to %s", n, out):
		t.Errorf("last line %q", lastLine(stderr))
	}

	code, _, stderr = h.run("export", "--offline", "--archive", arch, "--ext", "1000,1001", "--from", "2026-03-01", "--to", "2026-04-30", "--out", out, "--overwrite")
	got, _ = os.ReadFile(out)
	wantWarning := "warning: the archive holds the records of 127.0.0.1 completely only from 2026-04-01 00:00:00 to " + nowText + " (last synced " + nowText + ")"
	switch {
	case code != ExitOK:
		t.Fatalf("export --offline of March: exit %d: %s", code, stderr)
	case !strings.Contains(stderr, wantWarning):
		t.Errorf("no warning %q in %s", wantWarning, stderr)
	case !bytes.Equal(got, h.served([]string{"1000", "1001"}, "2026-04-01 00:00:00", "2026-04-30 23:59:59")):
		t.Errorf("export --offline of March and April is not the PBX's April")
	}

	sheet := filepath.Join(t.TempDir(), "april-records.xlsx")
	code, _, stderr = h.run("export", "--offline", "--archive", arch, "--from", "2026-04-01", "--to", "2026-04-30", "--out", sheet)
	if n := records(t, h.served(nil, "2026-04-01 00:00:00", "2026-04-30 23:59:59")); code != ExitOK || lastLine(stderr) != fmt.Sprintf("saved %d records to %s", n, sheet) {
		t.Errorf("export --offline to xlsx: exit %d: %s", code, stderr)
	}
	if f, err := excelize.OpenFile(sheet); err != nil {
		t.Errorf("export --offline to xlsx: %v", err)
	} else {
		rows, _ := f.GetRows(f.GetSheetList()[0])
		if n := records(t, h.served(nil, "2026-04-01 00:00:00", "2026-04-30 23:59:59")); len(rows) != n+1 {
			t.Errorf("the workbook has %d rows, want %d records and a header", len(rows), n)
		}
		f.Close()
	}

	book := filepath.Join(t.TempDir(), "april.xlsx")
	code, _, stderr = h.run("report", "--offline", "--archive", arch, "--from", "2026-04-01", "--to", "2026-04-30", "--out", book)
	if code != ExitOK || !strings.HasSuffix(lastLine(stderr), fmt.Sprintf("records) to %s", book)) {
		t.Errorf("report --offline: exit %d: %s", code, stderr)
	}
	if st := h.sim.Stats(); st.Requests != 0 {
		t.Errorf("offline commands sent %d requests to the PBX", st.Requests)
	}
}

// TestSyncWithProfile: the first sync keeps the PBX's serial number with the saved
// connection; offline commands find its records by the connection's name.
func TestSyncWithProfile(t *testing.T) {
	h, arch := liveHarness(t)
	h.saveProfile(h.fp, 0)
	h.env["CDRDESK_ARCHIVE"] = arch
	if code, _, stderr := h.run("sync", "--profile", "总部", "--since", "2026-05-01"); code != ExitOK || !strings.Contains(lastLine(stderr), "of 总部 from 2026-05-01") {
		t.Fatalf("sync: exit %d: %s", code, stderr)
	}
	if p, _ := h.store.Get("总部"); p.SN != pbxsim.DefaultSerialNumber {
		t.Errorf("saved sn %q", p.SN)
	}
	out := filepath.Join(t.TempDir(), "may.csv")
	if code, _, stderr := h.run("export", "--offline", "--profile", "总部", "--from", "2026-05-01", "--to", "2026-05-19", "--out", out); code != ExitOK {
		t.Fatalf("export --offline: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, h.served(nil, "2026-05-01 00:00:00", "2026-05-19 23:59:59")) {
		t.Error("export --offline --profile differs from the PBX")
	}
}

// TestImport: saved CSVs in any encoding go into the archive once; a file without an
// sn column needs --pbx or --profile.
func TestImport(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) { o.GBK, o.BOM = true, true })
	dir := t.TempDir()
	arch := filepath.Join(dir, "archive.db")
	april := h.served(nil, "2026-04-01 00:00:00", "2026-04-30 23:59:59")
	lateApril := h.served(nil, "2026-04-20 00:00:00", "2026-05-10 23:59:59")
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("april.csv", april), write("late.csv", lateApril)
	nA, nB := records(t, april), records(t, lateApril)
	overlap := records(t, h.served(nil, "2026-04-20 00:00:00", "2026-04-30 23:59:59"))
	code, _, stderr := h.run("import", "--archive", arch, a, b)
	if want := fmt.Sprintf("imported %d new of %d records", nA+nB-overlap, nA+nB); code != ExitOK || lastLine(stderr) != want {
		t.Fatalf("exit %d, %q; want %q", code, stderr, want)
	}
	if code, _, stderr := h.run("import", "--archive", arch, a); code != ExitOK || lastLine(stderr) != fmt.Sprintf("imported 0 new of %d records", nA) {
		t.Errorf("again: exit %d, %q", code, stderr)
	}
	out := filepath.Join(dir, "out.csv")
	code, _, stderr = h.run("export", "--offline", "--archive", arch, "--from", "2026-04-01", "--to", "2026-05-10", "--out", out)
	if got, _ := os.ReadFile(out); code != ExitOK || !bytes.Equal(got, h.served(nil, "2026-04-01 00:00:00", "2026-05-10 23:59:59")) {
		t.Errorf("export --offline of the imported files: exit %d, %s", code, stderr)
	}
	if !strings.Contains(stderr, "no range of "+pbxsim.DefaultSerialNumber+" completely") {
		t.Errorf("no warning that imports cover nothing: %s", stderr)
	}

	// An older firmware's file: no sn column.
	noSN := write("nosn.csv", []byte("callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber\r\n"+
		"1712000000.1,2024-04-01 10:00:00,1000,1001,10,5,,,ANSWERED,Internal,,,\r\n"))
	if code, _, stderr := h.run("import", "--archive", arch, noSN); code != ExitUsage || !strings.Contains(stderr, "--pbx") {
		t.Errorf("no sn, no --pbx: exit %d, %q", code, stderr)
	}
	if code, _, stderr := h.run("import", "--archive", arch, "--pbx", "192.168.1.150", noSN); code != ExitOK || lastLine(stderr) != "imported 1 new of 1 records" {
		t.Errorf("--pbx: exit %d, %q", code, stderr)
	}
	// Two PBXs now: offline commands must be told which.
	code, _, stderr = h.run("export", "--offline", "--archive", arch, "--range", "today", "--out", "-")
	if code != ExitUsage || !strings.Contains(stderr, "several PBXs") {
		t.Errorf("two PBXs, none chosen: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := h.run("export", "--offline", "--archive", arch, "--pbx", "192.168.1.150", "--from", "2024-04-01", "--to", "2024-04-01", "--out", "-")
	if code != ExitOK || !strings.Contains(stdout, "1712000000.1,2024-04-01 10:00:00") {
		t.Errorf("--pbx chooses: exit %d, %q %q", code, stdout, stderr)
	}
}

// TestArchiveFailures: an archive that cannot be used stops each command with exit
// status 7 (before the PBX is contacted) and leaves the file as it was; a PBX the
// archive does not hold is exit status 2.
func TestArchiveFailures(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.db")
	os.WriteFile(foreign, []byte("not an archive"), 0o600)
	empty := filepath.Join(dir, "empty.db")
	csv := filepath.Join(dir, "may.csv")
	os.WriteFile(csv, h.served(nil, "2026-05-01 00:00:00", "2026-05-01 23:59:59"), 0o600)
	tests := []struct {
		name    string
		args    []string
		want    int
		message string
	}{
		{"sync into a foreign file", append([]string{"sync"}, h.conn("--archive", foreign)...), ExitArchive, "damaged"},
		{"import into a foreign file", []string{"import", "--archive", foreign, csv}, ExitArchive, "damaged"},
		{"export --offline from a foreign file", []string{"export", "--offline", "--archive", foreign, "--range", "today", "--out", "-"}, ExitArchive, "damaged"},
		{"report --offline from a foreign file", []string{"report", "--offline", "--archive", foreign, "--range", "today", "--out", "-"}, ExitArchive, "damaged"},
		{"a missing folder", append([]string{"sync"}, h.conn("--archive", filepath.Join(dir, "no", "a.db"))...), ExitArchive, "could not be opened"},
		{"a PostgreSQL server that is not there", []string{"export", "--offline", "--archive", "postgres://cdr:s3cret@127.0.0.1:1/cdr?connect_timeout=5", "--range", "today", "--out", "-"}, ExitArchive, "could not be opened"},
		{"an empty archive", []string{"export", "--offline", "--archive", empty, "--range", "today", "--out", "-"}, ExitUsage, "run cdrdesk sync first"},
		{"a PBX it does not hold", []string{"report", "--offline", "--archive", empty, "--pbx", "10.0.0.9", "--range", "today", "--out", "-"}, ExitUsage, "run cdrdesk sync first"},
		{"import of nothing", []string{"import", "--archive", empty}, ExitUsage, "which files"},
		{"import of a missing file", []string{"import", "--archive", empty, filepath.Join(dir, "gone.csv")}, ExitUsage, "cannot read"},
		{"bad --since", append([]string{"sync"}, h.conn("--archive", empty, "--since", "May")...), ExitUsage, "--since"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.sim.ResetStats()
			code, _, stderr := h.run(tt.args...)
			if code != tt.want || !strings.Contains(stderr, tt.message) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.want, tt.message)
			}
			if strings.Contains(stderr, "s3cret") {
				t.Errorf("the database password shown: %s", stderr)
			}
			if n := h.sim.Stats().Requests; n != 0 {
				t.Errorf("%d requests to the PBX", n)
			}
		})
	}
	if b, _ := os.ReadFile(foreign); string(b) != "not an archive" {
		t.Errorf("the foreign file changed: %q", b)
	}
}

// openArchive opens an archive file the way a second program would.
func openArchive(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

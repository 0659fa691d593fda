package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// smallChunks makes downloads go into the archive in commits of a few rows each, so
// tests see rows cut into several chunks.
func smallChunks(t *testing.T) {
	old := keepChunk
	keepChunk = 4 << 10
	t.Cleanup(func() { keepChunk = old })
}

// holdingOf is what the archive file at path holds of the simulator's PBX.
func holdingOf(t *testing.T, path string) archive.Holding {
	t.Helper()
	hs, err := openArchive(t, path).Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.PBX.Key == pbxsim.DefaultSerialNumber {
			return h
		}
	}
	t.Fatalf("the archive holds no records of %s: %+v", pbxsim.DefaultSerialNumber, hs)
	return archive.Holding{}
}

func wallTime(t *testing.T, s string) time.Time {
	t.Helper()
	w, err := time.Parse(cdrclient.TimeLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestExportKeeps: export and report keep what they download; export --offline of the
// same range then gives the same bytes without the PBX and without a warning, since the
// range is covered. The serial number learned is kept with the saved connection.
func TestExportKeeps(t *testing.T) {
	smallChunks(t)
	for _, tc := range []struct {
		name   string
		mod    func(*pbxsim.Options)
		args   []string
		saved  string // the start of the last line
		kept   string // the range given, in the PBX's form
		window string
	}{
		{"export csv, weekly windows", nil, []string{"export", "--from", "2026-04-01", "--to", "2026-04-20"}, "saved %d records to ", "2026-04-01 00:00:00|2026-04-20 23:59:59", "168h"},
		{"export csv, one download, GBK with BOM", func(o *pbxsim.Options) { o.GBK, o.BOM = true, true }, []string{"export", "--from", "2026-04-01", "--to", "2026-04-20"}, "saved %d records to ", "2026-04-01 00:00:00|2026-04-20 23:59:59", "0"},
		{"export xlsx", nil, []string{"export", "--format", "xlsx", "--from", "2026-05-01", "--to", "2026-05-10 12:00:00"}, "saved %d records to ", "2026-05-01 00:00:00|2026-05-10 12:00:00", "168h"},
		{"report", nil, []string{"report", "--from", "2026-04-25", "--to", "2026-05-05"}, "saved report of ", "2026-04-25 00:00:00|2026-05-05 23:59:59", "72h"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.mod)
			h.saveProfile(h.fp, 0)
			arch := h.archive
			from, to, _ := strings.Cut(tc.kept, "|")
			want := h.served(nil, from, to)
			n := records(t, want)
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := h.run(append(tc.args, "--profile", "总部", "--window", tc.window, "--out", out)...)
			saved := tc.saved
			if strings.Contains(saved, "%d") {
				saved = fmt.Sprintf(saved, n)
			}
			switch {
			case code != ExitOK:
				t.Fatalf("exit %d: %s", code, stderr)
			case strings.Contains(stderr, "warning"):
				t.Errorf("a warning: %s", stderr)
			case !strings.HasPrefix(lastLine(stderr), saved) || !strings.HasSuffix(lastLine(stderr), out):
				t.Errorf("last line %q, want %q…%s", lastLine(stderr), saved, out)
			}
			if p, _ := h.store.Get("总部"); p.SN != pbxsim.DefaultSerialNumber {
				t.Errorf("the saved connection's sn is %q, want %q", p.SN, pbxsim.DefaultSerialNumber)
			}
			held := holdingOf(t, arch)
			if held.Records != n || len(held.Coverage) != 1 || held.Coverage[0] != (archive.Range{From: wallTime(t, from), To: wallTime(t, to)}) {
				t.Errorf("the archive holds %d records covering %v; want %d covering %s", held.Records, held.Coverage, n, tc.kept)
			}

			h.sim.ResetStats()
			again := filepath.Join(t.TempDir(), "again.csv")
			code, _, stderr = h.run("export", "--offline", "--profile", "总部", "--from", from, "--to", to, "--out", again)
			got, _ := os.ReadFile(again)
			switch {
			case code != ExitOK:
				t.Fatalf("export --offline: exit %d: %s", code, stderr)
			case !bytes.Equal(got, want):
				t.Errorf("export --offline wrote %d bytes, the PBX sent %d", len(got), len(want))
			case strings.Contains(stderr, "warning"):
				t.Errorf("export --offline of a covered range warns: %s", stderr)
			}
			if n := h.sim.Stats().Requests; n != 0 {
				t.Errorf("export --offline sent %d requests", n)
			}
		})
	}
}

// TestExportByteForByteOffline: export of a range, then export --offline of the same
// range: the same file, byte for byte.
func TestExportByteForByteOffline(t *testing.T) {
	smallChunks(t)
	h := newHarness(t, func(o *pbxsim.Options) { o.BOM = true })
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.csv"), filepath.Join(dir, "second.csv")
	if code, _, stderr := h.run(append([]string{"export"}, h.conn("--from", "2026-03-01", "--to", "2026-05-19", "--out", first)...)...); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if code, _, stderr := h.run("export", "--offline", "--from", "2026-03-01", "--to", "2026-05-19", "--out", second); code != ExitOK || strings.Contains(stderr, "warning") {
		t.Fatalf("export --offline: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if !bytes.Equal(a, b) || len(a) < 64<<10 {
		t.Errorf("export wrote %d bytes, export --offline %d", len(a), len(b))
	}
}

// TestExportForSomeExtensionsCoversNothing: a download for some extensions keeps its
// rows but records no coverage (nor does one the PBX answered for another period), so a
// following sync still asks for the range and brings the other extensions' records.
func TestExportForSomeExtensionsCoversNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*pbxsim.Options)
		ext  []string
		kept string // the range of the rows kept
	}{
		{"--ext 1000", nil, []string{"1000"}, "2026-05-01 00:00:00|2026-05-10 23:59:59"},
		{"another period", func(o *pbxsim.Options) { o.RowsEarlierStart = 24 * time.Hour }, nil, "2026-04-30 00:00:00|2026-05-10 23:59:59"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.mod)
			arch := h.archive
			ext := "all"
			if tc.ext != nil {
				ext = strings.Join(tc.ext, ",")
			}
			code, _, stderr := h.run(append([]string{"export"}, h.conn("--ext", ext, "--from", "2026-05-01", "--to", "2026-05-10", "--out", "-")...)...)
			if code != ExitOK {
				t.Fatalf("export: exit %d: %s", code, stderr)
			}
			from, to, _ := strings.Cut(tc.kept, "|")
			kept := records(t, h.served(tc.ext, from, to))
			if held := holdingOf(t, arch); held.Records != kept || len(held.Coverage) != 0 {
				t.Errorf("the archive holds %d records covering %v; want %d and no coverage", held.Records, held.Coverage, kept)
			}

			h.sim.ResetStats()
			code, _, stderr = h.run(append([]string{"sync"}, h.conn("--since", "2026-05-01")...)...)
			all := records(t, h.served(nil, "2026-05-01 00:00:00", nowText))
			if want := fmt.Sprintf(", %d new", all-records(t, h.served(tc.ext, "2026-05-01 00:00:00", "2026-05-10 23:59:59"))); code != ExitOK || !strings.HasSuffix(lastLine(stderr), want) {
				t.Errorf("sync after the export: exit %d, %q; want …%q", code, stderr, want)
			}
			if held := holdingOf(t, arch); held.Records != records(t, h.served(nil, from, nowText)) {
				t.Errorf("after the sync the archive holds %d records", held.Records)
			}
		})
	}
}

// TestExportCoversOnlySettledTime: a download reaching into the last 2 hours (calls in
// progress are written when they end) covers only up to 2 hours ago, and a following
// sync asks for the rest.
func TestExportCoversOnlySettledTime(t *testing.T) {
	h := newHarness(t, nil)
	arch := h.archive
	if code, _, stderr := h.run(append([]string{"export"}, h.conn("--range", "today", "--out", "-")...)...); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	want := archive.Range{From: wallTime(t, "2026-05-20 00:00:00"), To: wallTime(t, "2026-05-20 10:00:00")}
	if held := holdingOf(t, arch); len(held.Coverage) != 1 || held.Coverage[0] != want {
		t.Errorf("coverage %v, want %v", held.Coverage, want)
	}
}

// TestExportArchiveProblems: an archive that cannot be used never fails a download:
// exit 0, the file saved as the PBX sent it, and one warning line saying why the records
// were not kept; the archive is left as it was.
func TestExportArchiveProblems(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	junk := bytes.Repeat([]byte("this is not an archive\x00\xff"), 1000)
	os.WriteFile(garbage, junk, 0o600)
	for _, tc := range []struct {
		name, archive, why string
		command            []string
	}{
		{"export into a file of garbage", garbage, "The archive " + garbage + " is damaged.", []string{"export"}},
		{"report into a file of garbage", garbage, "The archive " + garbage + " is damaged.", []string{"report"}},
		{"export into a missing folder", filepath.Join(dir, "no", "a.db"), "could not be opened", []string{"export", "--format", "xlsx"}},
		{"export into a PostgreSQL server that is not there", "postgres://cdr:s3cret@127.0.0.1:1/cdr?connect_timeout=5", "could not be opened", []string{"export"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			out := filepath.Join(t.TempDir(), "out.xlsx")
			if tc.command[0] == "export" && len(tc.command) == 1 {
				out = filepath.Join(t.TempDir(), "out.csv")
			}
			code, _, stderr := h.run(append(tc.command, h.conn("--archive", tc.archive, "--from", "2026-05-01", "--to", "2026-05-10", "--out", out)...)...)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			var warnings []string
			for _, l := range lines {
				if strings.HasPrefix(l, "warning:") {
					warnings = append(warnings, l)
				}
			}
			switch {
			case code != ExitOK:
				t.Fatalf("exit %d: %s", code, stderr)
			case len(warnings) != 1 || !strings.HasPrefix(warnings[0], "warning: the records were not kept in the archive: ") || !strings.Contains(warnings[0], tc.why):
				t.Errorf("warnings %q; want one saying the records were not kept: %q", warnings, tc.why)
			case !strings.HasPrefix(lastLine(stderr), "saved ") || !strings.HasSuffix(lastLine(stderr), " to "+out):
				t.Errorf("last line %q", lastLine(stderr))
			case strings.Contains(stderr, "s3cret"):
				t.Errorf("the database password shown: %s", stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no file saved: %v", err)
			}
			if filepath.Ext(out) == ".csv" && !bytes.Equal(got, h.served(nil, "2026-05-01 00:00:00", "2026-05-10 23:59:59")) {
				t.Errorf("saved %d bytes, not what the PBX sent", len(got))
			}
		})
	}
	if b, _ := os.ReadFile(garbage); !bytes.Equal(b, junk) {
		t.Error("the file of garbage changed")
	}
}

// TestArchiveOff: --archive off (or CDRDESK_ARCHIVE=off) downloads without touching
// any archive; the commands that need one say so.
func TestArchiveOff(t *testing.T) {
	t.Chdir(t.TempDir()) // where a file called off would land
	h := newHarness(t, nil)
	arch := h.archive
	out := filepath.Join(t.TempDir(), "out.csv")
	for _, tc := range []struct {
		name string
		args []string
		env  string
	}{
		{"export --archive off", []string{"export", "--archive", "off", "--out", out, "--overwrite"}, arch},
		{"report --archive off", []string{"report", "--archive", "off", "--out", "-"}, arch},
		{"CDRDESK_ARCHIVE=off", []string{"export", "--out", "-"}, "off"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.env["CDRDESK_ARCHIVE"] = tc.env
			code, _, stderr := h.run(append(tc.args, h.conn("--from", "2026-05-01", "--to", "2026-05-10")...)...)
			if code != ExitOK || strings.Contains(stderr, "warning") {
				t.Errorf("exit %d: %s", code, stderr)
			}
			for _, p := range []string{arch, "off"} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("%s was made", p)
				}
			}
		})
	}
	delete(h.env, "CDRDESK_ARCHIVE")
	for _, args := range [][]string{
		append([]string{"sync", "--archive", "off"}, h.conn()...),
		{"export", "--offline", "--archive", "off", "--range", "today", "--out", "-"},
		{"import", "--archive", "off", out},
	} {
		if code, _, stderr := h.run(args...); code != ExitUsage || !strings.Contains(stderr, "the archive is off") {
			t.Errorf("%s: exit %d, %q; want %d", args[0], code, stderr, ExitUsage)
		}
	}
}

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cdrdesk/cdrclient/pbxsim"
)

// dirEntries lists a folder, to prove that a failure left no temporary file behind.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestExportNeverReplacesAFile(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	out := filepath.Join(dir, "report.csv")
	os.WriteFile(out, []byte("last month's report"), 0o644)
	code, _, stderr := h.run(append([]string{"export"}, h.conn("--range", "yesterday", "--out", out)...)...)
	if code != ExitOutput || !strings.Contains(stderr, "already exists") {
		t.Fatalf("exit %d, %q; want %d and a message", code, stderr, ExitOutput)
	}
	if b, _ := os.ReadFile(out); string(b) != "last month's report" {
		t.Errorf("existing file changed: %q", b)
	}
	if st := h.sim.Stats(); st.Requests != 0 {
		t.Errorf("%d requests: nothing should be downloaded for a file that cannot be written", st.Requests)
	}
	// With --overwrite it is replaced.
	if code, _, stderr := h.run(append([]string{"export"}, h.conn("--range", "yesterday", "--out", out, "--overwrite")...)...); code != ExitOK {
		t.Fatalf("--overwrite: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "callid,") {
		t.Errorf("not replaced: %.40q", b)
	}
}

func TestExportDroppedConnectionLeavesNothing(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) { o.DropAfterBytes = 3000 })
	dir := t.TempDir()
	old := filepath.Join(dir, "old.csv")
	os.WriteFile(old, []byte("keep me"), 0o644)
	for _, out := range []string{filepath.Join(dir, "new.csv"), old} {
		code, _, stderr := h.run(append([]string{"export"}, h.conn("--range", "last-7-days", "--out", out, "--overwrite")...)...)
		if code != ExitConnection {
			t.Fatalf("exit %d (%s), want %d", code, stderr, ExitConnection)
		}
	}
	if got := dirEntries(t, dir); len(got) != 1 || got[0] != "old.csv" {
		t.Errorf("folder holds %v, want only old.csv", got)
	}
	if b, _ := os.ReadFile(old); string(b) != "keep me" {
		t.Errorf("old file changed: %q", b)
	}
}

func TestExitStatuses(t *testing.T) {
	h := newHarness(t, nil)
	out := func() string { return filepath.Join(t.TempDir(), "r.csv") }
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    int
		message string // part of standard error
	}{
		{"no command", nil, nil, ExitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, nil, ExitUsage, "unknown command"},
		{"no range", append([]string{"export"}, h.conn("--out", out())...), nil, ExitUsage, "--range"},
		{"bad date", append([]string{"export"}, h.conn("--from", "20/05/2026", "--to", "2026-05-20", "--out", out())...), nil, ExitUsage, "2026-05-18"},
		{"bad preset", append([]string{"export"}, h.conn("--range", "fortnight", "--out", out())...), nil, ExitUsage, "last-month"},
		{"bad extension", append([]string{"export"}, h.conn("--ext", "front desk", "--range", "today", "--out", out())...), nil, ExitUsage, "1000"},
		{"bad format", append([]string{"export"}, h.conn("--range", "today", "--format", "pdf", "--out", out())...), nil, ExitUsage, "xlsx"},
		{"negative window", append([]string{"export"}, h.conn("--range", "today", "--window", "-1h", "--out", out())...), nil, ExitUsage, "--window"},
		{"negative window, report", append([]string{"report"}, h.conn("--range", "today", "--window", "-1h", "--out", out()+".xlsx")...), nil, ExitUsage, "--window"},
		{"password as flag", append([]string{"export"}, h.conn("--password", "x", "--range", "today")...), nil, ExitUsage, "password"},
		{"no password", append([]string{"export"}, h.conn("--range", "today", "--out", out())...), map[string]string{}, ExitUsage, "CDRDESK_PASSWORD"},
		{"no PBX", []string{"export", "--range", "today"}, nil, ExitUsage, "--pbx"},
		{"wrong password", append([]string{"export"}, h.conn("--range", "today", "--out", out())...), map[string]string{"CDRDESK_PASSWORD": "nope"}, ExitAuth, "password"},
		{"unknown certificate", []string{"export", "--pbx", h.url, "--user", "api", "--range", "today", "--out", out()}, nil, ExitConnection, h.fp},
		{"changed certificate", append([]string{"export", "--pbx", h.url, "--user", "api", "--fingerprint", strings.Repeat("0", 64)}, "--range", "today", "--out", out()), nil, ExitConnection, "changed"},
		{"unknown extension", append([]string{"export"}, h.conn("--ext", "9999", "--range", "today", "--out", out())...), nil, ExitRefused, "10006"},
		{"PBX down", []string{"export", "--pbx", "https://127.0.0.1:1", "--user", "api", "--range", "today", "--out", out()}, nil, ExitConnection, "Cannot reach"},
		{"unwritable folder", append([]string{"export"}, h.conn("--range", "today", "--out", filepath.Join(t.TempDir(), "missing", "r.csv"))...), nil, ExitOutput, "could not be saved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != nil {
				saved := h.env
				h.env = tt.env
				defer func() { h.env = saved }()
			}
			code, _, stderr := h.run(tt.args...)
			if code != tt.want || !strings.Contains(stderr, tt.message) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.want, tt.message)
			}
			if strings.Contains(stderr, "token=") && !strings.Contains(stderr, "token=***") {
				t.Errorf("a token in a message: %s", stderr)
			}
		})
	}
}

func TestPasswordFromStdin(t *testing.T) {
	h := newHarness(t, nil)
	h.env = map[string]string{}
	h.stdin = pbxsim.DefaultPassword + "\n"
	code, stdout, stderr := h.run(append([]string{"extensions"}, h.conn("--password-stdin")...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"NUMBER", "1000", "张伟"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("extension list lacks %q:\n%s", want, stdout)
		}
	}
}

// TestExportCutOffWindow: a PBX that ends its answers by closing the connection, and
// a connection lost mid-row. Cut once, the window is fetched again and the file is
// byte for byte an unfaulted export; cut every time, export fails with exit status 4
// and an explained message, and leaves no file (in any format).
func TestExportCutOffWindow(t *testing.T) {
	const from, to = "2026-04-01", "2026-04-20"
	tests := []struct {
		name   string
		cut    pbxsim.Cut
		once   bool
		format string
	}{
		{"mid-row once", pbxsim.CutMidRow, true, "csv"},
		{"in quote once", pbxsim.CutInQuote, true, "csv"},
		{"mid-row always", pbxsim.CutMidRow, false, "csv"},
		{"in quote always", pbxsim.CutInQuote, false, "csv"},
		{"mid-row always, xlsx", pbxsim.CutMidRow, false, "xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(o *pbxsim.Options) {
				o.CloseDelimited, o.Cut, o.CutAfterRows, o.CutOnce = true, tt.cut, 40, tt.once
			})
			dir := t.TempDir()
			out := filepath.Join(dir, "report."+tt.format)
			code, _, stderr := h.run(append([]string{"export"}, h.conn("--from", from, "--to", to, "--out", out)...)...)
			if tt.once {
				got, _ := os.ReadFile(out)
				want := h.served(nil, from+" 00:00:00", to+" 23:59:59")
				if code != ExitOK || !bytes.Equal(got, want) {
					t.Fatalf("exit %d (%s); file of %d bytes, an unfaulted export has %d", code, stderr, len(got), len(want))
				}
				return
			}
			if code != ExitConnection || !strings.Contains(stderr, "broke off in the middle of the download") {
				t.Errorf("exit %d, %q; want %d and the explained message", code, stderr, ExitConnection)
			}
			if strings.Contains(stderr, "saved ") {
				t.Errorf("a cut-off export says it saved: %q", stderr)
			}
			if got := dirEntries(t, dir); len(got) != 0 {
				t.Errorf("folder holds %v, want nothing", got)
			}
		})
	}
}

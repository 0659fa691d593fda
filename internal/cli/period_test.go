package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
)

// A PBX that answers for another period than the one asked gets a warning line naming
// both periods; its records are saved as sent, and the suggested file name and the last
// line keep the period asked for.
func TestExportWarnsOfAnotherPeriod(t *testing.T) {
	tests := []struct {
		name     string
		mod      func(*pbxsim.Options)
		answered string // start of the period the warning names as answered
	}{
		{"echo", func(o *pbxsim.Options) { o.EchoEarlierStart = 24 * time.Hour }, "2026-05-09 00:00:00 – 2026-05-12 23:59:59"},
		{"rows", func(o *pbxsim.Options) { o.RowsEarlierStart = 24 * time.Hour }, "2026-05-09 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mod)
			dir := t.TempDir()
			t.Chdir(dir)
			code, _, stderr := h.run(append([]string{"export"}, h.conn("--from", "2026-05-10", "--to", "2026-05-12")...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			warning := "warning: The PBX answered for " + tt.answered
			asked := "not for the period asked for, 2026-05-10 00:00:00 – 2026-05-12 23:59:59."
			if len(lines) < 2 || !strings.HasPrefix(lines[len(lines)-2], warning) || !strings.Contains(lines[len(lines)-2], asked) {
				t.Errorf("stderr %q; want a line %q…%q before the last", stderr, warning, asked)
			}
			name := "CDR_127.0.0.1_all_20260510_20260512.csv"
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "saved ") || !strings.HasSuffix(last, " records to "+name) {
				t.Errorf("last line %q, want it to name %s", last, name)
			}
			got, _ := os.ReadFile(filepath.Join(dir, name))
			if want := h.served(nil, "2026-05-09 00:00:00", "2026-05-12 23:59:59"); !bytes.Equal(got, want) {
				t.Errorf("saved %d bytes, the PBX sent %d", len(got), len(want))
			}
		})
	}
}

// The link command warns the same way when the key's echo names another period.
func TestLinkWarnsOfAnotherPeriod(t *testing.T) {
	h := newHarness(t, func(o *pbxsim.Options) { o.EchoEarlierStart = time.Hour })
	code, _, stderr := h.run(append([]string{"link"}, h.conn("--from", "2026-05-10", "--to", "2026-05-10", "--allowed-ip", "10.0.0.9")...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "warning: The PBX answered for 2026-05-09 23:00:00 – 2026-05-10 23:59:59, not for the period asked for, 2026-05-10 00:00:00 – 2026-05-10 23:59:59."; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

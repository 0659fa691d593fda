package pbxsim

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenWindow pins the generated history: a change to the generator
// changes what every client test and benchmark sees, so it must be
// deliberate (go test -run Golden -update).
func TestGoldenWindow(t *testing.T) {
	tests := []struct {
		file       string
		opts       Options
		exts       []string
		start, end string
	}{
		{"morning_all.csv", Options{}, nil, "2024-03-14 08:00:00", "2024-03-14 09:59:59"},
		{"week_1006_lf_seed42.csv", Options{Seed: 42, LF: true}, []string{"1006"}, "2024-03-11 00:00:00", "2024-03-17 23:59:59"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := writeRange(t, New(tt.opts), tt.exts, tt.start, tt.end)
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s changed (%d bytes, was %d); rerun with -update if intended", path, len(got), len(want))
			}
		})
	}
}

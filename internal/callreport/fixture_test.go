package callreport

import (
	"os"
	"path/filepath"
	"testing"

	"cdrdesk/cdrclient"
)

// parseTable reads a CSV into a closed Table.
func parseTable(tb testing.TB, csv []byte) *cdrclient.Table {
	tb.Helper()
	t := cdrclient.NewTable()
	if _, err := t.Write(csv); err != nil {
		tb.Fatal(err)
	}
	if err := t.Close(); err != nil {
		tb.Fatal(err)
	}
	return t
}

// readFixture returns the bytes of testdata/name.
func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

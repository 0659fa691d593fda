package report

import (
	"encoding/csv"
	"os"
	"testing"
)

// readFixture returns the header and rows of a CSV file in testdata. It uses the
// standard library reader so that these tests do not depend on the PBX client.
func readFixture(t testing.TB, name string) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// feed writes header and rows to w, passing one reused slice for every row as a
// streaming parser would, then closes w.
func feed(w Writer, header []string, rows [][]string) error {
	if err := w.Header(header); err != nil {
		return err
	}
	var buf []string
	for _, r := range rows {
		buf = append(buf[:0], r...)
		if err := w.Row(buf); err != nil {
			return err
		}
		clear(buf) // the writer must have copied what it keeps
	}
	return w.Close()
}

package records

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"golang.org/x/text/encoding/simplifiedchinese"
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

// fixture reads testdata/name into a Table.
func fixture(tb testing.TB, name string) *cdrclient.Table {
	tb.Helper()
	return parseTable(tb, readFixture(tb, name))
}

// fixtureNames reads testdata/names.json, the extension names of the fixtures.
func fixtureNames(tb testing.TB) map[string]string {
	tb.Helper()
	var names map[string]string
	if err := json.Unmarshal(readFixture(tb, "names.json"), &names); err != nil {
		tb.Fatal(err)
	}
	return names
}

// encoding is one way a PBX may send the same CSV.
type encoding struct {
	name   string
	encode func(tb testing.TB, csv []byte) []byte
	want   string // Table.Encoding
}

// encodings are the forms the package must read alike: the fixtures as written
// (UTF-8, LF), with CRLF and a byte order mark, and in GB18030 as Chinese PBXs send.
var encodings = []encoding{
	{"utf8-lf", func(_ testing.TB, csv []byte) []byte { return csv }, cdrclient.EncodingUTF8},
	{"utf8-crlf-bom", func(_ testing.TB, csv []byte) []byte {
		return append([]byte("\uFEFF"), bytes.ReplaceAll(csv, []byte("\n"), []byte("\r\n"))...)
	}, cdrclient.EncodingUTF8},
	{"gb18030", func(tb testing.TB, csv []byte) []byte {
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(csv)
		if err != nil {
			tb.Fatal(err)
		}
		return gb
	}, cdrclient.EncodingGB18030},
}

// encodedFixture reads testdata/name in the given encoding.
func encodedFixture(tb testing.TB, name string, e encoding) *cdrclient.Table {
	tb.Helper()
	t := parseTable(tb, e.encode(tb, readFixture(tb, name)))
	if t.Encoding() != e.want {
		tb.Fatalf("%s: table encoding %s, want %s", e.name, t.Encoding(), e.want)
	}
	return t
}

// simTable is what the simulated PBX sends for every extension between two dates
// (inclusive, PBX time), written straight into a Table.
func simTable(tb testing.TB, o pbxsim.Options, from, to string) *cdrclient.Table {
	tb.Helper()
	t := cdrclient.NewTable()
	writeSim(tb, t, o, from, to)
	if err := t.Close(); err != nil {
		tb.Fatal(err)
	}
	return t
}

// writeSim writes the simulated PBX's CSV for every extension between two dates.
func writeSim(tb testing.TB, w io.Writer, o pbxsim.Options, from, to string) {
	tb.Helper()
	start, err1 := time.Parse(time.DateOnly, from)
	end, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		tb.Fatal(err1, err2)
	}
	end = end.Add(24*time.Hour - time.Second)
	if err := pbxsim.New(o).WriteCSV(w, nil, start, end); err != nil {
		tb.Fatal(err)
	}
}

// simNames is the simulated PBX's extension list as a names map.
func simNames() map[string]string {
	names := make(map[string]string)
	for _, e := range pbxsim.New(pbxsim.DefaultOptions()).Extensions() {
		names[e.Number] = e.Name
	}
	return names
}

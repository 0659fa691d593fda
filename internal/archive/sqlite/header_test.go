package sqlite

import (
	"bytes"
	"context"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// TestHeaderChange: a PBX whose header changes (a firmware update spells a column
// otherwise) keeps each row's own header. A range of one header reads back as that
// PBX sent it; a range spanning both is written with the header most of its rows came
// with, then every row's bytes (package doc, Headers).
func TestHeaderChange(t *testing.T) {
	before, after := testPBX(), testPBX()
	after.sim.Update(func(o *pbxsim.Options) { o.HeaderSpelling = "desttrunkname" })
	d := func(day int) time.Time { return time.Date(2024, time.March, day, 0, 0, 0, 0, time.UTC) }
	end := func(day int) time.Time { return d(day + 1).Add(-time.Second) }
	s := openTemp(t)
	for _, w := range []archive.Batch{before.window(t, d(1), end(3)), after.window(t, d(4), end(5)), after.window(t, d(6), end(6))} {
		if _, err := s.Commit(context.Background(), w); err != nil {
			t.Fatal(err)
		}
	}
	headerOf := func(csv []byte) []byte { return csv[:bytes.IndexByte(csv, '\n')+1] }
	rowsOf := func(csv []byte) []byte { return csv[bytes.IndexByte(csv, '\n')+1:] }
	for _, tt := range []struct {
		name     string
		from, to time.Time
		want     []byte
	}{
		{"before", d(1), end(3), before.csv(t, nil, d(1), end(3))},
		{"after", d(4), end(6), after.csv(t, nil, d(4), end(6))},
		// Three days of the old header against one of the new: the old one.
		{"mostly before", d(1), end(4), append(headerOf(before.csv(t, nil, d(1), end(1))),
			append(rowsOf(before.csv(t, nil, d(1), end(3))), rowsOf(after.csv(t, nil, d(4), end(4)))...)...)},
		// One day of the old against three of the new: the new one.
		{"mostly after", d(3), end(6), append(headerOf(after.csv(t, nil, d(4), end(4))),
			append(rowsOf(before.csv(t, nil, d(3), end(3))), rowsOf(after.csv(t, nil, d(4), end(6)))...)...)},
		// No rows held: the latest header, as the PBX answers an empty range now.
		{"none held", d(9), end(9), headerOf(after.csv(t, nil, d(9), end(9)))},
	} {
		var got bytes.Buffer
		if _, err := s.WriteCSV(context.Background(), &got, before.Key, archive.Range{From: tt.from, To: tt.to}, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), tt.want) {
			t.Errorf("%s: got %d bytes (header %q), want %d (header %q)", tt.name, got.Len(), headerOf(got.Bytes()), len(tt.want), headerOf(tt.want))
		}
	}
}

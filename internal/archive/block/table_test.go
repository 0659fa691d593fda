package block

import (
	"bytes"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// TestPBXSecondsAsParsePBXTime: the timestart reader of a commit reads every form
// as cdrclient.ParsePBXTime does, and refuses what it refuses.
func TestPBXSecondsAsParsePBXTime(t *testing.T) {
	for _, s := range []string{
		"2025-03-04 09:30:00", "1970-01-01 00:00:00", "1969-12-31 23:59:59", "0001-01-01 00:00:00",
		"2024-02-29 12:00:00", "2025-02-29 12:00:00", "2100-02-29 00:00:00", "2000-02-29 23:59:59",
		"2025-02-30 10:00:00", "2025-04-31 10:00:00", "2025-12-31 23:59:59", "2025-13-01 00:00:00",
		"2025-00-10 00:00:00", "2025-01-00 00:00:00", "2025-01-01 24:00:00", "2025-01-01 23:60:00",
		"2025-01-01 23:59:60", "2025-01-01 9:30:00", "2025/01/01 09:30:00", "2025-01-01T09:30:00",
		"2025-01-01 09:3a:00", "9999-12-31 23:59:59", "0000-01-01 00:00:00", "0000-02-29 00:00:00",
		"0000-03-01 00:00:00", "0400-02-29 00:00:00", "", "2025-01-01",
	} {
		want, wantOK := cdrclient.ParsePBXTime(s)
		got, ok := pbxSeconds([]byte(s))
		if ok != wantOK || ok && got != want.Unix() {
			t.Errorf("pbxSeconds(%q) = %d, %v; ParsePBXTime: %d, %v", s, got, ok, want.Unix(), wantOK)
		}
	}
	// Every day of four years, a leap year among them, at a second of its own.
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2027; d = d.Add(24*time.Hour + 37*time.Second) {
		s := d.Format(cdrclient.TimeLayout)
		if got, ok := pbxSeconds([]byte(s)); !ok || got != d.Unix() {
			t.Fatalf("pbxSeconds(%q) = %d, %v, want %d", s, got, ok, d.Unix())
		}
	}
}

// BenchmarkFromTable reads a busy office's month by day, as a sync's commit does.
func BenchmarkFromTable(b *testing.B) {
	o, from, _ := pbxsim.BusyYear()
	var csv bytes.Buffer
	if err := pbxsim.New(o).WriteCSV(&csv, nil, from, from.AddDate(0, 1, 0)); err != nil {
		b.Fatal(err)
	}
	t := cdrclient.NewTable()
	t.Write(csv.Bytes())
	if err := t.Close(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(csv.Len()))
	for b.Loop() {
		FromTable(t)
	}
}

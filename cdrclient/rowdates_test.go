package cdrclient

import (
	"bytes"
	"strings"
	"testing"
)

// rowDates finds the first and last row dates of each window in what the Joiner
// writes, however the bytes are cut into writes, and stays silent where it cannot tell.
func TestRowDates(t *testing.T) {
	header := "callid,timestart,callfrom\r\n"
	row := func(ts string) string { return "1," + ts + ",1000\r\n" }
	long := "1,2026-05-02 08:00:00," + strings.Repeat("9", rowKeep) + "\r\n"
	tests := []struct {
		name   string
		writes []string // one window's output, write by write
		first  bool     // the window starts the output (so with the header)
		want   []string // dates found, first then last
	}{
		{"header and rows", []string{header, row("2026-05-01 00:00:05"), row("2026-05-01 09:00:00")}, true,
			[]string{"2026-05-01 00:00:05", "2026-05-01 09:00:00"}},
		{"header only", []string{header}, true, nil},
		{"later window, line end completed first", []string{"\r\n", row("2026-05-02 00:00:00"), "1,2026-05-03 00:00:00,1000"}, false,
			[]string{"2026-05-02 00:00:00", "2026-05-03 00:00:00"}},
		{"quoted date", []string{header + `1,"2026-05-01 10:00:00",1000` + "\r\n"}, true,
			[]string{"2026-05-01 10:00:00", "2026-05-01 10:00:00"}},
		{"rows cut across writes", []string{header[:5], header[5:] + "1,2026-05", "-01 07:00:00,1000\r\n1,2026-05-01 08:", "00:00,1000\n"}, true,
			[]string{"2026-05-01 07:00:00", "2026-05-01 08:00:00"}},
		{"first row longer than kept", []string{long, row("2026-05-02 09:00:00")}, false, []string{"2026-05-02 09:00:00"}},
		{"last row longer than kept", []string{row("2026-05-02 07:00:00"), strings.Repeat(long, 2)}, false, []string{"2026-05-02 07:00:00"}},
		{"not a date", []string{row("yesterday")}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			d := newRowDates(&out)
			if !tt.first {
				d.Write([]byte(header + row("2026-04-30 00:00:00")))
			}
			d.begin()
			var all string
			for _, w := range tt.writes {
				d.Write([]byte(w))
				all += w
			}
			var got []string
			for _, ts := range d.end(1) {
				got = append(got, ts.Format(TimeLayout))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
			if !strings.HasSuffix(out.String(), all) {
				t.Error("the bytes were not passed on unchanged")
			}
		})
	}
	// No column, no dates.
	d := newRowDates(&bytes.Buffer{})
	d.Write([]byte(header + row("2026-05-01 00:00:00")))
	if got := d.end(-1); got != nil {
		t.Errorf("dates %v without a timestart column", got)
	}
}

package pbxsim

import (
	"io"
	"strings"
	"testing"
)

// TestCut reads bodies cut by the Cut fault over a close-delimited connection: each
// is a clean end of file at the named place of the first suitable row after
// CutAfterRows, and with CutOnce the next download is whole.
func TestCut(t *testing.T) {
	const start, end = "2024-03-01 00:00:00", "2024-03-03 23:59:59"
	tests := []struct {
		cut  Cut
		gbk  bool
		last func(line string) bool // the cut line is as the fault says
	}{
		{CutMidRow, false, func(l string) bool {
			return strings.Count(l, ",") == 3 && len(l[strings.LastIndexByte(l, ',')+1:]) == 1
		}},
		{CutMidRow, true, func(l string) bool { return strings.Count(l, ",") == 3 }},
		{CutInQuote, false, func(l string) bool { return strings.HasPrefix(l[len(l)-3:], `,"`) }},
		{CutAtLineEnd, false, func(l string) bool { return strings.Count(l, ",") >= len(columns)-1 }},
	}
	for _, tt := range tests {
		p := startPBX(t, V2, func(o *Options) {
			o.CloseDelimited, o.GBK, o.Cut, o.CutAfterRows, o.CutOnce = true, tt.gbk, tt.cut, 10, true
		})
		token := p.login()
		resp := p.getStream(token, "all", start, end)
		got, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("cut %d: read error %v, want a clean end", tt.cut, err)
		}
		want := expectedCSV(t, p.srv, nil, start, end)
		lines := strings.Split(string(got), "\r\n")
		if !strings.HasPrefix(want, string(got)) || len(lines) < 12 || !tt.last(lines[len(lines)-1]) {
			t.Errorf("cut %d (GBK %v): %d lines, last %q", tt.cut, tt.gbk, len(lines), lines[len(lines)-1])
		}
		resp2, body := p.download(token, "all", start, end)
		p.wantCSV(resp2, body, nil, start, end)
	}
}

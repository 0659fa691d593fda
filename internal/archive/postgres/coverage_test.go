package postgres

import (
	"slices"
	"testing"
	"time"

	"cdrdesk/internal/archive"
)

func TestAddRange(t *testing.T) {
	at := func(s int) time.Time { return time.Date(2025, 1, 1, 0, 0, s, 0, time.UTC) }
	r := func(a, b int) archive.Range { return archive.Range{From: at(a), To: at(b)} }
	tests := []struct {
		name string
		have []archive.Range
		add  archive.Range
		want []archive.Range
	}{
		{"first", nil, r(10, 20), []archive.Range{r(10, 20)}},
		{"apart after", []archive.Range{r(0, 5)}, r(10, 20), []archive.Range{r(0, 5), r(10, 20)}},
		{"apart before", []archive.Range{r(30, 40)}, r(10, 20), []archive.Range{r(10, 20), r(30, 40)}},
		{"touching joins", []archive.Range{r(0, 9)}, r(10, 20), []archive.Range{r(0, 20)}},
		{"touching after joins", []archive.Range{r(21, 30)}, r(10, 20), []archive.Range{r(10, 30)}},
		{"overlap", []archive.Range{r(0, 12)}, r(10, 20), []archive.Range{r(0, 20)}},
		{"inside", []archive.Range{r(0, 40)}, r(10, 20), []archive.Range{r(0, 40)}},
		{"bridges two", []archive.Range{r(0, 5), r(8, 9), r(25, 30), r(50, 60)}, r(6, 24), []archive.Range{r(0, 30), r(50, 60)}},
		{"empty range ignored", []archive.Range{r(0, 5)}, r(9, 8), []archive.Range{r(0, 5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := addRange(slices.Clone(tt.have), tt.add); !slices.Equal(got, tt.want) {
				t.Errorf("addRange(%v, %v) = %v, want %v", tt.have, tt.add, got, tt.want)
			}
		})
	}
}

func TestCutBefore(t *testing.T) {
	at := func(s int) time.Time { return time.Date(2025, 1, 1, 0, 0, s, 0, time.UTC) }
	r := func(a, b int) archive.Range { return archive.Range{From: at(a), To: at(b)} }
	have := []archive.Range{r(0, 5), r(8, 12), r(20, 30)}
	tests := []struct {
		cut  int
		want []archive.Range
	}{
		{0, have},
		{6, []archive.Range{r(8, 12), r(20, 30)}},
		{10, []archive.Range{r(10, 12), r(20, 30)}},
		{12, []archive.Range{r(12, 12), r(20, 30)}},
		{13, []archive.Range{r(20, 30)}},
		{31, nil},
	}
	for _, tt := range tests {
		if got := cutBefore(have, at(tt.cut)); !slices.Equal(got, tt.want) {
			t.Errorf("cutBefore(%v, %d) = %v, want %v", have, tt.cut, got, tt.want)
		}
	}
}

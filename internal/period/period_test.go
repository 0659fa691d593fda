package period

import (
	"testing"
	"time"
)

func TestPreset(t *testing.T) {
	// Thursday 2026-11-26 15:04:05.
	now := time.Date(2026, 11, 26, 15, 4, 5, 0, time.UTC)
	tests := []struct{ name, from, to string }{
		{Today, "2026-11-26 00:00:00", "2026-11-26 23:59:59"},
		{Yesterday, "2026-11-25 00:00:00", "2026-11-25 23:59:59"},
		{ThisWeek, "2026-11-23 00:00:00", "2026-11-26 23:59:59"},
		{LastWeek, "2026-11-16 00:00:00", "2026-11-22 23:59:59"},
		{ThisMonth, "2026-11-01 00:00:00", "2026-11-26 23:59:59"},
		{LastMonth, "2026-10-01 00:00:00", "2026-10-31 23:59:59"},
		{Last7Days, "2026-11-20 00:00:00", "2026-11-26 23:59:59"},
		{Last30Days, "2026-10-28 00:00:00", "2026-11-26 23:59:59"},
	}
	for _, tt := range tests {
		r, err := Preset(tt.name, now)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := r.From.Format(DateTimeLayout); got != tt.from {
			t.Errorf("%s from = %s, want %s", tt.name, got, tt.from)
		}
		if got := r.To.Format(DateTimeLayout); got != tt.to {
			t.Errorf("%s to = %s, want %s", tt.name, got, tt.to)
		}
	}
	if _, err := Preset("fortnight", now); err == nil {
		t.Error("unknown preset accepted")
	}
}

func TestPresetWeekEdges(t *testing.T) {
	// On a Sunday this week still starts on the Monday before; on a Monday, that Monday.
	sunday := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	monday := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	if r, _ := Preset(ThisWeek, sunday); r.From.Format(DateLayout) != "2026-11-23" {
		t.Errorf("Sunday: this week from %s", r.From.Format(DateLayout))
	}
	if r, _ := Preset(ThisWeek, monday); r.From.Format(DateLayout) != "2026-11-30" {
		t.Errorf("Monday: this week from %s", r.From.Format(DateLayout))
	}
	// January: last month is December of the year before.
	jan := time.Date(2027, 1, 3, 0, 0, 0, 0, time.UTC)
	if r, _ := Preset(LastMonth, jan); r.From.Format(DateLayout) != "2026-12-01" || r.To.Format(DateTimeLayout) != "2026-12-31 23:59:59" {
		t.Errorf("January: last month %v", r)
	}
}

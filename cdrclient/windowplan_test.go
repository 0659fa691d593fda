package cdrclient

import (
	"testing"
	"time"
)

// The plan's windows, step by step: "ok" a quick window, "big" a window done but not
// quick, "504" a window the PBX timed out on.
func TestWindowPlan(t *testing.T) {
	day := 24 * time.Hour
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		days   int           // the range
		window time.Duration // Query.Window
		steps  []string
		want   []time.Duration // length of each window handed out
	}{
		{"grows while quick", 40, 0, []string{"ok", "ok", "ok"}, []time.Duration{7 * day, 14 * day, 19 * day}},
		{"stays while not quick", 28, 0, []string{"big", "ok", "ok"}, []time.Duration{7 * day, 7 * day, 14 * day}},
		{"halves, then keeps to the half", 60, 0, []string{"ok", "504", "ok", "ok", "ok", "ok"},
			[]time.Duration{7 * day, 14 * day, 7 * day, 7 * day, 7 * day, 7 * day}},
		{"a half as long as a failure is split unasked", 4, 4 * day, []string{"504", "504", "ok", "ok", "ok"},
			[]time.Duration{4 * day, 2 * day, day, day, day}},
		{"whole range at once never grows", 30, -1, []string{"ok"}, []time.Duration{30 * day}},
		{"stops splitting at two hours", 0, 2 * time.Hour, []string{"504", "504"}, []time.Duration{2 * time.Hour, time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			end := start.AddDate(0, 0, tt.days).Add(-time.Second)
			if tt.days == 0 {
				end = start.Add(2*time.Hour - time.Second)
			}
			p := newWindowPlan(Query{Start: start, End: end, Window: tt.window})
			var got []time.Duration
			for i, step := range tt.steps {
				if p.done() {
					t.Fatalf("done after %d steps, %v", i, got)
				}
				w := p.next()
				got = append(got, w.length())
				switch step {
				case "ok", "big":
					p.advance(step == "ok")
				case "504":
					if !p.split() {
						if w.length() >= 2*MinWindow {
							t.Fatalf("a %v window was not split", w.length())
						}
						p.queue = p.queue[1:] // given up: Fetch would fail here
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("windows %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("windows %v, want %v", got, tt.want)
				}
			}
		})
	}
}

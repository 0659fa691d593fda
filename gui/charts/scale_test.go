package charts

import (
	"math"
	"slices"
	"testing"
)

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct {
		name     string
		highest  float64
		whole    bool
		maxSteps int
		ticks    []float64
	}{
		{"round thousand", 1000, true, 5, []float64{0, 200, 400, 600, 800, 1000}},
		{"just over", 1001, true, 5, []float64{0, 500, 1000, 1500}},
		{"one call", 1, true, 5, []float64{0, 1, 2}},
		{"three calls", 3, true, 5, []float64{0, 1, 2, 3}},
		{"seven calls", 7, true, 5, []float64{0, 2, 4, 6, 8}},
		{"fractions", 0.3, false, 5, []float64{0, 0.1, 0.2, 0.3}},
		{"hours of talk", 2.5, false, 5, []float64{0, 0.5, 1, 1.5, 2, 2.5}},
		{"short axis", 1000, true, 2, []float64{0, 500, 1000}},
		{"fewer than two steps asked", 1000, true, 1, []float64{0, 500, 1000}},
		{"nothing", 0, true, 5, []float64{0}},
		{"not a number", math.NaN(), true, 5, []float64{0}},
		{"a year of calls", 412345, true, 5, []float64{0, 100000, 200000, 300000, 400000, 500000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := niceScale(tc.highest, tc.whole, tc.maxSteps)
			var got []float64
			for i := range s.ticks {
				got = append(got, s.tick(i))
			}
			if !slices.EqualFunc(got, tc.ticks, func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }) {
				t.Errorf("ticks %v, want %v", got, tc.ticks)
			}
		})
	}
}

// TestNiceScaleAlwaysNice checks every scale over a range of maxima: 3 to 6 ticks a
// nice step apart, covering the maximum with less than a step to spare, and whole
// steps for whole values.
func TestNiceScaleAlwaysNice(t *testing.T) {
	for _, whole := range []bool{true, false} {
		for highest := 0.013; highest < 3e6; highest *= 1.37 {
			if whole {
				highest = math.Ceil(highest)
			}
			s := niceScale(highest, whole, maxSteps)
			if s.ticks < 3 || s.ticks > 6 {
				t.Errorf("%v: %d ticks", highest, s.ticks)
			}
			if !nice(s.step) || (whole && s.step < 1) {
				t.Errorf("%v (whole %v): step %v", highest, whole, s.step)
			}
			if s.top() < highest || (s.ticks > 3 && s.top()-s.step >= highest) {
				t.Errorf("%v: axis to %v in steps of %v", highest, s.top(), s.step)
			}
		}
	}
}

// nice says whether step is 1, 2 or 5 × 10^k.
func nice(step float64) bool {
	m := step / math.Pow(10, math.Floor(math.Log10(step)))
	for _, n := range []float64{1, 2, 5} {
		if math.Abs(m-n) < 1e-9 {
			return true
		}
	}
	return false
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{0, 0, "0"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{412345, 0, "412,345"},
		{1234567, 0, "1,234,567"},
		{-1234, 0, "-1,234"},
		{0.30000000000000004, 1, "0.3"},
		{12345.5, 1, "12,345.5"},
	} {
		if got := formatNumber(tc.v, tc.decimals); got != tc.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", tc.v, tc.decimals, got, tc.want)
		}
	}
}

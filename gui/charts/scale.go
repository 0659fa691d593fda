package charts

import "math"

// scale is a value axis: ticks from 0 to top in equal "nice" steps (1, 2 or 5 × 10^k).
type scale struct {
	step     float64
	ticks    int // how many: step × (ticks-1) == top
	decimals int // to print a tick
}

// top is the value at the end of the axis.
func (s scale) top() float64 { return s.step * float64(s.ticks-1) }

// tick is the value of tick i.
func (s scale) tick(i int) float64 { return s.step * float64(i) }

// niceScale is the axis for values up to highest: the smallest nice step that covers
// highest in at most maxSteps steps, with at least two steps (three ticks). Whole
// values (counts) get whole steps, so that no tick reads 0.5 calls. An axis of nothing
// (highest ≤ 0) is a lone 0.
func niceScale(highest float64, whole bool, maxSteps int) scale {
	if !(highest > 0) || math.IsInf(highest, 1) {
		return scale{step: 1, ticks: 1}
	}
	maxSteps = max(maxSteps, 2)
	exp := int(math.Floor(math.Log10(highest / float64(maxSteps))))
	for ; ; exp++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, float64(exp))
			if whole && step < 1 {
				continue
			}
			// The epsilon keeps 3 in steps of 1 from being 3.0000000000000004 steps.
			steps := int(math.Ceil(highest/step - 1e-9))
			if steps <= maxSteps {
				return scale{step: step, ticks: max(steps, 2) + 1, decimals: max(0, -exp)}
			}
		}
	}
}

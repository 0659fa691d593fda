package charts

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// Series is one stack of a bar chart.
type Series struct {
	Name   string              // legend text (already translated by the caller)
	Values []float64           // one per label; missing, negative or NaN values draw as 0
	Color  fyne.ThemeColorName // e.g. theme.ColorNameSuccess; "" is theme.ColorNamePrimary
}

// BarData is a bar chart: one bar per label, the series stacked bottom-up (left to
// right in HBars).
type BarData struct {
	Labels []string // x-axis (vertical bars) or y-axis (horizontal bars) labels
	Series []Series
}

// HeatData is a grid of cells coloured by value (weekday × hour).
type HeatData struct {
	Rows, Cols []string    // row labels (e.g. Mon..Sun), column labels (00..23)
	Values     [][]float64 // [row][col]; missing, negative or NaN values are 0
}

// clone copies d, so that a caller reusing its slices cannot change a chart behind
// its back.
func (d BarData) clone() BarData {
	c := BarData{Labels: slices.Clone(d.Labels), Series: slices.Clone(d.Series)}
	for i := range c.Series {
		c.Series[i].Values = slices.Clone(c.Series[i].Values)
	}
	return c
}

// value is series s at label i as drawn.
func (d BarData) value(s, i int) float64 {
	v := d.Series[s].Values
	if i >= len(v) {
		return 0
	}
	return drawable(v[i])
}

// stackMax is the height of the tallest stack.
func (d BarData) stackMax() float64 {
	top := 0.0
	for i := range d.Labels {
		sum := 0.0
		for s := range d.Series {
			sum += d.value(s, i)
		}
		top = max(top, sum)
	}
	return top
}

// whole says whether every value is a whole number, so that the axis counts in
// whole steps and prints integers.
func (d BarData) whole() bool {
	for s := range d.Series {
		for i := range d.Labels {
			if v := d.value(s, i); v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}

func (d HeatData) clone() HeatData {
	c := HeatData{Rows: slices.Clone(d.Rows), Cols: slices.Clone(d.Cols), Values: slices.Clone(d.Values)}
	for i := range c.Values {
		c.Values[i] = slices.Clone(c.Values[i])
	}
	return c
}

// value is the cell at row r, column c as drawn.
func (d HeatData) value(r, c int) float64 {
	if r >= len(d.Values) || c >= len(d.Values[r]) {
		return 0
	}
	return drawable(d.Values[r][c])
}

// max is the largest cell, and whether every cell is whole.
func (d HeatData) max() (top float64, whole bool) {
	whole = true
	for r := range d.Rows {
		for c := range d.Cols {
			v := d.value(r, c)
			top = max(top, v)
			whole = whole && v == math.Trunc(v)
		}
	}
	return top, whole
}

// drawable maps what cannot be drawn as a length (negative, NaN, infinite) to 0.
func drawable(v float64) float64 {
	if v > 0 && !math.IsInf(v, 1) {
		return v
	}
	return 0
}

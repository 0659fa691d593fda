package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// barChart is what Bars and HBars share: the data shown and which data set it is.
type barChart struct {
	data BarData
	gen  int // increased by each SetData, so the renderer knows to rebuild
}

func (c *barChart) set(d BarData) {
	c.data = d.clone()
	c.gen++
}

// Bars is a chart of vertical stacked bars: one bar per label along the bottom, the
// series stacked bottom-up, a value axis on the left.
type Bars struct {
	widget.BaseWidget
	chart barChart
}

var _ fyne.Widget = (*Bars)(nil)

// NewBars returns an empty bar chart; SetData gives it bars.
func NewBars() *Bars {
	b := &Bars{}
	b.ExtendBaseWidget(b)
	return b
}

// SetData shows d, replacing what was shown. The chart keeps a copy of d.
func (b *Bars) SetData(d BarData) {
	b.chart.set(d)
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *Bars) CreateRenderer() fyne.WidgetRenderer {
	return newStackRenderer(b, &b.chart, false)
}

// HBars is a chart of horizontal stacked bars, for top-N lists: one bar per label
// down the left, the first at the top, the series stacked left to right, a value axis
// along the bottom. Labels too long for the chart end in "…".
type HBars struct {
	widget.BaseWidget
	chart barChart
}

var _ fyne.Widget = (*HBars)(nil)

// NewHBars returns an empty horizontal bar chart; SetData gives it bars.
func NewHBars() *HBars {
	b := &HBars{}
	b.ExtendBaseWidget(b)
	return b
}

// SetData shows d, replacing what was shown. The chart keeps a copy of d.
func (b *HBars) SetData(d BarData) {
	b.chart.set(d)
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *HBars) CreateRenderer() fyne.WidgetRenderer {
	return newStackRenderer(b, &b.chart, true)
}

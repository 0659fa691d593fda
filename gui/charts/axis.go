package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// maxSteps is the most steps a value axis is divided into (six ticks with 0).
const maxSteps = 5

// valueAxis is the axis along which bars grow: its ticks' labels and a faint grid
// line across the chart at each. Its scale is chosen at each Layout, as the room
// decides how many ticks fit.
type valueAxis struct {
	lines  [maxSteps + 1]*canvas.Line
	labels [maxSteps + 1]*canvas.Text
	scale  scale
}

func newValueAxis() *valueAxis {
	a := &valueAxis{}
	for i := range a.lines {
		a.lines[i] = canvas.NewLine(nil)
		a.labels[i] = canvas.NewText("", nil)
	}
	return a
}

func (a *valueAxis) lineObjects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(a.lines))
	for i, l := range a.lines {
		out[i] = l
	}
	return out
}

func (a *valueAxis) labelObjects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(a.labels))
	for i, t := range a.labels {
		out[i] = t
	}
	return out
}

// style colours the axis: the zero line, where bars start, darker than the grid.
func (a *valueAxis) style(p palette) {
	grid, zero := p.color(theme.ColorNameSeparator), p.color(theme.ColorNameDisabled)
	fg, size := p.color(theme.ColorNameForeground), p.textSize()
	for i := range a.lines {
		a.lines[i].StrokeColor, a.lines[i].StrokeWidth = grid, 1
		a.labels[i].Color, a.labels[i].TextSize = fg, size
		a.labels[i].Resize(a.labels[i].MinSize())
	}
	a.lines[0].StrokeColor = zero
}

// setScale labels the ticks of s, hides the others, and returns the widest label.
func (a *valueAxis) setScale(s scale) (widest float32) {
	a.scale = s
	for i, t := range a.labels {
		visible := i < s.ticks
		setVisible(t, visible)
		setVisible(a.lines[i], visible)
		if !visible {
			continue
		}
		if text := formatNumber(s.tick(i), s.decimals); text != t.Text {
			t.Text = text
			t.Resize(t.MinSize())
		}
		widest = max(widest, t.Size().Width)
	}
	return widest
}

// fraction is where v lies along the axis, from 0 at its start to 1 at its top.
func (a *valueAxis) fraction(v float64) float32 {
	top := a.scale.top()
	if top <= 0 {
		return 0
	}
	return float32(v / top)
}

// placeUp lays out a vertical axis: grid lines across [left, right] from bottom (0) up
// to top, labels right-aligned pad before left.
func (a *valueAxis) placeUp(left, right, top, bottom, pad float32) {
	for i := 0; i < a.scale.ticks; i++ {
		y := bottom - a.fraction(a.scale.tick(i))*(bottom-top)
		a.lines[i].Position1, a.lines[i].Position2 = fyne.NewPos(left, y), fyne.NewPos(right, y)
		size := a.labels[i].Size()
		a.labels[i].Move(fyne.NewPos(left-pad-size.Width, y-size.Height/2))
	}
}

// placeAcross lays out a horizontal axis: grid lines down [top, bottom] from left (0)
// to right, labels centred below bottom.
func (a *valueAxis) placeAcross(left, right, top, bottom, pad float32) {
	for i := 0; i < a.scale.ticks; i++ {
		x := left + a.fraction(a.scale.tick(i))*(right-left)
		a.lines[i].Position1, a.lines[i].Position2 = fyne.NewPos(x, top), fyne.NewPos(x, bottom)
		size := a.labels[i].Size()
		a.labels[i].Move(fyne.NewPos(x-size.Width/2, bottom+pad/2))
	}
}

package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// legend names the series of a bar chart: a square of the series' colour and its
// name, side by side, wrapping onto more lines when the chart is narrow. A chart of
// one series has none: its labels already say what the bars are.
type legend struct {
	series   []Series
	swatches []*canvas.Rectangle
	names    []*canvas.Text
}

func (l *legend) set(series []Series) {
	l.series = nil
	if len(series) >= 2 {
		l.series = series
	}
	for len(l.names) < len(l.series) {
		l.swatches = append(l.swatches, canvas.NewRectangle(nil))
		l.names = append(l.names, canvas.NewText("", nil))
	}
	l.swatches, l.names = l.swatches[:len(l.series)], l.names[:len(l.series)]
}

func (l *legend) objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := range l.names {
		out = append(out, l.swatches[i], l.names[i])
	}
	return out
}

func (l *legend) style(p palette) {
	fg, size := p.color(theme.ColorNameForeground), p.textSize()
	for i, s := range l.series {
		l.swatches[i].FillColor = p.color(s.Color)
		l.names[i].Text, l.names[i].Color, l.names[i].TextSize = s.Name, fg, size
		l.names[i].Resize(l.names[i].MinSize())
	}
}

// place lays the legend out from (x, y) in width and returns the height it takes
// (0 without a legend).
func (l *legend) place(x, y, width, pad float32) float32 {
	if len(l.names) == 0 {
		return 0
	}
	lineH := l.names[0].Size().Height
	side := lineH * 0.6
	left, lines := x, 1
	for i, name := range l.names {
		item := side + pad + name.Size().Width
		if left > x && left+item > x+width {
			left, lines = x, lines+1
		}
		top := y + float32(lines-1)*lineH
		l.swatches[i].Resize(fyne.NewSize(side, side))
		l.swatches[i].Move(fyne.NewPos(left, top+(lineH-side)/2))
		name.Move(fyne.NewPos(left+side+pad, top))
		left += item + 3*pad
	}
	return float32(lines) * lineH
}

package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// heatKeySteps is how many shades the legend shows between 0 and the largest value.
const heatKeySteps = 6

// heatKey is the heat map's legend: "0", a strip of shades, the largest value.
type heatKey struct {
	frame     *canvas.Rectangle // behind the shades, so that the lightest one shows
	shades    [heatKeySteps]*canvas.Rectangle
	low, high *canvas.Text
}

func newHeatKey() *heatKey {
	k := &heatKey{frame: canvas.NewRectangle(nil), low: canvas.NewText("0", nil), high: canvas.NewText("0", nil)}
	for i := range k.shades {
		k.shades[i] = canvas.NewRectangle(nil)
	}
	return k
}

func (k *heatKey) set(highest float64, whole bool) {
	k.high.Text = formatNumber(highest, valueDecimals(highest, whole))
}

func (k *heatKey) objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{k.frame}
	for _, s := range k.shades {
		out = append(out, s)
	}
	return append(out, k.low, k.high)
}

func (k *heatKey) style(p palette) {
	bg, primary := p.color(theme.ColorNameBackground), p.color(theme.ColorNamePrimary)
	k.frame.FillColor = p.color(theme.ColorNameSeparator)
	for i, s := range k.shades {
		s.FillColor = blend(bg, primary, float64(i)/float64(heatKeySteps-1))
	}
	fg, size := p.color(theme.ColorNameForeground), p.textSize()
	for _, t := range []*canvas.Text{k.low, k.high} {
		t.Color, t.TextSize = fg, size
		t.Resize(t.MinSize())
	}
}

// place lays the legend out on one line from top, ending at right.
func (k *heatKey) place(right, top, pad float32) {
	h := k.high.Size().Height
	side := h * 0.8
	x := right - k.high.Size().Width
	k.high.Move(fyne.NewPos(x, top))
	x -= pad + heatKeySteps*side
	k.frame.Move(fyne.NewPos(x-1, top+(h-side)/2-1))
	k.frame.Resize(fyne.NewSize(heatKeySteps*side+2, side+2))
	for i, s := range k.shades {
		s.Move(fyne.NewPos(x+float32(i)*side, top+(h-side)/2))
		s.Resize(fyne.NewSize(side, side))
	}
	k.low.Move(fyne.NewPos(x-pad-k.low.Size().Width, top))
}

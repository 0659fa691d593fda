package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette is the theme's colours a chart uses, read at each Refresh so that a change
// of theme or of light/dark recolours it.
type palette struct {
	th      fyne.Theme
	variant fyne.ThemeVariant
}

// paletteOf is the palette of a widget: its theme (the app's, or an override's)
// in the app's variant.
func paletteOf(w interface{ Theme() fyne.Theme }) palette {
	return palette{th: w.Theme(), variant: fyne.CurrentApp().Settings().ThemeVariant()}
}

func (p palette) color(n fyne.ThemeColorName) color.Color {
	if n == "" {
		n = theme.ColorNamePrimary
	}
	return p.th.Color(n, p.variant)
}

func (p palette) size(n fyne.ThemeSizeName) float32 { return p.th.Size(n) }

// textSize is the size of every label of a chart: the theme's caption size, as the
// labels are many and secondary to the bars.
func (p palette) textSize() float32 { return p.size(theme.SizeNameCaptionText) }

// padding is the space between the parts of a chart.
func (p palette) padding() float32 { return p.size(theme.SizeNamePadding) }

// blend is the colour at f (0 … 1) of the way from a to b.
func blend(a, b color.Color, f float64) color.NRGBA {
	f = min(max(f, 0), 1)
	x := color.NRGBAModel.Convert(a).(color.NRGBA)
	y := color.NRGBAModel.Convert(b).(color.NRGBA)
	mix := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*f + 0.5) }
	return color.NRGBA{R: mix(x.R, y.R), G: mix(x.G, y.G), B: mix(x.B, y.B), A: mix(x.A, y.A)}
}

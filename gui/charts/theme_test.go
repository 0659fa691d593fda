package charts

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/style"
)

// TestThemeSwitchRecolours switches the app's theme, as the settings do: to dark
// (foreground, background, grid change), to one of other status and primary colours
// (the bars change), back to light; every object takes each theme's colour.
func TestThemeSwitchRecolours(t *testing.T) {
	themes := []fyne.Theme{style.New(style.Dark), tinted{style.New(style.Light)}, style.New(style.Light)}
	for _, tc := range []struct {
		name string
		// show makes the chart and returns what to compare: object and the theme
		// colour it should have.
		show func(t *testing.T) map[fyne.CanvasObject]fyne.ThemeColorName
	}{
		{"bars", func(t *testing.T) map[fyne.CanvasObject]fyne.ThemeColorName {
			b := NewBars()
			show(t, b, fyne.NewSize(400, 250))
			b.SetData(twoSeries)
			r := stacksOf(t, b)
			return map[fyne.CanvasObject]fyne.ThemeColorName{
				r.bars[0][0]: theme.ColorNameSuccess, r.bars[0][1]: theme.ColorNameError,
				r.axis.lines[1]: theme.ColorNameSeparator, r.axis.labels[1]: theme.ColorNameForeground,
				r.cats.texts[0]: theme.ColorNameForeground, r.legend.swatches[1]: theme.ColorNameError,
				r.legend.names[0]: theme.ColorNameForeground,
			}
		}},
		{"horizontal bars", func(t *testing.T) map[fyne.CanvasObject]fyne.ThemeColorName {
			b := NewHBars()
			show(t, b, fyne.NewSize(400, 250))
			b.SetData(twoSeries)
			r := stacksOf(t, b)
			return map[fyne.CanvasObject]fyne.ThemeColorName{
				r.bars[3][0]: theme.ColorNameSuccess, r.bars[3][1]: theme.ColorNameError,
				r.cats.texts[3]: theme.ColorNameForeground,
			}
		}},
		{"heat map", func(t *testing.T) map[fyne.CanvasObject]fyne.ThemeColorName {
			h := NewHeatMap()
			show(t, h, fyne.NewSize(400, 250))
			h.SetData(HeatData{Rows: []string{"Mon"}, Cols: []string{"08", "09"}, Values: [][]float64{{0, 5}}})
			r := heatOf(t, h)
			return map[fyne.CanvasObject]fyne.ThemeColorName{
				r.cells[0][0]: theme.ColorNameBackground, r.cells[0][1]: theme.ColorNamePrimary,
				r.rows.texts[0]: theme.ColorNameForeground, r.key.high: theme.ColorNameForeground,
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			objects := tc.show(t)
			for o, name := range objects {
				if colours := distinct(themes, name); colours < 2 {
					t.Fatalf("%s is the same in every theme: %T cannot show a switch", name, o)
				}
			}
			for _, th := range themes {
				fyne.CurrentApp().Settings().SetTheme(th)
				for o, name := range objects {
					want := color.NRGBAModel.Convert(th.Color(name, theme.VariantLight))
					if got := color.NRGBAModel.Convert(colourOf(o)); got != want {
						t.Errorf("%T of %s is %v, want %v", o, name, got, want)
					}
				}
			}
		})
	}
}

// tinted is a theme whose status and primary colours differ from Fyne's.
type tinted struct{ fyne.Theme }

func (t tinted) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameSuccess:
		return color.NRGBA{R: 0x11, G: 0x88, B: 0x22, A: 0xff}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xaa, G: 0x11, B: 0x55, A: 0xff}
	case theme.ColorNamePrimary:
		return color.NRGBA{R: 0x88, G: 0x22, B: 0xcc, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

// distinct counts the different colours the themes give name.
func distinct(themes []fyne.Theme, name fyne.ThemeColorName) int {
	seen := map[color.NRGBA]bool{}
	for _, th := range themes {
		seen[color.NRGBAModel.Convert(th.Color(name, theme.VariantLight)).(color.NRGBA)] = true
	}
	return len(seen)
}

// colourOf is the colour an object is drawn in.
func colourOf(o fyne.CanvasObject) color.Color {
	switch x := o.(type) {
	case *canvas.Rectangle:
		return x.FillColor
	case *canvas.Line:
		return x.StrokeColor
	case *canvas.Text:
		return x.Color
	}
	panic("no colour")
}

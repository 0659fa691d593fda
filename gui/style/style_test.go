package style

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestTheme(t *testing.T) {
	test.NewTempApp(t)
	if New(System).Font(fyne.TextStyle{}) != regular || New(System).Font(fyne.TextStyle{Bold: true}) != bold {
		t.Error("the embedded fonts are not used")
	}
	if New(System).Font(fyne.TextStyle{Monospace: true}) == regular {
		t.Error("monospace text uses the proportional font")
	}
	dark, light := New(Dark), New(Light)
	bg := theme.ColorNameBackground
	if dark.Color(bg, theme.VariantLight) != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Error("the dark scheme follows the system")
	}
	if light.Color(bg, theme.VariantDark) != theme.DefaultTheme().Color(bg, theme.VariantLight) {
		t.Error("the light scheme follows the system")
	}
	if New(System).Color(bg, theme.VariantDark) != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Error("the system scheme is not followed")
	}
}

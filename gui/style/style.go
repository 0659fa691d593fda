// Package style is the window's look: the embedded Chinese-capable font (so Chinese
// renders on every machine, including those without a CJK font) and the light, dark or
// system colour scheme the user chose.
package style

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/assets"
)

// Colour schemes, as stored in the preferences.
const (
	System = "system"
	Light  = "light"
	Dark   = "dark"
)

var (
	regular = fyne.NewStaticResource("NotoSansSC-Regular-subset.otf", assets.FontRegular)
	bold    = fyne.NewStaticResource("NotoSansSC-Bold-subset.otf", assets.FontBold)
	// Icon is the application icon.
	Icon = fyne.NewStaticResource("cdrdesk.png", assets.Icon)
)

// Theme is Fyne's default theme with the embedded font and an optional fixed scheme.
type Theme struct{ scheme string }

// New returns the theme for a scheme (System, Light or Dark).
func New(scheme string) *Theme { return &Theme{scheme: scheme} }

// Color implements fyne.Theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.scheme {
	case Light:
		v = theme.VariantLight
	case Dark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme: the embedded font for all text but code, whose monospace
// font stays Fyne's (it is used for fingerprints and details, which are ASCII).
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return bold
	}
	return regular
}

// Icon implements fyne.Theme.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

package query

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// compactTheme is the window's theme with less padding in and between widgets, for
// the preset buttons: eight of them must fit a third of the smallest window, in
// English too, and leave Get records in view. The buttons are then about as tall as a
// Windows push button. It wraps the theme of when the panel was built; the window rebuilds the panel
// when the theme is changed in the settings, and the light/dark variant comes with
// every call.
type compactTheme struct{ base fyne.Theme }

func newCompactTheme() compactTheme { return compactTheme{base: theme.Current()} }

// Color implements fyne.Theme.
func (c compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return c.base.Color(n, v)
}

// Font implements fyne.Theme.
func (c compactTheme) Font(s fyne.TextStyle) fyne.Resource { return c.base.Font(s) }

// Icon implements fyne.Theme.
func (c compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return c.base.Icon(n) }

// Size implements fyne.Theme: 3/8 of the inner padding, half the padding between
// widgets, the rest as the window's.
func (c compactTheme) Size(n fyne.ThemeSizeName) float32 {
	s := c.base.Size(n)
	switch n {
	case theme.SizeNameInnerPadding:
		return s * 3 / 8
	case theme.SizeNamePadding:
		return s / 2
	}
	return s
}

// Package uitest finds widgets in a window built with Fyne's test driver, the way a
// person would: by what is visible and what it says. Only tests import it.
package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls fn for o and every object inside it, through containers and widgets'
// renderers, skipping hidden objects and everything inside them.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, fn)
		}
	}
}

// Find returns the first visible object of type T under o for which ok is true (any
// of them when ok is nil).
func Find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) (T, bool) {
	var found T
	var done bool
	Walk(o, func(c fyne.CanvasObject) {
		if x, is := c.(T); is && !done && (ok == nil || ok(x)) {
			found, done = x, true
		}
	})
	return found, done
}

// Button returns the visible button labelled text under o; it fails t, listing what
// is shown, when there is none.
func Button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b, ok := Find(o, func(b *widget.Button) bool { return b.Text == text })
	if !ok {
		t.Fatalf("no button %q among %q", text, Drawn(o))
	}
	return b
}

// Drawn returns the non-empty text drawn under o, as rendered (a truncated label as
// cut), for failure messages and for checks of what a screen shows.
func Drawn(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(c fyne.CanvasObject) {
		if t, ok := c.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, t.Text)
		}
	})
	return out
}

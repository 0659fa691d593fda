package query

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// atLeast is a layout giving its objects at least a minimum size. A widget.List asks for
// one row only and an Entry for a few characters: inside the window's scroll container
// the list would shrink to one row and a date would be clipped without it.
type atLeast struct{ min fyne.Size }

// Layout gives every object the whole space.
func (a atLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the larger of the objects' own minimum and the fixed one.
func (a atLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := a.min
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// withMin wraps o so that it is never smaller than width × height.
func withMin(o fyne.CanvasObject, width, height float32) *fyne.Container {
	return container.New(atLeast{fyne.NewSize(width, height)}, o)
}

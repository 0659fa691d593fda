package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cell is a sheet's cell: one line of text, on the selection colour when its row is
// selected (widget.Table marks only the one cell tapped). A tap selects its row. A
// cell that takes taps keeps them from the table, so it selects the row itself.
type cell struct {
	widget.BaseWidget
	label    *widget.Label
	back     *canvas.Rectangle
	selected bool
	s        *sheet
	id       widget.TableCellID // the cell shown, set by the sheet's update
}

var _ fyne.Tappable = (*cell)(nil)

func newCell(s *sheet) *cell {
	c := &cell{}
	c.init(s)
	c.ExtendBaseWidget(c)
	return c
}

func (c *cell) init(s *sheet) {
	c.s = s
	c.label = widget.NewLabel("")
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.back = canvas.NewRectangle(nil)
	c.back.Hide()
}

func (c *cell) base() *cell { return c }

// CreateRenderer implements fyne.Widget.
func (c *cell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.back, c.label))
}

// Tapped implements fyne.Tappable: it selects the cell's row.
func (c *cell) Tapped(*fyne.PointEvent) { c.s.choose(c.id) }

// Text returns the text the cell holds (it may show less, cut with "…").
func (c *cell) Text() string { return c.label.Text }

// show sets the cell's text, alignment and whether its row is selected, touching
// the label only when something changed.
func (c *cell) show(t string, align fyne.TextAlign, selected bool) {
	if c.label.Text != t || c.label.Alignment != align {
		c.label.Alignment = align
		c.label.SetText(t)
	}
	if !selected && !c.selected {
		return
	}
	c.selected = selected
	if selected { // the colour is read each time, so it follows a change of theme
		c.back.FillColor = c.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
		c.back.Show()
	} else {
		c.back.Hide()
	}
	c.back.Refresh()
}

// doubleTapCell is a cell that also takes double taps: "open this line". It is a type
// of its own because a widget that takes double taps makes the driver wait, after a
// single tap, to see whether a second follows.
type doubleTapCell struct{ cell }

var _ fyne.DoubleTappable = (*doubleTapCell)(nil)

func newDoubleTapCell(s *sheet) *doubleTapCell {
	c := &doubleTapCell{}
	c.init(s)
	c.ExtendBaseWidget(c)
	return c
}

// DoubleTapped implements fyne.DoubleTappable: it selects the row and opens it.
func (c *doubleTapCell) DoubleTapped(*fyne.PointEvent) {
	if c.id.Row < 0 || c.id.Row >= c.s.rows {
		return
	}
	c.s.choose(c.id)
	c.s.onDoubleTap(c.id.Row)
}

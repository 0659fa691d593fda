package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// headerCell is a column header of the grid: tapping it sorts by that column.
// widget.Table has no sorting of its own, so its header cells are these.
type headerCell struct {
	widget.BaseWidget
	label *widget.Label
	col   int // the grid column shown, -1 for none
	onTap func(col int)
	table desktop.Cursorable // the grid, whose cursor offers to resize columns
}

func newHeaderCell(table desktop.Cursorable, onTap func(col int)) *headerCell {
	h := &headerCell{label: widget.NewLabel(""), col: -1, onTap: onTap, table: table}
	h.label.TextStyle.Bold = true
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer implements fyne.Widget.
func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.label)
}

// Tapped implements fyne.Tappable.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.col >= 0 && h.onTap != nil {
		h.onTap(h.col)
	}
}

// Cursor implements desktop.Cursorable: a hand says the header can be tapped, except
// on a column's edge, where the table offers to resize the column.
func (h *headerCell) Cursor() desktop.Cursor {
	if h.table != nil {
		if c := h.table.Cursor(); c != desktop.DefaultCursor {
			return c
		}
	}
	return desktop.PointerCursor
}

// show makes the cell the header of grid column col with text s.
func (h *headerCell) show(col int, s string) {
	h.col = col
	if h.label.Text != s {
		h.label.SetText(s)
	}
}

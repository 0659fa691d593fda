package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// headerCell is a column header of a sheet: bold, and in a sortable sheet tapping
// it sorts by that column (widget.Table has no sorting of its own).
type headerCell struct {
	widget.BaseWidget
	label *widget.Label
	col   int    // the column shown, -1 for none
	s     *sheet // nil for a cell only measured
}

var (
	_ fyne.Tappable      = (*headerCell)(nil)
	_ desktop.Cursorable = (*headerCell)(nil)
)

func newHeaderCell(s *sheet) *headerCell {
	h := &headerCell{label: widget.NewLabel(""), col: -1, s: s}
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
	if h.s != nil && h.col >= 0 {
		h.s.tapHeader(h.col)
	}
}

// Cursor implements desktop.Cursorable: a hand says a sortable header can be tapped,
// except on a column's edge, where the table offers to resize the column.
func (h *headerCell) Cursor() desktop.Cursor {
	if h.s == nil || h.s.onHeader == nil {
		return desktop.DefaultCursor
	}
	if c := h.s.table.Cursor(); c != desktop.DefaultCursor {
		return c
	}
	return desktop.PointerCursor
}

// show makes the cell the header of column col with text t.
func (h *headerCell) show(col int, t string, align fyne.TextAlign) {
	h.col = col
	if h.label.Text != t || h.label.Alignment != align {
		h.label.Alignment = align
		h.label.SetText(t)
	}
}

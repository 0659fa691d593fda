package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/internal/records"
)

// grid is the records table: a row per record shown, a column per visible column.
// widget.Table creates only the cells in sight; all rows have one height (a
// SetRowHeight anywhere would make every layout cost a pass over all rows).
type grid struct {
	table  *widget.Table
	cells  cellText
	cols   []*column // the visible columns, in order
	rows   []int     // the table rows shown, in order
	sort   records.Sort
	onSort func(c *column)
	// selected is the table row of the selected record, -1 when none; onSelect is told
	// when it changes.
	selected int
	onSelect func()

	headerHeight float32    // measured on first use
	widths       charWidths // character widths shared by the cells
}

func newGrid(onSort func(c *column)) *grid {
	g := &grid{onSort: onSort, selected: -1}
	g.table = widget.NewTableWithHeaders(g.size, g.createCell, g.updateCell)
	g.table.OnSelected = g.selectCell
	g.table.OnUnselected = func(widget.TableCellID) { g.selectRow(-1) }
	g.table.ShowHeaderColumn = false
	g.table.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(g.table, g.tapHeader) }
	g.table.UpdateHeader = g.updateHeader
	return g
}

func (g *grid) size() (rows, cols int) {
	if !g.laidOut() {
		return 0, len(g.cols)
	}
	return len(g.rows), len(g.cols)
}

// laidOut reports whether the table has room for rows. Fyne 2.7's Table, refreshed
// while its rows area has no height (before its first layout), takes every row as
// visible and makes a separator for each: a million for a year of records, each
// hidden again on every later scroll. Until then the grid reports no rows.
func (g *grid) laidOut() bool {
	if g.headerHeight == 0 {
		g.headerHeight = newHeaderCell(nil, nil).MinSize().Height
	}
	s := g.table.Size()
	return s.Width > 0 && s.Height > g.headerHeight
}

func (g *grid) createCell() fyne.CanvasObject { return newTextCell(&g.widths) }

func (g *grid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= len(g.rows) || id.Col < 0 || id.Col >= len(g.cols) {
		return
	}
	g.cells.fill(o.(*textCell), g.rows[id.Row], g.cols[id.Col])
}

func (g *grid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h, ok := o.(*headerCell)
	if !ok {
		return
	}
	if id.Row >= 0 || id.Col < 0 || id.Col >= len(g.cols) {
		h.show(-1, "")
		return
	}
	c := g.cols[id.Col]
	h.show(id.Col, c.header[g.arrow(c)])
}

// arrow returns which header text column c shows: plain, ▲ or ▼.
func (g *grid) arrow(c *column) int {
	switch {
	case g.sort.Column != c.name:
		return 0
	case g.sort.Descending:
		return 2
	}
	return 1
}

func (g *grid) tapHeader(col int) {
	if col < len(g.cols) && g.onSort != nil {
		g.onSort(g.cols[col])
	}
}

// setColumns shows cols, at their default widths.
func (g *grid) setColumns(cols []*column) {
	g.cols = cols
	for i, c := range cols {
		g.table.SetColumnWidth(i, c.width)
	}
	g.table.Refresh()
}

// selectCell selects the record of the cell tapped.
func (g *grid) selectCell(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(g.rows) {
		g.selectRow(g.rows[id.Row])
	}
}

func (g *grid) selectRow(row int) {
	if row == g.selected {
		return
	}
	g.selected = row
	if g.onSelect != nil {
		g.onSelect()
	}
}

// setRows shows rows from the top, with nothing selected.
func (g *grid) setRows(rows []int) {
	g.rows = rows
	g.selected = -1
	g.table.UnselectAll()
	g.table.Refresh()
	g.table.ScrollToTop()
}

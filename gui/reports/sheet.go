package reports

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a sheet: its header and how a row's cell reads.
type column struct {
	title string
	align fyne.TextAlign // fyne.TextAlignTrailing for figures
	text  func(row int) string
	// samples are texts the column must fit besides its header and first rows: the
	// words it may show, or the longest form of a value (a time).
	samples  []string
	maxWidth float32 // longer texts end in "…"; 0 for no limit
}

// sheet is the table every view is built on: a header row, one line per row of the
// view, cells formatted only when drawn (widget.Table creates only the cells in
// sight), whole rows selected by a tap, optionally sorted by tapping a header and
// opened by a double tap.
type sheet struct {
	table *widget.Table
	cols  []column
	rows  int
	empty *widget.Label     // says why there are no rows, over the empty table
	box   fyne.CanvasObject // the table and the empty-state line

	selected    int                  // the selected row, -1 for none
	onSelect    func(row int)        // after the selection changed; row -1 for none
	onDoubleTap func(row int)        // nil: cells take no double taps
	onHeader    func(col int)        // nil: the sheet is not sortable
	arrow       func(col int) string // the sort arrow a header shows, "" for none

	headerHeight float32 // measured on first use
	fitting      bool    // while widths are set: each refreshes the table, with no rows then
}

// fitRows is how many rows (from the top) column widths are fitted to: enough to see
// the usual texts, never a pass over a year of calls.
const fitRows = 1000

func newSheet(cols []column) *sheet {
	s := &sheet{cols: cols, selected: -1}
	s.table = widget.NewTableWithHeaders(s.size, s.createCell, s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(s) }
	s.table.UpdateHeader = s.updateHeader
	s.table.OnSelected = func(id widget.TableCellID) { s.setSelected(id.Row) }
	s.empty = widget.NewLabel("")
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()
	s.box = container.NewStack(s.table, container.NewVBox(layout.NewSpacer(), s.empty, layout.NewSpacer()))
	return s
}

func (s *sheet) size() (rows, cols int) {
	if s.fitting || !s.laidOut() {
		return 0, len(s.cols)
	}
	return s.rows, len(s.cols)
}

// laidOut reports whether the table has room for rows. Fyne 2.7's Table, refreshed
// before its first layout, takes every row as visible and makes a separator for each:
// for a year of calls, hundreds of thousands. Until then the sheet reports no rows.
func (s *sheet) laidOut() bool {
	if s.headerHeight == 0 {
		s.headerHeight = newHeaderCell(nil).MinSize().Height
	}
	size := s.table.Size()
	return size.Width > 0 && size.Height > s.headerHeight
}

func (s *sheet) createCell() fyne.CanvasObject {
	if s.onDoubleTap != nil {
		return newDoubleTapCell(s)
	}
	return newCell(s)
}

func (s *sheet) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(interface{ base() *cell }).base()
	c.id = id
	if id.Row < 0 || id.Row >= s.rows || id.Col < 0 || id.Col >= len(s.cols) {
		c.show("", fyne.TextAlignLeading, false)
		return
	}
	col := &s.cols[id.Col]
	c.show(col.text(id.Row), col.align, id.Row == s.selected)
}

func (s *sheet) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	if id.Row >= 0 || id.Col < 0 || id.Col >= len(s.cols) {
		h.show(-1, "", fyne.TextAlignLeading)
		return
	}
	col := &s.cols[id.Col]
	title := col.title
	if s.arrow != nil {
		if a := s.arrow(id.Col); a != "" {
			title += " " + a
		}
	}
	h.show(id.Col, title, col.align)
}

// tapHeader is a tap on the header of column col.
func (s *sheet) tapHeader(col int) {
	if s.onHeader != nil && col >= 0 && col < len(s.cols) {
		s.onHeader(col)
	}
}

// choose selects the row of a tapped cell.
func (s *sheet) choose(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= s.rows {
		return
	}
	s.table.Select(id) // calls setSelected through OnSelected
	// The table's own tap handling, which the cell took, also focuses it: the arrow
	// keys then move and Space selects.
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.table); c != nil {
		c.Focus(s.table)
	}
}

func (s *sheet) setSelected(row int) {
	if row == s.selected {
		return
	}
	s.selected = row
	s.table.Refresh() // the visible cells mark the whole row
	if s.onSelect != nil {
		s.onSelect(row)
	}
}

// setRows shows n rows from the top, with nothing selected, and fits the columns.
// With no rows, the table says empty ("" says nothing: the view is cleared).
func (s *sheet) setRows(n int, empty string) {
	s.rows = n
	s.empty.SetText(empty)
	s.empty.Hidden = n > 0 || empty == ""
	s.empty.Refresh()
	s.table.UnselectAll()
	s.setSelected(-1)
	s.fit()
	s.table.Refresh()
	s.table.ScrollToTop()
}

// fit sets each column's width to its widest text among the header, the first rows
// and its samples, measured in the current theme and language.
func (s *sheet) fit() {
	th := s.table.Theme()
	size := th.Size(theme.SizeNameText)
	pad := 2*th.Size(theme.SizeNameInnerPadding) + th.Size(theme.SizeNamePadding)
	bold := fyne.TextStyle{Bold: true}
	s.fitting = true
	defer func() { s.fitting = false }()
	for k := range s.cols {
		col := &s.cols[k]
		header := col.title
		if s.onHeader != nil {
			header += " ▼"
		}
		w := fyne.MeasureText(header, size, bold).Width
		widest, most := "", 0
		consider := func(t string) {
			if n := textWidth(t); n > most {
				widest, most = t, n
			}
		}
		for _, t := range col.samples {
			consider(t)
		}
		for r := range min(s.rows, fitRows) {
			consider(col.text(r))
		}
		w = max(w, fyne.MeasureText(widest, size, fyne.TextStyle{}).Width) + pad
		if col.maxWidth > 0 {
			w = min(w, col.maxWidth)
		}
		s.table.SetColumnWidth(k, w)
	}
}

// textWidth estimates how wide t draws, in narrow characters: an East Asian
// character is two. Only the widest text of a column is then measured.
func textWidth(t string) int {
	n := 0
	for _, r := range t {
		n++
		if r >= 0x1100 && utf8.RuneLen(r) >= 3 {
			n++
		}
	}
	return n
}

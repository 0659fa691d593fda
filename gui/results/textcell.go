package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textCell is a grid cell: one line of text, ending in "…" when the column is too
// narrow. widget.Label can do that too, but it lays out rich text and re-shapes the
// whole text with HarfBuzz on every change to place its ellipsis, which made up most
// of the cost of scrolling. This cell knows from a table of character widths that
// most texts fit, shapes only the others, and cuts only those that do not fit.
type textCell struct {
	widget.BaseWidget
	text   string
	align  fyne.TextAlign
	widths *charWidths // shared by the cells of a grid
}

func newTextCell(widths *charWidths) *textCell {
	c := &textCell{widths: widths}
	c.ExtendBaseWidget(c)
	return c
}

// Text returns the whole text of the cell (what it shows may be cut short).
func (c *textCell) Text() string { return c.text }

// SetText shows s.
func (c *textCell) SetText(s string) {
	c.text = s
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *textCell) CreateRenderer() fyne.WidgetRenderer {
	r := &textCellRenderer{cell: c, line: canvas.NewText("", nil)}
	r.objects = []fyne.CanvasObject{r.line}
	r.Refresh()
	return r
}

type textCellRenderer struct {
	cell    *textCell
	line    *canvas.Text
	objects []fyne.CanvasObject // just line: painting asks for it often

	// What line shows is fitted for this text and width.
	fitText  string
	fitWidth float32
}

func (r *textCellRenderer) Destroy() {}

func (r *textCellRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *textCellRenderer) padding() float32 {
	return r.cell.Theme().Size(theme.SizeNameInnerPadding)
}

// MinSize is one line of text and the padding of a widget.Label, so that rows are as
// tall as usual.
func (r *textCellRenderer) MinSize() fyne.Size {
	pad := r.padding()
	line := r.lineSize()
	return fyne.NewSize(line.Width+2*pad, line.Height+2*pad)
}

// lineSize is the size of one character: its height is any line's, and measuring
// the same text each time costs a cache lookup instead of shaping a new text.
func (r *textCellRenderer) lineSize() fyne.Size {
	return fyne.MeasureText("M", r.line.TextSize, r.line.TextStyle)
}

func (r *textCellRenderer) Layout(size fyne.Size) {
	pad := r.padding()
	r.fit(size.Width - 2*pad)
	h := r.lineSize().Height
	r.line.Move(fyne.NewPos(pad, (size.Height-h)/2))
	r.line.Resize(fyne.NewSize(size.Width-2*pad, h))
}

func (r *textCellRenderer) Refresh() {
	th := r.cell.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.line.Color = th.Color(theme.ColorNameForeground, v)
	r.line.TextSize = th.Size(theme.SizeNameText)
	r.line.Alignment = r.cell.align
	r.Layout(r.cell.Size())
	r.line.Refresh()
}

// fit sets the line to the cell's text, cut to width with "…" if needed.
func (r *textCellRenderer) fit(width float32) {
	text := r.cell.text
	if text == r.fitText && width == r.fitWidth {
		return
	}
	r.fitText, r.fitWidth = text, width
	if width <= 0 {
		r.line.Text = text
		return
	}
	if fitted, ok := r.cell.widths.cut(text, width, r.line.TextSize); ok {
		r.line.Text = fitted
		return
	}
	r.line.Text = text
	if r.measure(text) <= width {
		return
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits with "…" is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if r.measure(string(runes[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	r.line.Text = string(runes[:lo]) + "…"
}

func (r *textCellRenderer) measure(s string) float32 {
	return fyne.MeasureText(s, r.line.TextSize, r.line.TextStyle).Width
}

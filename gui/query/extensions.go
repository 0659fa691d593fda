package query

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// extPicker chooses extensions: all of them, or some from a searchable list. The list is
// a widget.List, which creates only the rows in view, so 500 extensions scroll as
// smoothly as 24.
type extPicker struct {
	all        *widget.Check
	search     *widget.Entry
	list       *widget.List
	count      *widget.Label
	selectAll  *widget.Button
	selectNone *widget.Button

	exts     []cdrclient.Extension // as the PBX lists them, sorted by number
	shown    []int                 // indexes into exts of those matching the search
	selected map[string]bool       // by number; may hold numbers not (yet) in exts
	quiet    bool                  // set while the program, not the user, changes widgets

	// onEdit is called after the user changes the selection or the All check.
	onEdit func()
}

func newExtPicker(onEdit func()) *extPicker {
	p := &extPicker{selected: map[string]bool{}, onEdit: onEdit}
	p.all = widget.NewCheck(i18n.L("All extensions"), func(bool) { p.edited() })
	p.all.Checked = true
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(i18n.L("Search number or name"))
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = func(string) { p.filter() }
	p.list = widget.NewList(func() int { return len(p.shown) }, newExtRow, p.updateRow)
	p.list.OnSelected = p.tapRow
	p.count = widget.NewLabel("")
	p.selectAll = widget.NewButton(i18n.L("Select all"), func() { p.setShown(true) })
	p.selectNone = widget.NewButton(i18n.L("Select none"), func() { p.setShown(false) })
	p.filter()
	return p
}

// edited tells the panel about a change the user made.
func (p *extPicker) edited() {
	if p.quiet {
		return
	}
	p.refresh()
	if p.onEdit != nil {
		p.onEdit()
	}
}

// setExtensions replaces the list, keeping the selected numbers that still exist.
func (p *extPicker) setExtensions(exts []cdrclient.Extension) {
	p.exts = slices.Clone(exts)
	exists := make(map[string]bool, len(exts))
	for _, e := range exts {
		exists[e.Number] = true
	}
	for n := range p.selected {
		if !exists[n] {
			delete(p.selected, n)
		}
	}
	p.filter()
}

// setSelection selects exactly numbers (and the All check as all says), as the program.
func (p *extPicker) setSelection(all bool, numbers []string) {
	p.selected = make(map[string]bool, len(numbers))
	for _, n := range numbers {
		p.selected[n] = true
	}
	p.quiet = true
	p.all.SetChecked(all)
	p.quiet = false
	p.refresh()
}

// numbers returns the selected numbers in the PBX's order; numbers the list does not
// hold (a selection restored before the PBX answered) follow in numeric order.
func (p *extPicker) numbers() []string {
	out := make([]string, 0, len(p.selected))
	listed := make(map[string]bool, len(p.exts))
	for _, e := range p.exts {
		listed[e.Number] = true
		if p.selected[e.Number] {
			out = append(out, e.Number)
		}
	}
	var rest []string
	for n := range p.selected {
		if !listed[n] {
			rest = append(rest, n)
		}
	}
	slices.SortFunc(rest, compareNumbers)
	return append(out, rest...)
}

// compareNumbers orders extension numbers numerically when they are digits (999 < 1000).
func compareNumbers(a, b string) int {
	if len(a) != len(b) && strings.Trim(a+b, "0123456789") == "" {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// filter shows the extensions whose number or name contains the search text.
func (p *extPicker) filter() {
	q := strings.ToLower(strings.TrimSpace(p.search.Text))
	p.shown = p.shown[:0]
	for i, e := range p.exts {
		if q == "" || strings.Contains(e.Number, q) || strings.Contains(strings.ToLower(e.Name), q) {
			p.shown = append(p.shown, i)
		}
	}
	p.list.UnselectAll()
	if p.list.GetScrollOffset() > 0 { // (an unrendered list cannot scroll: Fyne panics)
		p.list.ScrollToTop()
	}
	p.refresh()
}

// setShown selects or deselects every extension the search shows.
func (p *extPicker) setShown(on bool) {
	for _, i := range p.shown {
		if on {
			p.selected[p.exts[i].Number] = true
		} else {
			delete(p.selected, p.exts[i].Number)
		}
	}
	p.edited()
}

// toggle is a row's check box changing.
func (p *extPicker) toggle(number string, on bool) {
	if on == p.selected[number] {
		return
	}
	if on {
		p.selected[number] = true
	} else {
		delete(p.selected, number)
	}
	p.edited()
}

// refresh brings the rows, the buttons and the count up to date.
func (p *extPicker) refresh() {
	if p.all.Checked {
		p.selectAll.Disable()
		p.selectNone.Disable()
	} else {
		p.selectAll.Enable()
		p.selectNone.Enable()
	}
	p.count.SetText(p.countText())
	p.list.Refresh()
}

func (p *extPicker) countText() string {
	switch {
	case p.all.Checked && len(p.exts) > 0:
		return i18n.L("All {{.Total}} extensions", map[string]any{"Total": len(p.exts)})
	case p.all.Checked:
		return ""
	case len(p.exts) == 0:
		return i18n.L("{{.Selected}} selected", map[string]any{"Selected": len(p.selected)})
	}
	return i18n.L("{{.Selected}} of {{.Total}} selected", map[string]any{"Selected": len(p.selected), "Total": len(p.exts)})
}

// extRow is one line of the list: a check box with number and name, and a dot that is
// filled when the phone is online and hollow when not (readable without colour).
type extRow struct {
	widget.BaseWidget
	check *widget.Check
	dot   *canvas.Circle
}

func newExtRow() fyne.CanvasObject {
	r := &extRow{check: widget.NewCheck("", nil), dot: canvas.NewCircle(color.Transparent)}
	r.dot.StrokeWidth = 1.5
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer puts the dot at the right end of the row, clear of the scroll bar.
func (r *extRow) CreateRenderer() fyne.WidgetRenderer {
	marker := withMin(container.NewCenter(withMin(r.dot, 10, 10)), 28, 0)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, marker, r.check))
}

func (p *extPicker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*extRow)
	if id < 0 || id >= len(p.shown) {
		return
	}
	e := p.exts[p.shown[id]]
	// The row is reused for other extensions as the list scrolls: set its fields
	// directly, so no callback fires for the extension it showed before.
	r.check.OnChanged = nil
	r.check.Text = extLabel(e)
	r.check.Checked = p.selected[e.Number]
	if p.all.Checked {
		r.check.Disable()
	} else {
		r.check.Enable()
	}
	r.check.OnChanged = func(on bool) { p.toggle(e.Number, on) }
	r.check.Refresh()

	r.dot.StrokeColor = theme.Color(theme.ColorNameSuccess)
	r.dot.FillColor = color.Transparent
	if e.Online() {
		r.dot.FillColor = r.dot.StrokeColor
	} else {
		r.dot.StrokeColor = theme.Color(theme.ColorNameDisabled)
	}
	r.dot.Refresh()
}

// tapRow toggles the extension of a row tapped beside its check box: the whole line is a
// target, not only the small box and its text.
func (p *extPicker) tapRow(id widget.ListItemID) {
	p.list.Unselect(id)
	if p.all.Checked || id < 0 || id >= len(p.shown) {
		return
	}
	n := p.exts[p.shown[id]].Number
	p.toggle(n, !p.selected[n])
}

// extLabel is "1000 张伟", or the number alone when the PBX has no other name for it.
func extLabel(e cdrclient.Extension) string {
	if e.Name == "" || e.Name == e.Number {
		return e.Number
	}
	return e.Number + " " + e.Name
}

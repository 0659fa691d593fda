package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/records"
)

// filterChanged follows the search box and the quick filters.
func (v *View) filterChanged() { v.request() }

// sortBy sorts by column c: ascending first, descending when tapped again.
func (v *View) sortBy(c *column) {
	if v.sort.Column == c.name {
		v.sort.Descending = !v.sort.Descending
	} else {
		v.sort = records.Sort{Column: c.name}
	}
	v.grid.sort = v.sort
	v.grid.table.Refresh() // the arrows move now; the rows follow when sorted
	v.request()
}

// setSeconds shows durations as seconds (or as h:mm:ss).
func (v *View) setSeconds(seconds bool) {
	v.seconds = seconds
	v.grid.cells.seconds = seconds
	v.grid.table.Refresh()
	v.tabs.setSeconds(seconds)
}

// showColumns gives the grid the columns not hidden.
func (v *View) showColumns() {
	var shown []*column
	for i := range v.columns {
		if !v.hidden[v.columns[i].name] {
			shown = append(shown, &v.columns[i])
		}
	}
	v.grid.setColumns(shown)
}

// chooseColumns opens the Columns… dialog: a check per column, applied at once.
func (v *View) chooseColumns() {
	cols := v.columns
	labels := make([]string, len(cols))
	var checked []string
	for i, c := range cols {
		labels[i] = c.label
		if !v.hidden[c.name] {
			checked = append(checked, c.label)
		}
	}
	group := widget.NewCheckGroup(labels, nil)
	group.Selected = checked
	group.OnChanged = func(on []string) { v.setHidden(cols, on) }
	d := dialog.NewCustom(i18n.L("Columns to show"), i18n.L("Close"), container.NewVScroll(group), v.win)
	d.Resize(fyne.NewSize(340, 480))
	d.Show()
}

// setHidden hides the columns of cols whose label is not in on.
func (v *View) setHidden(cols []column, on []string) {
	shown := make(map[string]bool, len(on))
	for _, l := range on {
		shown[l] = true
	}
	for _, c := range cols {
		v.hidden[c.name] = !shown[c.label]
	}
	v.showColumns()
}

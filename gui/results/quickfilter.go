package results

import (
	"slices"

	"fyne.io/fyne/v2/widget"
)

// choice is one option of a quick filter: the words shown and the raw values they
// stand for.
type choice struct {
	label  string
	values []string
}

// quickFilter is a drop-down that keeps records of one status (or one call type):
// its first option keeps all.
type quickFilter struct {
	sel     *widget.Select
	all     string
	choices []choice
	quiet   bool // options are being changed by code: do not report
}

func newQuickFilter(all string, onChange func()) *quickFilter {
	q := &quickFilter{all: all}
	q.sel = widget.NewSelect(nil, func(string) {
		if !q.quiet {
			onChange()
		}
	})
	q.sel.PlaceHolder = all
	q.setChoices(nil)
	return q
}

// setChoices offers cs after the "all" option and selects "all".
func (q *quickFilter) setChoices(cs []choice) {
	q.quiet = true
	defer func() { q.quiet = false }()
	q.choices = cs
	opts := []string{q.all}
	for _, c := range cs {
		opts = append(opts, c.label)
	}
	q.sel.SetOptions(opts)
	q.sel.SetSelectedIndex(0)
}

// values returns the raw values to keep; nil keeps all.
func (q *quickFilter) values() []string {
	i := q.sel.SelectedIndex() - 1
	if i < 0 || i >= len(q.choices) {
		return nil
	}
	return slices.Clone(q.choices[i].values)
}

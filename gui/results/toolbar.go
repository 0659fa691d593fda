package results

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/records"
)

// toolbar is the row of controls above the grid: search, quick filters, columns and
// how durations read.
type toolbar struct {
	search    *widget.Entry
	status    *quickFilter
	kind      *quickFilter
	columns   *widget.Button
	durations *widget.RadioGroup
	box       fyne.CanvasObject
}

// Options of the durations toggle; their index is what counts.
const (
	clockDurations  = 0
	secondDurations = 1
)

func newToolbar(onFilter func(), onColumns func(), onSeconds func(bool)) *toolbar {
	b := &toolbar{
		search:  widget.NewEntry(),
		status:  newQuickFilter(i18n.L("All statuses"), onFilter),
		kind:    newQuickFilter(i18n.L("All types"), onFilter),
		columns: widget.NewButtonWithIcon(i18n.L("Columns…"), theme.ListIcon(), onColumns),
	}
	b.search.SetPlaceHolder(i18n.L("Search numbers, names, trunks, recordings"))
	b.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	b.search.OnChanged = func(string) { onFilter() }
	b.durations = widget.NewRadioGroup([]string{i18n.L("h:mm:ss"), i18n.L("Seconds")}, nil)
	b.durations.Horizontal, b.durations.Required = true, true
	b.durations.SetSelected(b.durations.Options[clockDurations])
	b.durations.OnChanged = func(s string) { onSeconds(s == b.durations.Options[secondDurations]) }
	b.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, b.columns, b.search),
		container.NewHBox(b.status.sel, b.kind.sel, layout.NewSpacer(), widget.NewLabel(i18n.L("Durations:")), b.durations),
	)
	return b
}

// filter returns what the controls ask for.
func (b *toolbar) filter() records.Filter {
	return records.Filter{Text: b.search.Text, Statuses: b.status.values(), Types: b.kind.values()}
}

// setSeconds shows the durations choice without reporting it back.
func (b *toolbar) setSeconds(seconds bool) {
	i := clockDurations
	if seconds {
		i = secondDurations
	}
	on := b.durations.OnChanged
	b.durations.OnChanged = nil
	b.durations.SetSelected(b.durations.Options[i])
	b.durations.OnChanged = on
}

// reset clears the search and the quick filters for a new table, without reporting.
func (b *toolbar) reset() {
	on := b.search.OnChanged
	b.search.OnChanged = nil
	b.search.SetText("")
	b.search.OnChanged = on
	b.status.setChoices(nil)
	b.kind.setChoices(nil)
}

// setValues offers the status and type values the table holds.
func (b *toolbar) setValues(w *words, statuses, types []string) {
	b.status.setChoices(choices(statuses, statusOrder, w.status))
	b.kind.setChoices(choices(types, typeOrder, w.callType))
}

// The PBX's documented values, in the order the quick filters offer them.
var (
	statusOrder = []string{"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "VOICEMAIL"}
	typeOrder   = []string{"Inbound", "Outbound", "Internal", "Transfer", "Callback"}
)

// choices groups raw values by the words shown for them ("ANSWERED" and "answered"
// both read Answered), documented values first in their usual order.
func choices(raw, order []string, word func(string) string) []choice {
	rank := func(v string) int {
		for i, o := range order {
			if equalFold(o, []byte(v)) {
				return i
			}
		}
		return len(order)
	}
	raw = slices.Clone(raw)
	slices.SortStableFunc(raw, func(a, b string) int { return rank(a) - rank(b) })
	var out []choice
	for _, v := range raw {
		label := word(v)
		if i := slices.IndexFunc(out, func(c choice) bool { return c.label == label }); i >= 0 {
			out[i].values = append(out[i].values, v)
			continue
		}
		out = append(out, choice{label: label, values: []string{v}})
	}
	return out
}

package results

import (
	"fyne.io/fyne/v2"

	"cdrdesk/cdrclient"
)

// cellKind says how a column's values are shown in the grid.
type cellKind int

const (
	plainCell     cellKind = iota // the field as it is
	partyCell                     // a number, with the extension's name if known
	statusCell                    // a status, in the user's words
	typeCell                      // a call type, in the user's words
	durationCell                  // seconds, as h:mm:ss or seconds
	recordingCell                 // a recording's file name, marked so that calls with one stand out
)

// column is one column the grid can show.
type column struct {
	name   string // canonical name, or the table's own name for an unknown column
	index  int    // position in the table
	label  string // header text in the user's language
	kind   cellKind
	width  float32
	align  fyne.TextAlign
	header [3]string // label, label ▲, label ▼ (built once: UpdateHeader must not allocate)
}

// known describes the PBX's columns in the order the grid shows them.
type known struct {
	name   string
	kind   cellKind
	width  float32
	hidden bool // hidden until the user asks for it
}

var knownColumns = []known{
	{name: cdrclient.ColTimeStart, width: 160},
	{name: cdrclient.ColCallFrom, kind: partyCell, width: 160},
	{name: cdrclient.ColCallTo, kind: partyCell, width: 160},
	{name: cdrclient.ColStatus, kind: statusCell, width: 90},
	{name: cdrclient.ColType, kind: typeCell, width: 90},
	{name: cdrclient.ColTalkDuration, kind: durationCell, width: 90},
	{name: cdrclient.ColCallDuration, kind: durationCell, width: 90},
	{name: cdrclient.ColSrcTrunk, width: 140},
	{name: cdrclient.ColDstTrunk, width: 140},
	{name: cdrclient.ColDIDNumber, width: 130},
	{name: cdrclient.ColPinCode, width: 80, hidden: true},
	{name: cdrclient.ColRecording, kind: recordingCell, width: 300},
	{name: cdrclient.ColCallID, width: 150, hidden: true},
	{name: cdrclient.ColSN, width: 120, hidden: true},
}

// extraWidth is the width of a column the PBX documentation does not list.
const extraWidth = 120

// defaultHidden returns the columns hidden when the user has not chosen.
func defaultHidden() []string {
	var names []string
	for _, k := range knownColumns {
		if k.hidden {
			names = append(names, k.name)
		}
	}
	return names
}

// tableColumns returns the columns of t in display order: the PBX's known columns
// the table has, then any others under their own names.
func tableColumns(t *cdrclient.Table, w *words) []column {
	var cols []column
	taken := map[int]bool{}
	for _, k := range knownColumns {
		i := t.Column(k.name)
		if i < 0 || taken[i] {
			continue
		}
		taken[i] = true
		cols = append(cols, newColumn(k.name, i, w.column(k.name), k.kind, k.width))
	}
	for i, name := range t.Columns() {
		if !taken[i] {
			cols = append(cols, newColumn(name, i, name, plainCell, extraWidth))
		}
	}
	return cols
}

func newColumn(name string, index int, label string, kind cellKind, width float32) column {
	c := column{name: name, index: index, label: label, kind: kind, width: width}
	if kind == durationCell {
		c.align = fyne.TextAlignTrailing
	}
	c.header = [3]string{label, label + " ▲", label + " ▼"}
	return c
}

// headerLabels maps every column name of t, as the table spells it, to its label:
// the header row of the Excel reports.
func headerLabels(t *cdrclient.Table, w *words) map[string]string {
	labels := make(map[string]string)
	for _, name := range t.Columns() {
		if l := w.column(cdrclient.CanonicalColumn(name)); l != "" {
			labels[name] = l
		}
	}
	return labels
}

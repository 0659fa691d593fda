package records

import (
	"slices"

	"cdrdesk/cdrclient"
)

// Filter selects records. The zero value selects every record.
type Filter struct {
	// Text is searched, case-insensitively (ASCII letters fold; other characters
	// match exactly), in callfrom, callto, srctrunkname, dsttrunkname, recording,
	// didnumber, pincode and callid, and in the extension names: a record matches
	// when its callfrom or callto is an extension whose name contains Text.
	// Surrounding white space is ignored; "" matches everything.
	Text string
	// Statuses keeps only records whose status is one of these values, compared
	// exactly (ANSWERED, NO ANSWER, ...). Empty keeps all.
	Statuses []string
	// Types keeps only records whose type is one of these values, compared exactly
	// (Inbound, Outbound, Internal, ...). Empty keeps all.
	Types []string
}

func (f Filter) clone() Filter {
	f.Statuses = slices.Clone(f.Statuses)
	f.Types = slices.Clone(f.Types)
	return f
}

// Sort orders records by one column. Ties keep the PBX's order (the sort is stable)
// and empty values come last in both directions.
type Sort struct {
	// Column is a column name (canonical names and aliases accepted, see
	// cdrclient.CanonicalColumn); "" keeps the PBX's order. A column the table lacks
	// reads as empty everywhere, so it keeps the PBX's order too.
	Column string
	// Descending reverses the order of the non-empty values.
	Descending bool
}

// View is the rows of a table that pass a filter, in a sort order. It derives data
// from the table once and keeps it (sort ranks, per-row facts), so the table must be
// complete (closed) and not change afterwards.
//
// A View is not safe for concurrent use. A slice returned by Rows is never modified
// afterwards, so a caller may keep showing it while the next Apply runs, provided
// it does not call the View's methods concurrently.
type View struct {
	t    *cdrclient.Table
	exts extensions // the names, as NewView got them

	filter Filter
	sort   Sort
	rows   []int

	facts  *facts // nil until a filter needs it
	ranks  rankCache
	values map[int][]string
	split  splitter
}

// NewView returns a view of every record of t in the PBX's order. names maps
// extension numbers to display names; it may be nil, and is copied.
func NewView(t *cdrclient.Table, names map[string]string) *View {
	return &View{t: t, exts: newExtensions(names), rows: allRows(t.Len()), split: defaultSplitter()}
}

// Apply selects the rows that pass f and orders them by s, replacing Rows.
func (v *View) Apply(f Filter, s Sort) {
	v.filter, v.sort = f.clone(), s
	rows := v.filterRows(v.filter)
	if s.Column != "" {
		v.sortRows(rows, v.t.Column(s.Column), s.Descending)
	}
	v.rows = rows
}

// Rows returns the table row indexes to show, in order. Do not modify the slice.
func (v *View) Rows() []int { return v.rows }

// Len returns the number of rows shown.
func (v *View) Len() int { return len(v.rows) }

// Filter returns the filter last applied.
func (v *View) Filter() Filter { return v.filter.clone() }

// Sort returns the sort order last applied.
func (v *View) Sort() Sort { return v.sort }

// Table returns the table the view shows.
func (v *View) Table() *cdrclient.Table { return v.t }

// factsOf returns the per-row facts, deriving them on first use.
func (v *View) factsOf() *facts {
	if v.facts == nil {
		v.facts = buildFacts(v.t, &v.exts, v.split)
	}
	return v.facts
}

// allRows returns 0, 1, ..., n-1.
func allRows(n int) []int {
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

package results

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/records"
)

// englishWords are the words the grid must show for the PBX's values, written out
// here rather than taken from words.go.
var englishWords = map[string]string{
	"ANSWERED": "Answered", "NO ANSWER": "No answer", "BUSY": "Busy", "FAILED": "Failed",
	"VOICEMAIL": "Voicemail", "Inbound": "Incoming", "Outbound": "Outgoing",
	"Internal": "Internal", "Transfer": "Transfer", "Callback": "Callback",
}

// want returns what the grid should show for a field of column name.
func want(d *simData, row int, name string, seconds bool) string {
	raw := d.table.Field(row, d.table.Column(name))
	switch name {
	case cdrclient.ColCallFrom, cdrclient.ColCallTo:
		return records.Party(raw, d.names)
	case cdrclient.ColStatus, cdrclient.ColType:
		if w, ok := englishWords[raw]; ok {
			return w
		}
	case cdrclient.ColTalkDuration, cdrclient.ColCallDuration:
		return records.DisplayDuration(raw, seconds)
	case cdrclient.ColRecording:
		if raw != "" {
			return "● " + raw // a call with a recording stands out
		}
	}
	return raw
}

func TestSetDataShowsTheTable(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 3)
	if f.v.Status() != "" || f.v.CanSave() {
		t.Errorf("before data: status %q, can save %v", f.v.Status(), f.v.CanSave())
	}
	if got := texts(f.v.Widget()); !slices.Contains(got, "Choose extensions and dates, then Get records") {
		t.Errorf("placeholder missing: %q", got)
	}
	f.v.SetData(d.table, d.names, d.info)

	if !slices.Equal(f.v.rows, allRows(d.table.Len())) {
		t.Fatalf("grid shows %d rows, want the table's %d in its order", len(f.v.rows), d.table.Len())
	}
	if rows, _ := f.v.grid.size(); rows != d.table.Len() {
		t.Errorf("grid length %d, want %d", rows, d.table.Len())
	}
	wantCols := []string{"timestart", "callfrom", "callto", "status", "type", "talkduraction",
		"callduraction", "srctrunkname", "dsttrunkname", "didnumber", "recording"}
	wantLabels := []string{"Time (PBX)", "Caller", "Called", "Status", "Type", "Talk time",
		"Total time", "Trunk in", "Trunk out", "DID", "Recording"}
	var names, labels []string
	for _, c := range f.v.grid.cols {
		names, labels = append(names, c.name), append(labels, c.label)
	}
	if !slices.Equal(names, wantCols) || !slices.Equal(labels, wantLabels) {
		t.Errorf("columns %v %v", names, labels)
	}
	for row := range 40 {
		for col, name := range wantCols {
			if got, w := f.cell(row, col), want(d, row, name, false); got != w {
				t.Errorf("row %d %s: %q, want %q", row, name, got, w)
			}
		}
	}
	if !f.v.CanSave() || !strings.HasPrefix(f.v.Status(), "Showing all ") {
		t.Errorf("status %q", f.v.Status())
	}
}

func allRows(n int) []int {
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

// header returns the rendered header cell of grid column col.
func (f *fixture) header(t *testing.T, col int) *headerCell {
	t.Helper()
	var found *headerCell
	uitest.Walk(f.w.Canvas().Content(), func(o fyne.CanvasObject) {
		if h, ok := o.(*headerCell); ok && h.col == col {
			found = h
		}
	})
	if found == nil {
		t.Fatalf("no header cell for column %d", col)
	}
	return found
}

func TestHeaderTapSorts(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 3)
	f.v.SetData(d.table, d.names, d.info)
	talk := f.column(cdrclient.ColTalkDuration)
	seconds := func(row int) int {
		s, _ := cdrclient.ParseSeconds(d.table.Field(row, d.table.Column(cdrclient.ColTalkDuration)))
		return s
	}
	for _, tc := range []struct {
		arrow string
		order func(a, b int) bool
	}{
		{" ▲", func(a, b int) bool { return a <= b }},
		{" ▼", func(a, b int) bool { return a >= b }},
	} {
		test.Tap(f.header(t, talk))
		h := f.header(t, talk)
		if h.label.Text != "Talk time"+tc.arrow {
			t.Errorf("header %q, want the arrow%s", h.label.Text, tc.arrow)
		}
		if len(f.v.rows) != d.table.Len() {
			t.Fatalf("sorting changed the number of rows: %d", len(f.v.rows))
		}
		for i := 1; i < len(f.v.rows); i++ {
			if !tc.order(seconds(f.v.rows[i-1]), seconds(f.v.rows[i])) {
				t.Fatalf("%s: rows %d and %d out of order", tc.arrow, i-1, i)
			}
		}
		for i := range 5 { // what is drawn follows the order
			if got, w := f.cell(i, talk), want(d, f.v.rows[i], cdrclient.ColTalkDuration, false); got != w {
				t.Errorf("%s: cell %d %q, want %q", tc.arrow, i, got, w)
			}
		}
	}
	from := f.column(cdrclient.ColCallFrom)
	test.Tap(f.header(t, from))
	if f.v.sort != (records.Sort{Column: cdrclient.ColCallFrom}) {
		t.Errorf("sort %+v after tapping Caller", f.v.sort)
	}
	if h := f.header(t, talk); h.label.Text != "Talk time" {
		t.Errorf("the old sort column still shows %q", h.label.Text)
	}
	if f.v.State().Sort != f.v.sort {
		t.Error("the sort is not part of the state")
	}
}

func TestDurationsToggle(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	talk, total := f.column(cdrclient.ColTalkDuration), f.column(cdrclient.ColCallDuration)
	for _, seconds := range []bool{true, false} {
		f.v.bar.durations.SetSelected(f.v.bar.durations.Options[map[bool]int{false: 0, true: 1}[seconds]])
		if f.v.State().Seconds != seconds {
			t.Errorf("state says seconds=%v", f.v.State().Seconds)
		}
		for row := range 10 {
			if got, w := f.cell(row, talk), want(d, row, cdrclient.ColTalkDuration, seconds); got != w {
				t.Errorf("seconds=%v row %d talk %q, want %q", seconds, row, got, w)
			}
			if got, w := f.cell(row, total), want(d, row, cdrclient.ColCallDuration, seconds); got != w {
				t.Errorf("seconds=%v row %d total %q, want %q", seconds, row, got, w)
			}
		}
	}
}

func TestColumnsDialogHidesAndShows(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	tapButton(t, f.w.Canvas().Content(), "Columns…")
	dlg := f.top(t)
	tapCheck(t, dlg, "Recording")
	tapCheck(t, dlg, "Call ID")
	if f.column(cdrclient.ColRecording) >= 0 || f.column(cdrclient.ColCallID) < 0 {
		t.Errorf("columns now %v", colNames(f.v.grid.cols))
	}
	last := len(f.v.grid.cols) - 1
	if f.v.grid.cols[last].name != cdrclient.ColCallID {
		t.Errorf("Call ID is not in its place: %v", colNames(f.v.grid.cols))
	}
	if got := f.cell(0, last); got != d.table.Field(0, d.table.Column(cdrclient.ColCallID)) {
		t.Errorf("call ID cell %q", got)
	}
	hidden := f.v.State().Hidden
	if !slices.Contains(hidden, cdrclient.ColRecording) || slices.Contains(hidden, cdrclient.ColCallID) {
		t.Errorf("state hides %v", hidden)
	}
	tapButton(t, dlg, "Close")
	if f.w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open")
	}
}

// tapCheck taps the check box labelled text inside o.
func tapCheck(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Check
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*widget.Check); ok && x.Text == text {
			found = x
		}
	})
	if found == nil {
		t.Fatalf("no check %q in %q", text, texts(o))
	}
	test.Tap(found)
}

func colNames(cols []*column) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.name)
	}
	return out
}

func TestRestoreState(t *testing.T) {
	f := newFixture(t, i18n.English)
	d := simRecords(t, 1)
	f.v.SetData(d.table, d.names, d.info)
	if got := f.v.State().Hidden; !slices.Equal(got, []string{"callid", "pincode", "sn"}) {
		t.Errorf("default hidden %v", got)
	}
	s := State{Hidden: []string{}, Sort: records.Sort{Column: "timestart", Descending: true}, Seconds: true, LastFolder: "/x"}
	f.v.Restore(s)
	if len(f.v.grid.cols) != len(cdrclient.StandardColumns) {
		t.Errorf("an empty hidden list shows %d columns", len(f.v.grid.cols))
	}
	got := f.v.State()
	if got.Hidden == nil || len(got.Hidden) != 0 || got.Sort != s.Sort || !got.Seconds || got.LastFolder != "/x" {
		t.Errorf("state %+v after restoring %+v", got, s)
	}
	if first, last := d.table.Field(f.v.rows[0], 1), d.table.Field(f.v.rows[len(f.v.rows)-1], 1); first < last {
		t.Errorf("restored descending time sort shows %s before %s", first, last)
	}
	f.v.Restore(State{})
	if f.column(cdrclient.ColPinCode) >= 0 || f.v.seconds {
		t.Errorf("zero state: columns %v, seconds %v", colNames(f.v.grid.cols), f.v.seconds)
	}
}

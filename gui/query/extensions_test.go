package query

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
)

// shownNumbers are the extensions the list offers now.
func shownNumbers(f *fixture) []string {
	var out []string
	for _, i := range f.p.exts.shown {
		out = append(out, f.p.exts.exts[i].Number)
	}
	return out
}

func TestSearchFilters(t *testing.T) {
	tests := []struct {
		search string
		want   []string
	}{
		{"", nil}, // all 24
		{"1002", []string{"1002"}},
		{"102", []string{"1020", "1021", "1022", "1023"}},
		{"张伟", []string{"1000"}},
		{"前台", []string{"1006"}},
		{"部", []string{"1007", "1013"}},
		{"alice", []string{"1008"}},
		{"  CHEN ", []string{"1008"}},
		{"nobody", []string{}},
	}
	f := newFixture(t, i18n.English, tall)
	for _, tt := range tests {
		retype(f.p.exts.search, tt.search)
		got := shownNumbers(f)
		if tt.want == nil {
			if len(got) != 24 {
				t.Errorf("%q shows %d extensions, want 24", tt.search, len(got))
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q shows %v, want %v", tt.search, got, tt.want)
		}
		for _, n := range tt.want {
			f.extCheck(n) // rendered in the list, not only in the model
		}
	}
}

func TestSelectAllAndNoneActOnTheFilteredList(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	if !f.p.exts.selectAll.Disabled() || !f.extCheck("1000").Disabled() {
		t.Error("list and buttons usable while All extensions is ticked")
	}
	test.Tap(f.p.exts.all)
	if f.p.exts.selectAll.Disabled() || f.extCheck("1000").Disabled() {
		t.Fatal("list still disabled after unticking All extensions")
	}
	retype(f.p.exts.search, "101")
	test.Tap(f.p.exts.selectAll)
	want := []string{"1010", "1011", "1012", "1013", "1014", "1015", "1016", "1017", "1018", "1019"}
	if got := f.p.exts.numbers(); !slices.Equal(got, want) {
		t.Errorf("select all on 101: %v", got)
	}
	if got := f.p.exts.count.Text; got != "10 of 24 selected" {
		t.Errorf("count %q", got)
	}
	retype(f.p.exts.search, "部")
	test.Tap(f.p.exts.selectNone) // 1007 was not selected, 1013 was
	want = slices.DeleteFunc(want, func(n string) bool { return n == "1013" })
	if got := f.p.exts.numbers(); !slices.Equal(got, want) {
		t.Errorf("select none on 部: %v, want %v", got, want)
	}
	if f.extCheck("1007").Checked || f.extCheck("1013").Checked {
		t.Error("check boxes do not show the selection")
	}
}

func TestTappingARowTogglesIt(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	test.Tap(f.p.exts.all)
	f.p.exts.list.Select(2) // a tap beside the check box
	f.p.exts.list.Select(2)
	f.p.exts.list.Select(5)
	if got := f.p.exts.numbers(); !slices.Equal(got, []string{"1005"}) {
		t.Errorf("after tapping rows 2, 2, 5: %v", got)
	}
	if !f.extCheck("1005").Checked {
		t.Error("row 5 not shown ticked")
	}
}

func TestSetExtensionsKeepsTheSelection(t *testing.T) {
	f := newFixture(t, i18n.English, tall)
	f.tick("1000", "1003", "1005")
	kept := slices.DeleteFunc(simExtensions(), func(e cdrclient.Extension) bool { return e.Number == "1003" })
	kept = append(kept, cdrclient.Extension{Number: "999", Name: "新分机"})
	f.p.SetExtensions(kept)
	if got := f.p.State().Extensions; !slices.Equal(got, []string{"1000", "1005"}) {
		t.Errorf("selection after the list changed: %v", got)
	}
	if f.p.exts.count.Text != "2 of 24 selected" {
		t.Errorf("count %q", f.p.exts.count.Text)
	}
}

func TestRestoredSelectionBeforeThePBXAnswers(t *testing.T) {
	test.NewTempApp(t)
	setLanguage(t, i18n.English)
	w := test.NewTempWindow(t, nil)
	p := New(w, fixedNow)
	p.Restore(State{Extensions: []string{"1003", "999", "1000"}})
	var got []cdrclient.Query
	p.OnSubmit = func(q cdrclient.Query) { got = append(got, q) }
	test.Tap(p.get)
	if len(got) != 1 || !reflect.DeepEqual(got[0].Extensions, []string{"999", "1000", "1003"}) {
		t.Errorf("queries %+v", got)
	}
	p.SetExtensions(simExtensions())
	if s := p.State().Extensions; !slices.Equal(s, []string{"1000", "1003"}) {
		t.Errorf("after the PBX answered: %v", s)
	}
}

func TestCount(t *testing.T) {
	f := newFixture(t, i18n.Chinese, tall)
	if got := f.p.exts.count.Text; got != "全部 24 个分机" {
		t.Errorf("count %q", got)
	}
	f.tick("1000", "1001", "1002")
	if got := f.p.exts.count.Text; got != "已选 3 / 24" {
		t.Errorf("count %q", got)
	}
}

// manyExtensions is a large office: n extensions from 2000.
func manyExtensions(n int) []cdrclient.Extension {
	out := make([]cdrclient.Extension, n)
	for i := range out {
		out[i] = cdrclient.Extension{Number: fmt.Sprint(2000 + i), Name: fmt.Sprintf("员工 %d", i), Status: "Registered"}
	}
	return out
}

func TestFiveHundredExtensionsScroll(t *testing.T) {
	f := newFixture(t, i18n.English, fyne.NewSize(380, 700))
	f.p.SetExtensions(manyExtensions(500))
	f.tick("2499", "2000")
	if got := f.p.exts.numbers(); !slices.Equal(got, []string{"2000", "2499"}) {
		t.Errorf("selected %v", got)
	}
	rows := 0
	uitest.Walk(f.p.exts.list, func(o fyne.CanvasObject) {
		if _, ok := o.(*extRow); ok {
			rows++
		}
	})
	if rows == 0 || rows > 40 {
		t.Errorf("%d rows built for 500 extensions: the list should build only those in view", rows)
	}
}

func BenchmarkSearch500(b *testing.B) {
	test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	p := New(w, fixedNow)
	w.SetContent(p.Widget())
	w.Resize(fyne.NewSize(380, 700))
	p.SetExtensions(manyExtensions(500))
	for i := 0; b.Loop(); i++ {
		p.exts.search.SetText(fmt.Sprint(i % 300))
	}
}

package records

import (
	"fmt"
	"slices"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// modelFilters cover each way a row can match: digits, letters in either case,
// Chinese names and trunks, quotes and commas (only in quoted fields), the + of a
// number, text found in unsearched columns only, and the quick filters.
var modelFilters = []Filter{
	{},
	{Text: "138"},
	{Text: "0"},
	{Text: "1006"},
	{Text: "张"},
	{Text: "前台"},
	{Text: "财务"},
	{Text: "alice"},
	{Text: "EMMA liu"},
	{Text: "a"},
	{Text: "Unicom, B"},
	{Text: ","},
	{Text: `"Office"`},
	{Text: `""`},
	{Text: "=sum("},
	{Text: "移动"},
	{Text: "wav"},
	{Text: "+"},
	{Text: "answered"},
	{Text: "inbound"},
	{Text: ":"},
	{Text: "\uFFFD"},
	{Statuses: []string{"ANSWERED"}},
	{Statuses: []string{"NO ANSWER", "BUSY", "FAILED", "VOICEMAIL"}},
	{Types: []string{"Transfer", "Callback"}},
	{Text: "10", Statuses: []string{"ANSWERED"}, Types: []string{"Internal"}},
	{Text: "张伟", Types: []string{"Inbound"}},
}

// modelSorts are PBX order and every standard column both ways.
func modelSorts() []Sort {
	sorts := []Sort{{}}
	for _, c := range cdrclient.StandardColumns {
		sorts = append(sorts, Sort{Column: c}, Sort{Column: c, Descending: true})
	}
	return sorts
}

// checkModel applies every filter and sort to a view of t and compares the rows
// with the straightforward model.
func checkModel(t *testing.T, tbl *cdrclient.Table, names map[string]string) {
	t.Helper()
	v := NewView(tbl, names)
	v.split = splitter{workers: 3, minRows: 7} // exercise the concurrent parts
	for _, f := range modelFilters {
		filtered := refFilter(tbl, names, f)
		for _, s := range modelSorts() {
			v.Apply(f, s)
			want := refSort(tbl, filtered, s)
			if !slices.Equal(v.Rows(), want) {
				t.Fatalf("filter %+v sort %+v: rows\n%v, want\n%v", f, s, head(v.Rows()), head(want))
			}
		}
	}
}

func head(rows []int) string {
	if len(rows) > 30 {
		return fmt.Sprint(rows[:30], "...")
	}
	return fmt.Sprint(rows)
}

func TestModelSimulator(t *testing.T) {
	tests := []struct {
		name   string
		change func(*pbxsim.Options)
	}{
		{"default", func(*pbxsim.Options) {}},
		{"gbk", func(o *pbxsim.Options) { o.GBK = true }},
		{"gbk-bom-lf", func(o *pbxsim.Options) { o.GBK, o.BOM, o.LF = true, true, true }},
		{"utf8-bom-dstrunkname", func(o *pbxsim.Options) { o.BOM, o.HeaderSpelling = true, "dstrunkname" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := pbxsim.DefaultOptions()
			o.Seed = 7
			tc.change(&o)
			tbl := simTable(t, o, "2025-03-01", "2025-03-03")
			if tbl.Len() < 200 {
				t.Fatalf("only %d rows", tbl.Len())
			}
			if gbk := tbl.Encoding() == cdrclient.EncodingGB18030; gbk != o.GBK {
				t.Fatalf("encoding %s", tbl.Encoding())
			}
			checkModel(t, tbl, simNames())
		})
	}
}

func TestModelFixtures(t *testing.T) {
	for _, e := range encodings {
		for _, name := range []string{"basic.csv", "missing-columns.csv", "header-only.csv"} {
			t.Run(e.name+"/"+name, func(t *testing.T) {
				checkModel(t, parseTable(t, e.encode(t, readFixture(t, name))), fixtureNames(t))
			})
		}
	}
	t.Run("no names", func(t *testing.T) { checkModel(t, fixture(t, "basic.csv"), nil) })
}

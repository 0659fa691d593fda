package results

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

var asciiWord = regexp.MustCompile(`[A-Za-z]+`)

// allowedWords are the ASCII words a Chinese screen may show: product and format
// names, and whatever comes from the data (trunk names, English extension names,
// recordings, file and folder names).
func allowedWords(d *simData, extra ...string) map[string]bool {
	ok := map[string]bool{"PBX": true, "CSV": true, "Excel": true, "xlsx": true, "csv": true, "CDR": true, "all": true}
	add := func(s string) {
		for _, w := range asciiWord.FindAllString(s, -1) {
			ok[w] = true
		}
	}
	for r := range d.table.Len() {
		for c := range d.table.Columns() {
			add(d.table.Field(r, c))
		}
	}
	for n, name := range d.names {
		add(n + " " + name)
	}
	add(d.info.PBX)
	for _, s := range extra {
		add(s)
	}
	return ok
}

// checkChinese fails for every text inside o holding an ASCII word not allowed.
func checkChinese(t *testing.T, screen string, o fyne.CanvasObject, ok map[string]bool) {
	t.Helper()
	all := texts(o)
	if len(all) == 0 {
		t.Errorf("%s: nothing to read", screen)
	}
	for _, s := range all {
		for _, w := range asciiWord.FindAllString(s, -1) {
			if !ok[w] {
				t.Errorf("%s: English left in %q", screen, s)
				break
			}
		}
	}
}

func TestChineseScreenHasNoEnglish(t *testing.T) {
	d := simRecords(t, 3)
	f := newFixture(t, i18n.Chinese)
	dir := t.TempDir()
	ok := allowedWords(d, dir, f.documents, "x.csv")
	checkChinese(t, "placeholder", f.v.Widget(), ok)

	f.v.SetData(d.table, d.names, d.info)
	checkChinese(t, "records", f.v.Widget(), ok)
	checkChinese(t, "status", widget.NewLabel(f.v.Status()), ok)
	for _, want := range []string{"时间（PBX）", "主叫", "已接听", "呼入", "按分机统计", "全部状态"} {
		if !slices.Contains(texts(f.v.Widget()), want) {
			t.Errorf("the Chinese screen lacks %q", want)
		}
	}

	tapButton(t, f.v.Widget(), "列…")
	checkChinese(t, "columns", f.top(t), ok)
	tapButton(t, f.top(t), "关闭")

	choose(t, f.v.bar.status, "未接听")
	checkChinese(t, "filtered", f.v.Widget(), ok)
	f.v.Save()
	checkChinese(t, "save", f.top(t), ok)
	tapButton(t, f.top(t), "取消")

	path := filepath.Join(dir, "x.csv")
	os.WriteFile(path, nil, 0o644)
	f.saveAs(t, path, "CSV（PBX 原始文件）", "")
	checkChinese(t, "replace", f.top(t), ok)
	var work func()
	f.v.Background = func(fn func()) { work = fn }
	tapButton(t, f.top(t), "是")
	checkChinese(t, "progress", f.top(t), ok)
	work()
	checkChinese(t, "saved", f.top(t), ok)
	tapButton(t, f.top(t), "关闭")

	f.v.Save()
	findWidget[*widget.Entry](t, f.top(t)).SetText("../x.csv")
	tapButton(t, f.top(t), "保存")
	checkChinese(t, "refused name", f.top(t), ok)
	tapButton(t, f.top(t), "取消")

	f.v.bar.search.SetText("没有这个")
	checkChinese(t, "nothing found", f.v.Widget(), ok)
}

func TestEnglishScreen(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	got := texts(f.v.Widget())
	for _, want := range []string{"Time (PBX)", "Caller", "Answered", "Incoming", "By extension", "All statuses",
		"Columns…", "h:mm:ss", "Seconds"} {
		if !slices.Contains(got, want) {
			t.Errorf("the English screen lacks %q", want)
		}
	}
	for _, s := range got {
		if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) && !dataText(d, s) {
			t.Errorf("Chinese in the English screen: %q", s)
		}
	}
}

// dataText reports whether s shows data: an extension name, a field or the PBX.
func dataText(d *simData, s string) bool {
	for _, name := range d.names {
		if strings.Contains(s, name) {
			return true
		}
	}
	if strings.Contains(s, d.info.Profile) {
		return true
	}
	for r := range min(d.table.Len(), 200) {
		for c := range d.table.Columns() {
			if d.table.Field(r, c) == s {
				return true
			}
		}
	}
	return false
}

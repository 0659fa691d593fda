package results

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// TestSaveInOneTap: with the defaults right, the Save dialog saves with one tap: an
// Excel workbook (what an office opens), every record, the suggested name, in the
// user's Documents folder. The next dialog offers the folder and format used last.
func TestSaveInOneTap(t *testing.T) {
	d := simRecords(t, 2)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.v.Save()
	dlg := f.top(t)
	if got := radioWith(t, dlg, "CSV as sent by the PBX").Selected; got != "Excel workbook (.xlsx)" {
		t.Errorf("format offered first: %q", got)
	}
	name := findWidget[*widget.Entry](t, dlg).Text
	if name != "CDR_总部_all_20261001_20261002.xlsx" || !slices.Contains(texts(dlg), f.documents) {
		t.Fatalf("suggested %q in %q", name, texts(dlg))
	}
	tapButton(t, dlg, "Save")
	got, err := os.ReadFile(filepath.Join(f.documents, name))
	if err != nil {
		t.Fatalf("one tap saved nothing: %v", err)
	}
	checkWorkbook(t, got, d, allRows(d.table.Len()))
	tapButton(t, f.top(t), "Close")

	// The PBX's CSV somewhere else: the next dialog starts there, as that CSV, also
	// after a restart.
	other := t.TempDir()
	f.saveAs(t, filepath.Join(other, "x.csv"), "CSV as sent by the PBX", "")
	tapButton(t, f.top(t), "Close")
	again := newFixture(t, i18n.English)
	again.v.Restore(f.v.State())
	again.v.SetData(d.table, d.names, d.info)
	again.v.Save()
	dlg = again.top(t)
	if got := radioWith(t, dlg, "CSV as sent by the PBX").Selected; got != "CSV as sent by the PBX" {
		t.Errorf("after saving the PBX's CSV the format offered is %q", got)
	}
	if name := findWidget[*widget.Entry](t, dlg).Text; name != "CDR_总部_all_20261001_20261002.csv" || !slices.Contains(texts(dlg), other) {
		t.Errorf("suggested %q in %q, want the last folder %q", name, texts(dlg), other)
	}
}

// TestSaveNameFollowsFormat: the suggested name's extension follows the format until
// the person types a name of their own.
func TestSaveNameFollowsFormat(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.v.Save()
	dlg := f.top(t)
	entry := findWidget[*widget.Entry](t, dlg)
	formats := radioWith(t, dlg, "CSV for Excel")
	formats.SetSelected("Excel workbook (.xlsx)")
	if entry.Text != "CDR_总部_all_20261001_20261001.xlsx" {
		t.Errorf("workbook: %q", entry.Text)
	}
	formats.SetSelected("Report workbook (.xlsx)")
	if entry.Text != "Report_总部_all_20261001_20261001.xlsx" {
		t.Errorf("report workbook: %q", entry.Text)
	}
	formats.SetSelected("CSV as sent by the PBX")
	if entry.Text != "CDR_总部_all_20261001_20261001.csv" {
		t.Errorf("CSV after the report workbook: %q", entry.Text)
	}
	entry.SetText("上月.csv")
	formats.SetSelected("CSV for Excel")
	if entry.Text != "上月.csv" {
		t.Errorf("a typed name changed to %q", entry.Text)
	}
}

// TestSaveRefusesAFolderInTheName: a typed name with a folder separator or ".." is
// refused with a message in the user's language and never joined to the folder;
// nothing is written until the name is plain.
func TestSaveRefusesAFolderInTheName(t *testing.T) {
	separator := map[string]string{
		i18n.English: "Type only the file name, without / or \\. Use Choose folder… to save elsewhere.",
		i18n.Chinese: "只输入文件名，不要包含 / 或 \\。要保存到其他位置，请点“选择文件夹…”。",
	}
	dots := map[string]string{
		i18n.English: "The file name cannot be “.” or contain “..”. Use Choose folder… to save elsewhere.",
		i18n.Chinese: "文件名不能是“.”，也不能包含“..”。要保存到其他位置，请点“选择文件夹…”。",
	}
	for _, language := range []string{i18n.English, i18n.Chinese} {
		for _, tc := range []struct {
			typed string
			want  map[string]string
		}{
			{"../escape.csv", separator},
			{`..\escape.csv`, separator},
			{"sub/escape.csv", separator},
			{"/tmp/escape.csv", separator},
			{"..", dots},
			{"escape..csv", dots},
		} {
			t.Run(language+" "+tc.typed, func(t *testing.T) {
				d := simRecords(t, 1)
				f := newFixture(t, language)
				f.documents = filepath.Join(t.TempDir(), "Documents")
				if err := os.Mkdir(f.documents, 0o700); err != nil {
					t.Fatal(err)
				}
				os.Mkdir(filepath.Join(f.documents, "sub"), 0o700)
				f.v.SetData(d.table, d.names, d.info)
				f.v.Save()
				dlg := f.top(t)
				radioWith(t, dlg, i18n.L("CSV as sent by the PBX")).SetSelected(i18n.L("CSV as sent by the PBX"))
				entry := findWidget[*widget.Entry](t, dlg)
				entry.SetText(tc.typed)
				tapButton(t, dlg, i18n.L("Save"))
				if f.top(t) != dlg || !slices.Contains(texts(dlg), tc.want[language]) {
					t.Fatalf("%q: no refusal %q in %q", tc.typed, tc.want[language], texts(f.top(t)))
				}
				entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter is refused too
				if f.top(t) != dlg || f.v.saving {
					t.Fatal("Enter saved a refused name")
				}
				for _, dir := range []string{f.documents, filepath.Dir(f.documents), filepath.Join(f.documents, "sub"), "/tmp"} {
					if _, err := os.Stat(filepath.Join(dir, "escape.csv")); err == nil {
						t.Fatalf("a file was written in %s", dir)
					}
				}
				entry.SetText("escape.csv")
				if slices.Contains(texts(dlg), tc.want[language]) {
					t.Error("the refusal stays after a plain name")
				}
				tapButton(t, dlg, i18n.L("Save"))
				if got, err := os.ReadFile(filepath.Join(f.documents, "escape.csv")); err != nil || !bytes.Equal(got, d.csv) {
					t.Errorf("a plain name then saved %d bytes (%v)", len(got), err)
				}
			})
		}
	}
}

// TestSaveSuggestsTheCommandLineName: the window suggests the name `cdrdesk export`
// would (internal/reportname): part of a day keeps its clock, so two reports of one
// day do not take the same name.
func TestSaveSuggestsTheCommandLineName(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	info := d.info
	day := info.Query.Start
	info.Query.Start = time.Date(day.Year(), day.Month(), day.Day(), 8, 30, 0, 0, day.Location())
	info.Query.End = time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, day.Location())
	info.Query.Extensions = []string{"1000", "1001"}
	f.v.SetData(d.table, d.names, info)
	f.v.Save()
	if got := findWidget[*widget.Entry](t, f.top(t)).Text; got != "CDR_总部_1000-1001_20261001-0830_20261001-1200.xlsx" {
		t.Errorf("suggested %q", got)
	}
}

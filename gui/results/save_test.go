package results

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/records"
)

// saveAs goes through the Save dialog: format and scope options as a person reads
// them, Choose folder… (answered by the fake chooser) and the file name of path, then
// Save. The name suggested for the format is kept in f.suggested.
func (f *fixture) saveAs(t *testing.T, path, format, scope string) {
	t.Helper()
	f.v.Save()
	dlg := f.top(t)
	radioWith(t, dlg, format).SetSelected(format)
	if scope != "" {
		radioWith(t, dlg, scope).SetSelected(scope)
	}
	name := findWidget[*widget.Entry](t, dlg)
	f.suggested = name.Text
	f.chooser.dir = filepath.Dir(path)
	tapButton(t, dlg, i18n.L("Choose folder…"))
	name.SetText(filepath.Base(path))
	tapButton(t, dlg, i18n.L("Save"))
}

// radioWith returns the radio group inside o that offers option.
func radioWith(t *testing.T, o fyne.CanvasObject, option string) *widget.RadioGroup {
	t.Helper()
	var found *widget.RadioGroup
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if r, ok := c.(*widget.RadioGroup); ok && slices.Contains(r.Options, option) {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("no choice %q in %q", option, texts(o))
	}
	return found
}

// csvLines splits the simulator's CSV (CRLF line ends, no line breaks in fields).
func csvLines(t *testing.T, csv []byte) []string {
	t.Helper()
	lines := strings.SplitAfter(string(csv), "\r\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func TestSaveFormats(t *testing.T) {
	d := simRecords(t, 3)
	n := d.table.Len()
	for _, tc := range []struct {
		name, format, scope, file string
		filter                    bool
		check                     func(t *testing.T, got []byte, rows []int)
	}{
		{name: "csv all", format: "CSV as sent by the PBX", file: "a.csv", check: func(t *testing.T, got []byte, _ []int) {
			if !bytes.Equal(got, d.csv) {
				t.Errorf("saved %d bytes, not the PBX's %d bytes", len(got), len(d.csv))
			}
		}},
		{name: "csv all while filtered", format: "CSV as sent by the PBX", file: "b.csv", filter: true,
			scope: "All " + i18n.Count(n) + " records", check: func(t *testing.T, got []byte, _ []int) {
				if !bytes.Equal(got, d.csv) {
					t.Errorf("saved %d bytes, not the PBX's %d bytes", len(got), len(d.csv))
				}
			}},
		{name: "csv shown", format: "CSV as sent by the PBX", file: "c.csv", filter: true, scope: "shown", check: func(t *testing.T, got []byte, rows []int) {
			lines := csvLines(t, d.csv)
			want := lines[0]
			for _, r := range rows {
				want += lines[1+r]
			}
			if string(got) != want {
				t.Errorf("saved %d bytes, want the header and the %d rows shown (%d bytes)", len(got), len(rows), len(want))
			}
		}},
		{name: "excel csv", format: "CSV for Excel", file: "d.csv", check: func(t *testing.T, got []byte, _ []int) {
			if !bytes.HasPrefix(got, []byte("\xef\xbb\xbfCall ID,Time (PBX),Caller,Called,Total time,Talk time,")) {
				t.Errorf("starts %q", got[:min(80, len(got))])
			}
			if lines := bytes.Count(got, []byte("\r\n")); lines != n+1 {
				t.Errorf("%d lines, want %d", lines, n+1)
			}
		}},
		{name: "xlsx", format: "Excel workbook (.xlsx)", file: "e.xlsx", check: func(t *testing.T, got []byte, _ []int) {
			checkWorkbook(t, got, d, allRows(n))
		}},
		{name: "xlsx shown", format: "Excel workbook (.xlsx)", file: "f.xlsx", filter: true, scope: "shown", check: func(t *testing.T, got []byte, rows []int) {
			checkWorkbook(t, got, d, rows)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			f.v.SetData(d.table, d.names, d.info)
			if tc.filter {
				choose(t, f.v.bar.status, "No answer")
				sortByTalk(t, f)
			}
			if tc.scope == "shown" {
				tc.scope = "Only the " + i18n.Count(len(f.v.rows)) + " shown"
			}
			path := filepath.Join(t.TempDir(), tc.file)
			f.saveAs(t, path, tc.format, tc.scope)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, got, f.v.rows)
			if !strings.HasPrefix(f.suggested, "CDR_总部_all_20261001_20261003.") || filepath.Ext(f.suggested) != filepath.Ext(tc.file) {
				t.Errorf("suggested %q", f.suggested)
			}
			if f.v.State().LastFolder != filepath.Dir(path) {
				t.Errorf("last folder %q", f.v.State().LastFolder)
			}
			saved := texts(f.top(t))
			if !slices.Contains(saved, "Saved "+i18n.Count(countOf(tc.scope, n, len(f.v.rows)))+" records to "+tc.file) {
				t.Errorf("success dialog says %q", saved)
			}
			tapButton(t, f.top(t), "Open folder")
			if len(f.opened) != 1 || f.opened[0] != "file://"+filepath.ToSlash(filepath.Dir(path)) {
				t.Errorf("opened %q", f.opened)
			}
		})
	}
}

func countOf(scope string, all, shown int) int {
	if strings.HasPrefix(scope, "Only") {
		return shown
	}
	return all
}

// sortByTalk sorts the grid, so that "the rows shown" have an order of their own.
func sortByTalk(t *testing.T, f *fixture) {
	t.Helper()
	f.v.sortBy(f.v.grid.cols[f.column("talkduraction")])
	f.v.sortBy(f.v.grid.cols[f.column("talkduraction")])
}

// checkWorkbook opens an xlsx and compares its text cells with the table's rows.
func checkWorkbook(t *testing.T, data []byte, d *simData, rows []int) {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	got, err := wb.GetRows(wb.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+1 {
		t.Fatalf("%d rows in the sheet, want %d and the header", len(got)-1, len(rows))
	}
	if got[0][0] != "Call ID" || got[0][1] != "Time (PBX)" || got[0][2] != "Caller" {
		t.Errorf("header %q", got[0])
	}
	for i, r := range rows {
		for _, c := range []int{0, 2, 3} { // callid, callfrom, callto: text as sent
			if w := d.table.Field(r, c); cellAt(got[i+1], c) != w {
				t.Fatalf("row %d column %d: %q, want %q", i, c, cellAt(got[i+1], c), w)
			}
		}
	}
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func TestSaveAsksBeforeReplacing(t *testing.T) {
	d := simRecords(t, 1)
	for _, tc := range []struct {
		format, file string
		written      func(got []byte) bool // whether got is what the format writes
	}{
		{"CSV as sent by the PBX", "old.csv", func(got []byte) bool { return bytes.Equal(got, d.csv) }},
		{"Report workbook (.xlsx)", "old.xlsx", func(got []byte) bool {
			wb, err := excelize.OpenReader(bytes.NewReader(got))
			if err != nil {
				return false
			}
			defer wb.Close()
			return slices.Equal(wb.GetSheetList(), bookSheets[i18n.English])
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			f.v.SetData(d.table, d.names, d.info)
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, answer := range []string{"No", "Yes"} {
				f.saveAs(t, path, tc.format, "")
				dlg := f.top(t)
				if !slices.Contains(texts(dlg), "“"+tc.file+"” already exists in this folder. Replace it?") {
					t.Fatalf("no question before replacing: %q", texts(dlg))
				}
				tapButton(t, dlg, answer)
				got, _ := os.ReadFile(path)
				if replaced := tc.written(got); replaced != (answer == "Yes") {
					t.Errorf("answer %s: file holds %d bytes", answer, len(got))
				}
				if answer == "No" && f.w.Canvas().Overlays().Top() != nil {
					t.Errorf("after No a dialog is left: %q", texts(f.top(t)))
				}
			}
		})
	}
}

func TestSaveFailureLeavesNoFile(t *testing.T) {
	d := simRecords(t, 1)
	for _, format := range []string{"Excel workbook (.xlsx)", "Report workbook (.xlsx)"} {
		t.Run(format, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			f.v.SetData(d.table, d.names, d.info)
			var got error
			f.v.OnSaved = func(_ string, err error) { got = err }
			dir := filepath.Join(t.TempDir(), "missing")
			path := filepath.Join(dir, "x.xlsx")
			f.saveAs(t, path, format, "")
			if got == nil {
				t.Fatal("saving into a missing folder succeeded")
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a file was left: %v", err)
			}
			what := alert.Explain(got).What
			if !slices.Contains(texts(f.top(t)), what) {
				t.Errorf("the error dialog does not say %q: %q", what, texts(f.top(t)))
			}
			if !f.v.CanSave() || f.v.saving {
				t.Error("cannot save again after a failure")
			}
		})
	}
}

func TestSaveCancelled(t *testing.T) {
	d := simRecords(t, 3)
	for _, tc := range []struct {
		name, format string
		engine       bool // the engine has folded the calls: the job goes straight to writing
	}{
		{"xlsx", "Excel workbook (.xlsx)", false},
		{"report workbook", "Report workbook (.xlsx)", false},
		{"report workbook of the engine's calls", "Report workbook (.xlsx)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, i18n.English)
			f.v.SetData(d.table, d.names, d.info)
			if tc.engine {
				f.v.calls = foldSim(t, d, f.v.reportSettings, d.info.Query.End)
			}
			var work func()
			f.v.Background = func(fn func()) { work = fn } // hold the write until Cancel is tapped
			var got error
			f.v.OnSaved = func(_ string, err error) { got = err }
			dir := t.TempDir()
			f.saveAs(t, filepath.Join(dir, "x.xlsx"), tc.format, "")
			prog := f.top(t)
			if !slices.Contains(texts(prog), "Saving "+i18n.Count(d.table.Len())+" records to x.xlsx…") {
				t.Errorf("progress says %q", texts(prog))
			}
			f.v.Save() // a second save while one runs is refused
			if f.top(t) != prog {
				t.Error("Save opened a dialog while saving")
			}
			tapButton(t, prog, "Cancel")
			work()
			if !errors.Is(got, context.Canceled) {
				t.Errorf("cancelled save ended with %v", got)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("cancelled save left %v", left)
			}
			if f.w.Canvas().Overlays().Top() != nil {
				t.Errorf("dialog left after cancelling: %q", texts(f.top(t)))
			}
		})
	}
}

func TestSaveChooserCancelled(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.v.Save()
	dlg := f.top(t)
	f.chooser.dir = "" // the folder dialog is cancelled: the folder stays
	tapButton(t, dlg, "Choose folder…")
	if !slices.Contains(texts(dlg), f.documents) || f.chooser.start != f.documents {
		t.Errorf("after cancelling the folder dialog: %q (it started at %q)", texts(dlg), f.chooser.start)
	}
	tapButton(t, dlg, "Cancel")
	if f.w.Canvas().Overlays().Top() != nil || f.v.State().LastFolder != "" {
		t.Errorf("Cancel: a dialog is left or the last folder became %q", f.v.State().LastFolder)
	}
	if left, _ := os.ReadDir(f.documents); len(left) != 0 {
		t.Errorf("Cancel saved %v", left)
	}
}

func TestSaveFollowsDurationChoice(t *testing.T) {
	d := simRecords(t, 1)
	f := newFixture(t, i18n.English)
	f.v.SetData(d.table, d.names, d.info)
	f.v.bar.durations.SetSelected("Seconds")
	path := filepath.Join(t.TempDir(), "s.csv")
	f.saveAs(t, path, "CSV for Excel", "")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(got), "\r\n")
	talk := d.table.Field(0, d.table.Column("talkduraction"))
	if fields := strings.Split(lines[1], ","); fields[5] != talk {
		t.Errorf("talk time written as %q, want the seconds %q", fields[5], talk)
	}
}

func TestStateJSON(t *testing.T) {
	s := State{Hidden: []string{}, Sort: records.Sort{Column: "callto", Descending: true}, Seconds: true, LastFolder: `C:\Users\王\Documents`}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back State
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Hidden == nil || back.Sort != s.Sort || !back.Seconds || back.LastFolder != s.LastFolder {
		t.Errorf("%s read back as %+v", data, back)
	}
	var zero State
	if err := json.Unmarshal([]byte(`{}`), &zero); err != nil || zero.Hidden != nil {
		t.Errorf("no stored state gives hidden %v (%v): the defaults would be lost", zero.Hidden, err)
	}
}

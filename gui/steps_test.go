package gui

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/internal/uitest"
)

// maxActions is what a first run may ask of a person, from the first start to a saved
// report of yesterday, all extensions. It used to take 11: address, user, password,
// Connect, Trust, the period list, Yesterday, Get records, Save…, Choose location…,
// Save.
const maxActions = 9

// TestFirstStartToSavedReport walks that path with the real widgets, from a first
// start with no saved connection, against the simulator over real TLS, and counts
// every typed field and every tap. No safety step is skipped: the unknown certificate
// stops the first Connect until it is trusted, and the file is saved only after Save.
func TestFirstStartToSavedReport(t *testing.T) {
	f := newFixture(t, false)
	actions := 0
	typeInto := func(e *widget.Entry, text string) {
		t.Helper()
		f.act(func() { test.Type(e, text) })
		actions++
	}
	tap := func(o fyne.CanvasObject, label string) {
		t.Helper()
		b := uitest.Button(t, o, label)
		f.act(func() { test.Tap(b) })
		actions++
	}
	top := func() fyne.CanvasObject {
		t.Helper()
		o := f.w.win.Canvas().Overlays().Top()
		if o == nil {
			t.Fatalf("no dialog; the window shows %q", uitest.Drawn(f.w.win.Canvas().Content()))
		}
		return o
	}

	// The connection dialog of a first start.
	dlg := top()
	typeInto(f.entryIn(dlg, func(e *widget.Entry) bool { return e.PlaceHolder == "192.168.1.150" }), f.simURL)
	typeInto(f.entryIn(dlg, func(e *widget.Entry) bool { return e.PlaceHolder == "api" }), pbxsim.DefaultUser)
	typeInto(f.entryIn(dlg, func(e *widget.Entry) bool { return e.Password }), pbxsim.DefaultPassword)
	tap(dlg, "Connect")
	f.wait("dialog:connect")
	if n := f.sim.Stats().Logins; n != 0 {
		t.Fatalf("%d logins before the certificate was trusted", n)
	}
	tap(top(), "Trust this certificate")
	f.wait("dialog:connect")
	if f.w.connection() == nil || f.w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("not connected after trusting the certificate: %q", uitest.Drawn(f.w.win.Canvas().Content()))
	}

	// Yesterday, all extensions (the default), Get records, Save…, Save.
	root := f.w.win.Canvas().Content()
	tap(root, "Yesterday")
	tap(root, "Get records")
	f.wait("fetch")
	tap(root, "Save…")
	tap(top(), "Save")
	f.wait("save")

	if actions > maxActions {
		t.Errorf("%d actions from a first start to a saved report, want at most %d", actions, maxActions)
	}
	yesterday := time.Date(now.Year(), now.Month(), now.Day()-1, 0, 0, 0, 0, time.Local)
	want := served(t, f.sim, cdrclient.Query{Start: yesterday, End: yesterday.Add(24*time.Hour - time.Second)})
	name := "CDR_127.0.0.1_all_" + yesterday.Format("20060102") + "_" + yesterday.Format("20060102") + ".xlsx"
	path := filepath.Join(f.docs, name)
	if _, err := os.Stat(path); err != nil {
		left, _ := os.ReadDir(f.docs)
		t.Fatalf("no %s in the Documents folder (%v): it holds %v", name, err, left)
	}
	sameCalls(t, path, want)
	t.Logf("%d actions from a first start to a saved report", actions)
}

// entryIn finds a visible entry under o for which ok is true.
func (f *fixture) entryIn(o fyne.CanvasObject, ok func(*widget.Entry) bool) *widget.Entry {
	f.t.Helper()
	e, found := uitest.Find(o, ok)
	if !found {
		f.t.Fatalf("no such field among %q", uitest.Drawn(o))
	}
	return e
}

// sameCalls checks that the workbook at path holds the PBX's records, in its order:
// one row per record under the header, each with the record's call ID first.
func sameCalls(t *testing.T, path string, served []byte) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(served)).ReadAll()
	if err != nil || len(records) < 2 {
		t.Fatalf("the PBX served %d records (%v)", len(records)-1, err)
	}
	id := slices.Index(records[0], cdrclient.ColCallID)
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(wb.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(records) {
		t.Fatalf("the workbook has %d rows, the PBX served %d records and the header", len(rows), len(records)-1)
	}
	for i, rec := range records[1:] {
		if got := rows[i+1][0]; got != rec[id] {
			t.Fatalf("row %d has call ID %q, the PBX's record %q", i+1, got, rec[id])
		}
	}
}

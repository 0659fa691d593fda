package gui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/i18n"
	"cdrdesk/gui/internal/uitest"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/profile"
)

// wallOf is t's wall clock as the archive keeps it.
func wallOf(t time.Time) time.Time { return archive.WallRange(t, t).From }

// TestFirstSyncOnConnect: connecting to a PBX the archive holds nothing of asks how far
// back to start (12 months unless chosen), in the person's language; the choice is
// synced, and the status line then says what the archive holds.
func TestFirstSyncOnConnect(t *testing.T) {
	for _, tc := range []struct {
		language, choice, start string
		months                  int
		want                    string
	}{
		{i18n.English, "3 months", "Update archive", 3, "Archive: "},
		{i18n.Chinese, "1 个月", "更新存档", 1, "存档："},
	} {
		t.Run(tc.language, func(t *testing.T) {
			f := newFixtureWith(t, false, setup{syncOnConnect: true, prepare: func(f *fixture, run *pbxsim.Running) {
				f.app.Preferences().SetString(prefLanguage, tc.language)
				saveConnection(t, f.store, profileTo(run))
			}})
			f.wait("connect")
			f.wait("ready:update")
			var choice *widget.RadioGroup
			f.act(func() {
				top := f.w.win.Canvas().Overlays().Top()
				if top == nil {
					t.Fatal("no question on the first sync")
				}
				choice = f.radio(top, tc.choice)
				if def := i18n.L("{{.N}} months", map[string]any{"N": 12}); choice.Selected != def {
					t.Errorf("chosen at first: %q, want %q", choice.Selected, def)
				}
				choice.SetSelected(tc.choice)
				test.Tap(uitest.Button(t, top, tc.start))
			})
			f.wait("update")
			h := f.holding()
			from := wallOf(now.AddDate(0, -tc.months, 0))
			if want := []archive.Range{{From: from, To: wallOf(now)}}; len(h.Coverage) != 1 || h.Coverage[0] != want[0] {
				t.Errorf("coverage %v, want %v", h.Coverage, want)
			}
			line := f.w.bar.archive.Text
			if wantLine := holdingLine(h, h.Records); !strings.HasPrefix(line, tc.want) || line != wantLine {
				t.Errorf("status line %q, want %q", line, wantLine)
			}
			if p, _ := f.store.Get("总部"); p.SN != pbxsim.DefaultSerialNumber {
				t.Errorf("serial number kept with the connection: %q", p.SN)
			}
		})
	}
}

// TestNoSyncOnConnectWhenOff: with the setting off, connecting downloads nothing.
func TestNoSyncOnConnectWhenOff(t *testing.T) {
	f := newFixtureWith(t, false, setup{prepare: func(f *fixture, run *pbxsim.Running) {
		saveConnection(t, f.store, profileTo(run))
	}})
	f.wait("connect")
	// An update starts in connect's step, on the UI goroutine, by saying so.
	f.act(func() {
		if line := f.w.bar.archive.Text; line != "" {
			t.Errorf("status line on connect: %q", line)
		}
	})
	if st := f.sim.Stats(); st.Randoms != 0 || st.Downloads != 0 {
		t.Errorf("connecting asked for %d keys and %d downloads", st.Randoms, st.Downloads)
	}
}

// TestStopUpdateKeepsFinishedWindows: Stop update in the middle keeps the windows
// finished, and says so; the next update asks the PBX for the rest only.
func TestStopUpdateKeepsFinishedWindows(t *testing.T) {
	f := newFixtureWith(t, false, setup{prepare: func(f *fixture, run *pbxsim.Running) {
		saveConnection(t, f.store, profileTo(run))
	}})
	f.wait("connect")
	f.updateHeldAtThirdWindow()
	f.act(func() { test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Stop update")) })
	f.wait("update")
	h := f.holding()
	kept := 0
	if len(h.Coverage) == 1 {
		kept = int(h.Coverage[0].To.Sub(h.Coverage[0].From).Round(time.Hour) / (7 * 24 * time.Hour))
	}
	line := f.w.bar.archive.Text
	// The two windows finished are a week and two (a sync's windows grow).
	if want := "Archive update stopped: the 2 of "; kept != 3 || !strings.HasPrefix(line, want) || !strings.Contains(line, "finished are kept") {
		t.Fatalf("after Stop update: coverage %v, status line %q", h.Coverage, line)
	}
	f.act(func() {
		if uitest.Button(t, f.w.win.Canvas().Content(), "Update archive") == nil {
			t.Error("no Update archive after the stop")
		}
	})

	f.sim.Update(func(o *pbxsim.Options) { o.DownloadDelay, o.DelayAfterDownloads = 0, 0 })
	f.sim.ResetStats()
	asked := h.Coverage[0].To
	f.act(func() { test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Update archive")) })
	f.wait("update")
	if h := f.holding(); len(h.Coverage) != 1 || h.Coverage[0].From != wallOf(now.AddDate(0, -3, 0)) || h.Coverage[0].To != wallOf(now) {
		t.Errorf("after the next update: coverage %v", h.Coverage)
	}
	rest := served(t, f.sim, queryOf(asked.Add(time.Second), wallOf(now)))
	if st, want := f.sim.Stats(), rowsOf(t, rest); st.RowsServed != want {
		t.Errorf("the next update: %d rows served, want %d (the rest only)", st.RowsServed, want)
	}
}

// profileTo is a saved connection "总部" to the simulator run.
func profileTo(run *pbxsim.Running) profile.Profile {
	return profile.Profile{Name: "总部", URL: run.URL, Fingerprint: run.Fingerprint}
}

// queryOf is the query of [from, to], given in the archive's wall clock.
func queryOf(from, to time.Time) cdrclient.Query {
	local := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.Local)
	}
	return cdrclient.Query{Start: local(from), End: local(to)}
}

// TestGetRecordsWaitsForTheUpdate: Get records during an update waits for it (the
// update holds the archive until stopped), saying so in its progress dialog; once the
// update stops, it gets its records.
func TestGetRecordsWaitsForTheUpdate(t *testing.T) {
	f := newFixtureWith(t, false, setup{prepare: func(f *fixture, run *pbxsim.Running) {
		saveConnection(t, f.store, profileTo(run))
	}})
	f.wait("connect")
	f.updateHeldAtThirdWindow()
	f.act(func() {
		root := f.w.win.Canvas().Content()
		test.Tap(uitest.Button(t, root, "Last month"))
		test.Tap(uitest.Button(t, root, "Get records"))
	})
	f.wait("waiting")
	f.act(func() {
		if got := strings.Join(texts(f.w.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(got, "Waiting for the archive update to finish…") {
			t.Errorf("the progress dialog shows %q", got)
		}
	})
	f.sim.Update(func(o *pbxsim.Options) { o.DownloadDelay, o.DelayAfterDownloads = 0, 0 })
	f.act(func() { test.Tap(uitest.Button(t, f.w.win.Canvas().Content(), "Stop update")) })
	f.wait("update")
	f.wait("fetch")
	october := cdrclient.Query{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), End: time.Date(2026, 10, 31, 23, 59, 59, 0, time.Local)}
	if got, want := f.shown(), served(t, f.sim, october); !bytes.Equal(got, want) {
		t.Errorf("after the update: %d bytes shown, the PBX serves %d", len(got), len(want))
	}
}

// updateHeldAtThirdWindow starts the first update of 3 months and returns once its
// first two windows are kept: its third download then waits until cancelled, the
// update holding the archive meanwhile.
func (f *fixture) updateHeldAtThirdWindow() {
	f.t.Helper()
	f.sim.Update(func(o *pbxsim.Options) { o.DownloadDelay, o.DelayAfterDownloads = time.Minute, 2 })
	f.act(func() { test.Tap(uitest.Button(f.t, f.w.win.Canvas().Content(), "Update archive")) })
	f.wait("ready:update")
	f.act(func() {
		top := f.w.win.Canvas().Overlays().Top()
		f.radio(top, "3 months").SetSelected("3 months")
		test.Tap(uitest.Button(f.t, top, "Update archive"))
	})
	for part := 0; part < 3; { // part 3 shown: two windows kept
		s := f.wait("archive:Updating the archive: part ")
		fmt.Sscanf(strings.TrimPrefix(s, "archive:Updating the archive: part "), "%d", &part)
	}
}

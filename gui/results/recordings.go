package results

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/recordings"
)

// callAt returns the call of table row row of the records shown, and whether it
// names a recording.
func (v *View) callAt(row int) (recordings.Call, bool) { return callOf(v.table, row) }

// callOf returns the call of row row of t (a closed table: any goroutine may read it).
func callOf(t *cdrclient.Table, row int) (recordings.Call, bool) {
	field := func(name string) string {
		if c := t.Column(name); c >= 0 {
			return t.Field(row, c)
		}
		return ""
	}
	c := recordings.Call{Start: field(cdrclient.ColTimeStart), From: field(cdrclient.ColCallFrom),
		To: field(cdrclient.ColCallTo), Recording: field(cdrclient.ColRecording)}
	return c, c.Recording != ""
}

// selectedCall returns the selected call when it has a recording.
func (v *View) selectedCall() (recordings.Call, bool) {
	if v.table == nil || v.grid.selected < 0 {
		return recordings.Call{}, false
	}
	return v.callAt(v.grid.selected)
}

// updateRecordingBar enables the recording actions that apply now.
func (v *View) updateRecordingBar() {
	_, selected := v.selectedCall()
	v.recBar.update(selected, v.recBusy, v.table != nil && len(v.rows) > 0 && v.table.Column(cdrclient.ColRecording) >= 0)
}

// source returns where recordings come from, saying so when there is none.
func (v *View) source() recordings.Source {
	var src recordings.Source
	if v.RecordingSource != nil {
		src = v.RecordingSource()
	}
	if src == nil {
		dialog.ShowInformation(i18n.L("Recordings"), i18n.L("Connect to the PBX to play or save recordings."), v.win)
	}
	return src
}

// PlayRecording downloads the selected call's recording to a temporary file and opens
// it with the system's player. The file stays until cdrdesk exits (see Temp).
func (v *View) PlayRecording() {
	c, ok := v.selectedCall()
	if !ok || v.recBusy {
		return
	}
	src := v.source()
	if src == nil {
		return
	}
	v.setRecordingBusy(true)
	v.recBar.play.SetText(i18n.L("Fetching…"))
	tmp := v.Temp
	v.Background(func() {
		path, err := tmp.Fetch(context.Background(), src, c)
		fyne.Do(func() {
			v.recBar.play.SetText(i18n.L("Play"))
			v.setRecordingBusy(false)
			if err == nil {
				err = v.openFile(path)
			}
			if err != nil {
				alert.Show(err, v.win)
			}
		})
	})
}

// openFile opens path with the system's program for it.
func (v *View) openFile(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return v.openURL(u)
}

func (v *View) setRecordingBusy(busy bool) {
	v.recBusy = busy
	v.updateRecordingBar()
}

// SaveRecording asks for a folder and saves the selected call's recording in it.
func (v *View) SaveRecording() {
	c, ok := v.selectedCall()
	if !ok || v.recBusy {
		return
	}
	v.chooseAndSave(func() []recordings.Call { return []recordings.Call{c} })
}

// SaveRecordings asks for a folder and saves the recordings of the calls shown (all
// of them, or those the search and filters keep), one after another.
func (v *View) SaveRecordings() {
	if v.table == nil || v.recBusy {
		return
	}
	table, rows := v.table, v.rows // never modified: new records or answers replace them
	v.chooseAndSave(func() []recordings.Call {
		var calls []recordings.Call
		seen := map[string]bool{}
		for _, r := range rows {
			if c, ok := callOf(table, r); ok && !seen[c.Recording] {
				seen[c.Recording] = true
				calls = append(calls, c)
			}
		}
		return calls
	})
}

// chooseAndSave asks for the folder, then saves the calls that calls returns (run off
// the UI goroutine: it may read a million rows) with a progress dialog.
func (v *View) chooseAndSave(calls func() []recordings.Call) {
	src := v.source()
	if src == nil {
		return
	}
	v.chooser.ChooseFolder(v.win, v.startFolder(), func(dir string) {
		if dir == "" {
			return
		}
		v.lastFolder = dir
		ctx, cancel := context.WithCancel(context.Background())
		prog := newRecordingProgress(v.win, cancel)
		v.setRecordingBusy(true)
		v.Background(func() {
			sum, err := recordings.Save(ctx, src, dir, calls(), prog.report)
			cancel()
			fyne.Do(func() {
				prog.d.Hide()
				v.setRecordingBusy(false)
				switch {
				case errors.Is(err, context.Canceled): // the user's choice
				case err != nil:
					alert.Show(err, v.win)
				default:
					v.showRecordingsSaved(dir, sum)
				}
				if v.OnRecordingsSaved != nil {
					v.OnRecordingsSaved(dir, sum, err)
				}
			})
		})
	})
}

// recordingProgress is the dialog shown while recordings are saved.
type recordingProgress struct {
	d    dialog.Dialog
	bar  *widget.ProgressBar
	text *widget.Label
}

func newRecordingProgress(win fyne.Window, cancel func()) *recordingProgress {
	p := &recordingProgress{bar: widget.NewProgressBar(), text: widget.NewLabel(i18n.L("Finding the calls with a recording…"))}
	p.text.Wrapping = fyne.TextWrapWord
	stop := widget.NewButton(i18n.L("Cancel"), cancel)
	p.d = dialog.NewCustomWithoutButtons(i18n.L("Saving recordings"), container.NewVBox(p.bar, p.text, container.NewCenter(stop)), win)
	p.d.Resize(fyne.NewSize(460, 0))
	p.d.Show()
	return p
}

// report shows files done of the total and the bytes saved; any goroutine may call it.
func (p *recordingProgress) report(pr recordings.Progress) {
	fyne.Do(func() {
		if pr.Total > 0 {
			p.bar.SetValue(float64(pr.Done) / float64(pr.Total))
		}
		p.text.SetText(i18n.L("{{.Done}} of {{.Total}} recordings, {{.Size}} MB", map[string]any{
			"Done": i18n.Count(pr.Done), "Total": i18n.Count(pr.Total), "Size": fmt.Sprintf("%.1f", float64(pr.Bytes)/1e6)}))
	})
}

// maxMissingShown bounds the names of missing recordings the summary lists.
const maxMissingShown = 5

// showRecordingsSaved sums up a finished save, with a way to open the folder.
func (v *View) showRecordingsSaved(dir string, sum recordings.Summary) {
	lines := container.NewVBox(
		widget.NewLabel(i18n.L("Saved: {{.Count}}", map[string]any{"Count": i18n.Count(sum.Saved)})),
		widget.NewLabel(i18n.L("Already there: {{.Count}}", map[string]any{"Count": i18n.Count(sum.Existing)})),
		widget.NewLabel(i18n.L("Missing on the PBX: {{.Count}}", map[string]any{"Count": i18n.Count(len(sum.Missing))})),
	)
	if len(sum.Missing) > 0 {
		names := sum.Missing[:min(len(sum.Missing), maxMissingShown)]
		more := ""
		if len(sum.Missing) > maxMissingShown {
			more = "\n…"
		}
		missing := widget.NewLabel(strings.Join(names, "\n") + more)
		missing.Wrapping = fyne.TextWrapBreak
		lines.Add(missing)
	}
	where := widget.NewLabel(i18n.L("Folder: {{.Folder}}", map[string]any{"Folder": dir}))
	where.Wrapping = fyne.TextWrapBreak
	lines.Add(where)
	d := dialog.NewCustomConfirm(i18n.L("Recordings saved"), i18n.L("Open folder"), i18n.L("Close"), lines, func(open bool) {
		if open {
			v.openFolder(filepath.Clean(dir))
		}
	}, v.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

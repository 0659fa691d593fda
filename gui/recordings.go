package gui

import (
	"cdrdesk/internal/recordings"
)

// wireRecordings lets the results view fetch recordings with the session of the PBX
// connected (none while disconnected or showing the archive alone) and keep the ones
// played in the window's temporary folder, which outlives a rebuild of the view and is
// removed when cdrdesk exits (see quit).
func (w *Window) wireRecordings() {
	if w.played == nil {
		w.played = recordings.NewTempFiles("")
	}
	w.results.Temp = w.played
	w.results.RecordingSource = func() recordings.Source {
		if c := w.connection(); c != nil && c.Session != nil {
			return c.Session
		}
		return nil
	}
}
